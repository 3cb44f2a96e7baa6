/// One line of the official holiday arrangement (节假日安排): a day off, or a weekend day that
/// becomes a working day (调休), with the festival it belongs to.
public struct HolidayEntry: Sendable, Hashable, Codable {
    /// The two kinds of exception to the Monday–Friday week; raw values are the CSV spelling.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A day off (放假).
        case holiday
        /// A make-up working day (调休上班), normally a Saturday or Sunday.
        case workday
    }

    public let day: CalendarDay
    public let kind: Kind
    /// The festival as the source names it, e.g. "Spring Festival"; may be empty for local additions.
    public let festival: String

    public init(day: CalendarDay, kind: Kind, festival: String) {
        self.day = day
        self.kind = kind
        self.festival = festival
    }

    /// The festival name in both languages; names the table does not know are shown as given.
    public var festivalName: LocalizedText {
        if let chinese = HolidayEntry.chineseFestivalNames[festival] {
            return LocalizedText(zh: chinese, en: festival)
        }
        return LocalizedText(zh: festival, en: festival)
    }

    /// Chinese names of the festivals in the official table (the source spells them in English).
    static let chineseFestivalNames: [String: String] = [
        "New Year's Day": "元旦",
        "Spring Festival": "春节",
        "Tomb-sweeping Day": "清明节",
        "Labour Day": "劳动节",
        "Dragon Boat Festival": "端午节",
        "Mid-autumn Festival": "中秋节",
        "National Day": "国庆节",
        "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
    ]
}
