/// The visits the register's households owe (应走访, domain.md §5), as indicator cells: owed by
/// the register and the calendar rather than by any write, so the store sets them per month
/// (`IndicatorStore.setVisitsDue`) from the register as each window opens, and again on a
/// rebuild. Both kinds of window are dated by their last day, as `VisitFacts` dates the visits
/// that settle them: a month shows its care households' visits, and a quarter's last month also
/// the other households' two.
public enum VisitObligations {
    /// A household as the obligations see it: its grid, whether it needs a monthly visit, and
    /// when its members lived here.
    public struct Household: Sendable, Hashable {
        public var grid: UnitPath
        public var monthly: Bool
        /// Each member's stay: moved in (nil: always), moved out (nil: still here).
        public var stays: [Stay]

        public struct Stay: Sendable, Hashable {
            public var movedIn: CalendarDay?
            public var movedOut: CalendarDay?

            public init(movedIn: CalendarDay?, movedOut: CalendarDay?) {
                self.movedIn = movedIn
                self.movedOut = movedOut
            }
        }

        public init(grid: UnitPath, monthly: Bool, stays: [Stay]) {
            self.grid = grid
            self.monthly = monthly
            self.stays = stays
        }

        /// Registered on `day`: some member had moved in and not yet out.
        public func isRegistered(on day: CalendarDay) -> Bool {
            stays.contains { stay in
                (stay.movedIn.map { $0 <= day } ?? true) && (stay.movedOut.map { $0 > day } ?? true)
            }
        }
    }

    /// Visits due per grid in the windows ending in `year`-`month`, as far as they have opened by
    /// `today`: care households registered on the month's first day owe 1; in a quarter's last
    /// month, every other household registered on the quarter's first day owes 2.
    public static func due(year: Int, month: Int, households: [Household], today: CalendarDay) -> [UnitPath: Int] {
        let monthStart = StatPeriod.month(year: year, month: month).first
        let quarterStart = StatPeriod.quarter(year: year, quarter: (month - 1) / 3 + 1).first
        let quarterEnds = month % 3 == 0
        var due: [UnitPath: Int] = [:]
        for household in households {
            if household.monthly {
                if monthStart <= today, household.isRegistered(on: monthStart) { due[household.grid, default: 0] += 1 }
            } else if quarterEnds, quarterStart <= today, household.isRegistered(on: quarterStart) {
                due[household.grid, default: 0] += VisitSchedule.perQuarter
            }
        }
        return due
    }

    /// The cells holding a month's visits due: the territory's daily cell of the month's last day
    /// and its monthly cell, per grid.
    public static func cells(year: Int, month: Int, due: [UnitPath: Int]) -> [IndicatorCell: MeasureVector] {
        let last = StatPeriod.month(year: year, month: month).last
        var cells: [IndicatorCell: MeasureVector] = [:]
        for (grid, count) in due where count > 0 {
            EventFacts.add(MeasureVector([.visitsDue: count]), at: last, subject: .territory, path: grid.rawValue, type: nil, into: &cells)
        }
        return cells
    }

    /// The months whose obligations may still change on `today`: this month (its care visits)
    /// and, when later, the last month of this quarter (the quarterly visits opened on its first day).
    public static func openMonths(today: CalendarDay) -> [(year: Int, month: Int)] {
        let quarterEnd = ((today.month - 1) / 3 + 1) * 3
        return quarterEnd == today.month ? [(today.year, today.month)] : [(today.year, today.month), (today.year, quarterEnd)]
    }
}
