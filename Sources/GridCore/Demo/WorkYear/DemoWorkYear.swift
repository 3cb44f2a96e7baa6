import Foundation

/// A demo year of the grid workers' work besides events (演示年度巡查与走访, domain.md §5): each
/// general grid's worker patrols on most working days, in working hours, and visits the grid's
/// households — each twice a quarter, those with a member in a monthly care group every month —
/// to a degree of their own (`DemoWorkProfile`), so that patrol hours and visits done vs due, and
/// the rankings built on them, differ between workers. The worker is the one `DemoEventYear`
/// makes report (`DemoCast.member(.gridWorker, at:)`), so a demo account assigned there sees its
/// own patrols and visits. Covers the same 365 local days up to `until`; nothing lies after it.
///
/// Deterministic and streaming like the other demo generators: a grid's patrols come from the
/// seed and the grid, its visits also from the households given (`DemoWorkHousehold`, read off the
/// grid's `DemoPopulation` batch), so a loader makes them grid by grid beside the population.
///
/// ```swift
/// let work = try DemoWorkYear(hierarchy: hierarchy, until: now)
/// for grid in work.grids {
///     let patrols = work.patrols(for: grid)
///     let visits = work.visits(for: grid, households: DemoWorkHousehold.households(of: batch.people))
/// }
/// ```
public struct DemoWorkYear: Sendable {
    /// A general grid and its worker.
    public struct Grid: Sendable {
        public let path: UnitPath
        public let code: String
        public let worker: DemoCast.Member
        public let profile: DemoWorkProfile
        let outline: MultiPolygon
        /// Its place among `grids`, the leading part of its records' ids.
        let index: Int
    }

    /// A visit window (a month or a quarter) as far as it lies in the year: its period, the visits
    /// it asks of a household, and the day indices of its working days (beyond the last day of
    /// the year for the part still to come).
    struct Window: Sendable {
        let first: CalendarDay
        let required: Int
        let workingDays: [Int]
    }

    public let until: Date
    public let seed: UInt64
    public let calendar: WorkingCalendar
    /// The 365 local days ending with the day of `until`, oldest first (as `DemoEventYear.days`).
    public let days: [CalendarDay]
    public let grids: [Grid]

    let clock: DemoClock
    let byPath: [UnitPath: Int]
    /// Working days of the year, as day indices.
    let workingDays: [Int]
    /// Working days in an average month of the year.
    let workingDaysPerMonth: Double
    let months: [Window]
    let quarters: [Window]

