import Foundation

/// Where a deadline stands at an instant, counted in working days (剩余 / 超期工作日) — what an
/// inbox shows beside each event. Days, not hours, because deadlines are set in working days.
public enum DeadlineStatus: Sendable, Hashable {
    /// Due on a later working day: this many working days remain after today.
    case dueIn(workingDays: Int)
    /// Due by the end of today (今日到期).
    case dueToday
    /// Past the deadline (超期), by this many working days since the due day (0 when only
    /// non-working days have passed since).
    case overdue(workingDays: Int)

    public init(_ deadline: Deadline, at instant: Date, calendar: WorkingCalendar) {
        let today = calendar.day(of: instant)
        if deadline.isOverdue(at: instant) {
            self = .overdue(workingDays: max(0, calendar.workingDaysBetween(deadline.dueDay, today)))
        } else if today >= deadline.dueDay {
            self = .dueToday
        } else {
            self = .dueIn(workingDays: max(1, calendar.workingDaysBetween(today, deadline.dueDay)))
        }
    }

    public var isOverdue: Bool {
        if case .overdue = self { true } else { false }
    }

    public var label: LocalizedText {
        switch self {
        case .dueIn(let days): LocalizedText(zh: "剩 \(days) 个工作日", en: days == 1 ? "1 working day left" : "\(days) working days left")
        case .dueToday: LocalizedText(zh: "今日到期", en: "due today")
        case .overdue(0): LocalizedText(zh: "已超期", en: "overdue")
        case .overdue(let days): LocalizedText(zh: "超期 \(days) 个工作日", en: days == 1 ? "1 working day overdue" : "\(days) working days overdue")
        }
    }
}
