/// What kind of day a calendar day is for working-time purposes (日期类型).
public enum DayKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A regular Monday–Friday working day (工作日).
    case workday
    /// A Saturday or Sunday with no special arrangement (周末).
    case weekend
    /// An official day off, whatever the weekday (法定节假日 / 放假).
    case holiday
    /// A Saturday or Sunday made a working day to bridge a holiday (调休上班日).
    case makeUpWorkday = "make_up_workday"

    /// Whether deadlines count this day.
    public var isWorkingDay: Bool { self == .workday || self == .makeUpWorkday }

    public var label: LocalizedText {
        switch self {
        case .workday: LocalizedText(zh: "工作日", en: "working day")
        case .weekend: LocalizedText(zh: "周末", en: "weekend")
        case .holiday: LocalizedText(zh: "节假日", en: "public holiday")
        case .makeUpWorkday: LocalizedText(zh: "调休上班日", en: "make-up working day")
        }
    }
}