    /// - Parameters:
    ///   - hierarchy: the demo district (its general grids need outlines).
    ///   - calendar: working days and the time zone, as the events' year uses.
    ///   - until: the demo's "now".
    ///   - seed: all randomness derives from it.
    ///   - cast: who works each grid; the same cast the events' year is given.
    /// - Throws: when the hierarchy has no general grid with an outline.
    public init(
        hierarchy: DemoHierarchy, calendar: WorkingCalendar = WorkingCalendar(), until: Date, seed: UInt64 = 20_240_101,
        cast: DemoCast = DemoCast()
    ) throws(ValidationFailure) {
        self.until = until
        self.seed = seed
        self.calendar = calendar
        let (clock, days) = DemoClock.year(until: until, calendar: calendar)
        (self.clock, self.days) = (clock, days)
        var grids: [Grid] = []
        for unit in hierarchy.units where unit.kind == .grid {
            guard let outline = hierarchy.geometries[unit.id] else { continue }
            var dice = DemoDice(seed, DemoDice.hash(unit.code.rawValue), 21)
            grids.append(Grid(
                path: unit.path, code: unit.code.rawValue, worker: cast.member(.gridWorker, at: unit.path),
                profile: DemoWorkProfile.draw(&dice), outline: outline, index: grids.count))
        }
        guard !grids.isEmpty else {
            throw ValidationFailure(field: "hierarchy", zh: "演示区划没有带边界的网格", en: "the demo hierarchy has no grid with an outline")
        }
        self.grids = grids
        byPath = Dictionary(grids.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        workingDays = days.indices.filter { clock.isWorking(day: $0) }
        workingDaysPerMonth = Double(workingDays.count) / 12
        months = Self.windows(quarterly: false, of: days, clock: clock, calendar: calendar)
        quarters = Self.windows(quarterly: true, of: days, clock: clock, calendar: calendar)
    }

    /// The months or quarters from the one holding the first of `days` through the one holding the last.
    static func windows(quarterly: Bool, of days: [CalendarDay], clock: DemoClock, calendar: WorkingCalendar) -> [Window] {
        guard let firstDay = days.first, let lastDay = days.last else { return [] }
        func period(of day: CalendarDay) -> StatPeriod {
            quarterly ? .quarter(year: day.year, quarter: (day.month - 1) / 3 + 1) : .month(year: day.year, month: day.month)
        }
        var result: [Window] = []
        var current = period(of: firstDay)
        while current.first <= lastDay {
            let from = max(0, firstDay.days(to: current.first)), through = firstDay.days(to: current.last)
            let working = (from...through).filter { index in
                index < days.count ? clock.isWorking(day: index) : calendar.isWorkingDay(firstDay.adding(days: index))
            }
            result.append(Window(first: current.first, required: quarterly ? VisitSchedule.perQuarter : 1, workingDays: working))
            current = period(of: current.last.next)
        }
        return result
    }

    /// The id of a grid's `serial`th patrol or visit: its first six bytes grow with the grid's place
    /// and the serial, so a loader writing grid after grid appends to the tables' primary-key
    /// indexes instead of splitting pages all over them (three million visits at full volume);
    /// the rest is random, version-4 shaped.
    static func id(grid: Grid, serial: Int, dice: inout DemoDice) -> UUID {
        let random = dice.uuid()
        var bytes = random.uuid
        withUnsafeMutableBytes(of: &bytes) { raw in
            raw[0] = UInt8(truncatingIfNeeded: grid.index >> 8)
            raw[1] = UInt8(truncatingIfNeeded: grid.index)
            for offset in 0..<4 { raw[2 + offset] = UInt8(truncatingIfNeeded: serial >> (8 * (3 - offset))) }
        }
        return UUID(uuid: bytes)
    }

    /// The general grid at `path`, nil for any other unit.
    public func grid(at path: UnitPath) -> Grid? {
        byPath[path].map { grids[$0] }
    }

    /// What `patrols` and `visits` add to the indicator tables, as their writes would
    /// (`PatrolFacts`, `VisitFacts`) — the loader sums these instead of rebuilding. Visits alike in
    /// what they add (day, grid, visitor, kind of window, settling or not) are counted first and
    /// their cells made once: a district's year is three million visits.
    public static func cells(
        patrols: [DemoPatrol], visits: [DemoVisit], calendar: WorkingCalendar
    ) -> [IndicatorCell: MeasureVector] {
        var cells: [IndicatorCell: MeasureVector] = [:]
        func merge(_ more: [IndicatorCell: MeasureVector], times count: Int = 1) {
            for (cell, vector) in more {
                var scaled = vector
                if count != 1 { for measure in Measure.allCases { scaled[measure] = vector[measure] * count } }
                cells[cell] = (cells[cell] ?? MeasureVector()) + scaled
            }
        }
        for patrol in patrols { merge(PatrolFacts.cells(of: patrol.patrol, calendar: calendar)) }
        struct Alike: Hashable {
            let day: CalendarDay, grid: UnitPath, visitor: UUID, monthly: Bool, settles: Bool
        }
        var alike: [Alike: Int] = [:]
        for visit in visits {
            let settles = visit.ordinal <= (visit.monthly ? 1 : VisitSchedule.perQuarter)
            alike[Alike(day: visit.day, grid: visit.gridPath, visitor: visit.visitorID, monthly: visit.monthly, settles: settles), default: 0] += 1
        }
        for (key, count) in alike {
            let ordinal = key.settles ? 1 : VisitSchedule.perQuarter + 1
            merge(VisitFacts.cells(day: key.day, grid: key.grid, visitor: key.visitor, monthly: key.monthly, ordinal: ordinal), times: count)
        }
        return cells
    }
}
