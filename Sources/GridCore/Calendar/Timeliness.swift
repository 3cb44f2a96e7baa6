/// How a completion compares with its deadline (办结时效), the row of the disposal-rating table.
public enum Timeliness: String, Sendable, Hashable, Codable, CaseIterable {
    /// 提前办结: finished early enough to count as early (see `EarlyRule`).
    case early
    /// 按时办结: before the deadline's end, but not early.
    case onTime = "on_time"
    /// 超期: at or after the deadline's end.
    case overdue

    public var label: LocalizedText {
        switch self {
        case .early: LocalizedText(zh: "提前", en: "early")
        case .onTime: LocalizedText(zh: "按时", en: "on time")
        case .overdue: LocalizedText(zh: "超期", en: "overdue")
        }
    }
}

/// When a completion before the deadline counts as early (提前办结的认定).
///
/// Default (`beforeLastWorkingDay`): finished before the due day begins, i.e. with at least one
/// whole working day to spare. A same-working-day (level 1) event accepted on a working day can
/// therefore never be early under the default — its due day is the day it was accepted.
/// Alternative (`remainingFraction(f)`): finished with at least the fraction `f` (0…1) of the
/// allowed working time still left, measured in working-day time from acceptance to the
/// deadline's end (`WorkingCalendar.workingTime`); this lets level-1 events be early too.
public struct EarlyRule: Sendable, Hashable, Codable {
    /// Nil for the default rule; otherwise the minimum fraction of working time left, clamped to 0…1.
    public let minimumRemainingFraction: Double?

    private init(minimumRemainingFraction: Double?) {
        self.minimumRemainingFraction = minimumRemainingFraction
    }

    /// Early means finished before the due day begins.
    public static let beforeLastWorkingDay = EarlyRule(minimumRemainingFraction: nil)

    /// Early means finished with at least `fraction` of the allowed working time left (NaN is
    /// treated as the default rule; other values are clamped to 0…1).
    public static func remainingFraction(_ fraction: Double) -> EarlyRule {
        guard !fraction.isNaN else { return .beforeLastWorkingDay }
        return EarlyRule(minimumRemainingFraction: min(max(fraction, 0), 1))
    }
}
