import Foundation

extension WorkingCalendar {
    /// Classifies a completion at `completedAt` against `deadline`: overdue at or after
    /// `deadline.end`, else early or on time as `early` decides (default: before the due day begins).
    public func timeliness(
        completedAt: Date, deadline: Deadline, early: EarlyRule = .beforeLastWorkingDay
    ) -> Timeliness {
        guard completedAt < deadline.end else { return .overdue }
        guard let fraction = early.minimumRemainingFraction else {
            return completedAt < deadline.lastDayStart ? .early : .onTime
        }
        let allowed = workingTime(from: deadline.acceptedAt, to: deadline.end)
        guard allowed > 0 else { return .onTime }
        let remaining = workingTime(from: completedAt, to: deadline.end)
        return remaining / allowed >= fraction ? .early : .onTime
    }
}
