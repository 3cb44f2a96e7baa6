import Foundation

/// What one household visit adds to the indicator tables (走访的指标贡献): one visit on its day,
/// and — when it is among the first visits the household owes in its window — one settled
/// obligation dated by the window's last day, where `VisitObligations` puts the visits due. Both
/// in the household's grid and for the visitor.
public enum VisitFacts {
    /// The window a household's visit on `day` settles: the month for a household that needs a
    /// monthly visit, else the quarter (domain.md §5), with the visits it owes there.
    public struct Window: Sendable, Hashable {
        public var first: CalendarDay
        public var last: CalendarDay
        public var required: Int

        public init(of day: CalendarDay, monthly: Bool) {
            let period: StatPeriod = monthly
                ? .month(year: day.year, month: day.month) : .quarter(year: day.year, quarter: (day.month - 1) / 3 + 1)
            first = period.first
            last = period.last
            required = monthly ? 1 : VisitSchedule.perQuarter
        }
    }

    /// - Parameter ordinal: the visit's place among the household's visits in its window (1 for
    ///   the first); it settles an obligation while `ordinal ≤ window.required`.
    public static func cells(
        day: CalendarDay, grid: UnitPath, visitor: UUID, monthly: Bool, ordinal: Int
    ) -> [IndicatorCell: MeasureVector] {
        var cells: [IndicatorCell: MeasureVector] = [:]
        let window = Window(of: day, monthly: monthly)
        for subject in [IndicatorCell.Subject.territory, .worker(visitor.uuidString.lowercased())] {
            EventFacts.add(MeasureVector([.visits: 1]), at: day, subject: subject, path: grid.rawValue, type: nil, into: &cells)
            if ordinal <= window.required {
                EventFacts.add(MeasureVector([.visitsCounted: 1]), at: window.last, subject: subject, path: grid.rawValue, type: nil, into: &cells)
            }
        }
        return cells
    }
}
