/// A day of the week (星期), numbered as ISO 8601 does: Monday 1 … Sunday 7.
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Saturday and Sunday (双休日), the regular days off before holidays and make-up days apply.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    public var label: LocalizedText {
        switch self {
        case .monday: LocalizedText(zh: "星期一", en: "Monday")
        case .tuesday: LocalizedText(zh: "星期二", en: "Tuesday")
        case .wednesday: LocalizedText(zh: "星期三", en: "Wednesday")
        case .thursday: LocalizedText(zh: "星期四", en: "Thursday")
        case .friday: LocalizedText(zh: "星期五", en: "Friday")
        case .saturday: LocalizedText(zh: "星期六", en: "Saturday")
        case .sunday: LocalizedText(zh: "星期日", en: "Sunday")
        }
    }
}
