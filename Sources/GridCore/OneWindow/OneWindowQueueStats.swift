import Foundation

/// The desk's queue and times (窗口受理统计): requests per state, overdue ones, and the mean
/// handling time of those finished — registration to completion, in hours and in working days —
/// with the count it is the mean of, so units can be summed before dividing.
public struct OneWindowQueueStats: Sendable, Equatable, Codable {
    public var byState: [String: Int]
    public var overdue: Int
    public var finished: Int
    public var totalHours: Double
    public var totalWorkingDays: Int
    public var completedOnTime: Int

    public var meanHours: Double? { finished == 0 ? nil : totalHours / Double(finished) }
    public var meanWorkingDays: Double? { finished == 0 ? nil : Double(totalWorkingDays) / Double(finished) }

    public init(_ requests: [OneWindowRequest], today: CalendarDay, calendar: WorkingCalendar) {
        var byState = Dictionary(uniqueKeysWithValues: OneWindowState.allCases.map { ($0.rawValue, 0) })
        var overdue = 0, finished = 0, onTime = 0, days = 0
        var hours = 0.0
        for request in requests {
            byState[request.state.rawValue, default: 0] += 1
            if request.isOverdue(today: today) { overdue += 1 }
            guard request.state == .completed, let done = request.completedAt else { continue }
            finished += 1
            hours += max(0, done.timeIntervalSince(request.registeredAt)) / 3600
            days += calendar.workingDaysBetween(request.registeredAt, done)
            if let due = request.dueOn, calendar.day(of: done) <= due { onTime += 1 }
        }
        self.byState = byState
        self.overdue = overdue
        self.finished = finished
        self.totalHours = hours
        self.totalWorkingDays = days
        self.completedOnTime = onTime
    }
}
