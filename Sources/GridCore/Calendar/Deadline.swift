import Foundation

/// When an event's handling is due (办理期限), computed by `WorkingCalendar.deadline(_:acceptedAt:)`.
///
/// Convention: the deadline is the whole local day `dueDay`. `end` is exclusive — the local
/// midnight that starts the calendar day after `dueDay` — so work is on time when finished at any
/// instant strictly before `end` (no 23:59:59.999 gap). Screens show "`dueDay` 当日内" / "by the
/// end of `dueDay`".
public struct Deadline: Sendable, Hashable, Codable {
    /// When the clock started (立案 / acceptance).
    public let acceptedAt: Date
    /// The last working day on which the work is due (截止日).
    public let dueDay: CalendarDay
    /// The instant `dueDay` begins, local time: finishing before it counts as early by default.
    public let lastDayStart: Date
    /// The exclusive end: finishing at or after this instant is overdue (超期).
    public let end: Date

    public init(acceptedAt: Date, dueDay: CalendarDay, lastDayStart: Date, end: Date) {
        self.acceptedAt = acceptedAt
        self.dueDay = dueDay
        self.lastDayStart = lastDayStart
        self.end = end
    }

    /// Whether the deadline has passed at `instant`.
    public func isOverdue(at instant: Date) -> Bool {
        instant >= end
    }
}
