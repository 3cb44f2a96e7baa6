import Foundation

/// What one patrol adds to the indicator tables (巡查的指标贡献): its seconds on each local day
/// it ran, in the grid patrolled and for the worker. Only an ended patrol counts — an open one
/// has no length yet — so the store adds `cells(after) − cells(before)` on every write and the
/// seconds land once, when the patrol stops.
public enum PatrolFacts {
    public static func cells(of patrol: Patrol, calendar: WorkingCalendar) -> [IndicatorCell: MeasureVector] {
        guard let end = patrol.endedAt, end > patrol.startedAt else { return [:] }
        var cells: [IndicatorCell: MeasureVector] = [:]
        var day = calendar.day(of: patrol.startedAt)
        let last = calendar.day(of: end)
        while day <= last {
            let seconds = Int(patrol.seconds(from: calendar.start(of: day), to: calendar.start(of: day.next), now: end).rounded())
            if seconds > 0 {
                let measures = MeasureVector([.patrolSeconds: seconds])
                let grid = patrol.gridPath.rawValue
                EventFacts.add(measures, at: day, subject: .territory, path: grid, type: nil, into: &cells)
                EventFacts.add(measures, at: day, subject: .worker(patrol.workerID.uuidString.lowercased()), path: grid, type: nil, into: &cells)
            }
            day = day.next
        }
        return cells
    }

    /// The change a write makes (nil before for a new patrol); unmoved cells left out.
    public static func delta(from before: Patrol?, to after: Patrol, calendar: WorkingCalendar) -> [IndicatorCell: MeasureVector] {
        var change = cells(of: after, calendar: calendar)
        if let before {
            for (cell, old) in cells(of: before, calendar: calendar) { change[cell] = (change[cell] ?? MeasureVector()) - old }
        }
        return change.filter { !$0.value.isZero }
    }
}
