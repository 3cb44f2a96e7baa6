import Foundation
import Testing
@testable import GridCore

/// What patrols, visits, the register and entered records add to the indicator tables, counted
/// by hand; and a worker scheme with patrol and visit items ranks as its weights say.
@Suite("Indicator facts of patrols, visits and the register")
struct WorkFactsTests {
    typealias F = EventFixtures
    static let other = UnitPath(rawValue: "/510117/510117001/510117001001/510117001001002/")!
    static let worker = IndicatorCell.Subject.worker(F.workerID.uuidString.lowercased())

    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    static func cell(_ grain: IndicatorCell.Grain, _ period: String, _ subject: IndicatorCell.Subject = .territory, path: UnitPath = F.grid)
        -> IndicatorCell {
        IndicatorCell(grain: grain, subject: subject, period: period, unitPath: path.rawValue)
    }

    @Test("a patrol from 22:00 to 01:30 counts 2 h on the first day and 1.5 h on the next, for the grid and the worker; an open one counts nothing")
    func patrolAcrossMidnight() {
        let start = F.calendar.start(of: Self.day("2026-09-21")).addingTimeInterval(22 * 3600)
        var patrol = Patrol(id: F.id(7), workerID: F.workerID, gridPath: F.grid, startedAt: start)
        #expect(PatrolFacts.cells(of: patrol, calendar: F.calendar).isEmpty)
        let open = patrol
        patrol.endedAt = start.addingTimeInterval(3.5 * 3600)
        let cells = PatrolFacts.delta(from: open, to: patrol, calendar: F.calendar)
        #expect(cells[Self.cell(.day, "2026-09-21")]?[.patrolSeconds] == 7_200)
        #expect(cells[Self.cell(.day, "2026-09-22")]?[.patrolSeconds] == 5_400)
        #expect(cells[Self.cell(.month, "2026-09")]?[.patrolSeconds] == 12_600)
        #expect(cells[Self.cell(.month, "2026-09", Self.worker)]?[.patrolSeconds] == 12_600)
        // day and month, grid and worker; no type grains
        #expect(cells.count == 6)
        #expect(Indicator.find("patrol_hours")?.value(of: cells[Self.cell(.month, "2026-09")] ?? MeasureVector()) == 3.5)
        // A replay of the stopped patrol moves nothing.
        #expect(PatrolFacts.delta(from: patrol, to: patrol, calendar: F.calendar).isEmpty)
    }

    @Test("visits: each counts on its day; the first two of a quarter (one of a month for care households) settle, dated by the window's end")
    func visits() {
        let visitor = F.workerID
        var total: [IndicatorCell: MeasureVector] = [:]
        // An ordinary household visited three times in Q3, a care household twice in September.
        for (ordinal, day) in [(1, "2026-07-10"), (2, "2026-08-03"), (3, "2026-09-21")] {
            for (cell, vector) in VisitFacts.cells(day: Self.day(day), grid: F.grid, visitor: visitor, monthly: false, ordinal: ordinal) {
                total[cell, default: MeasureVector()] += vector
            }
        }
        for (ordinal, day) in [(1, "2026-09-02"), (2, "2026-09-25")] {
            for (cell, vector) in VisitFacts.cells(day: Self.day(day), grid: F.grid, visitor: visitor, monthly: true, ordinal: ordinal) {
                total[cell, default: MeasureVector()] += vector
            }
        }
        #expect(total[Self.cell(.month, "2026-07")]?[.visits] == 1)
        #expect(total[Self.cell(.month, "2026-07")]?[.visitsCounted] ?? 0 == 0)
        // September: 3 visits; settled there: 2 of the quarter's + 1 of the month's
        #expect(total[Self.cell(.month, "2026-09")]?[.visits] == 3)
        #expect(total[Self.cell(.month, "2026-09")]?[.visitsCounted] == 3)
        #expect(total[Self.cell(.day, "2026-09-30")]?[.visitsCounted] == 3)
        #expect(total[Self.cell(.month, "2026-09", Self.worker)]?[.visitsCounted] == 3)
        #expect(VisitFacts.Window(of: Self.day("2026-11-15"), monthly: false)
            == VisitFacts.Window(of: Self.day("2026-10-01"), monthly: false))
    }

    @Test("visits due: care households monthly from those registered on the 1st; others twice a quarter in its last month")
    func obligations() {
        let stay = VisitObligations.Household.Stay.init
        let households = [
            // ordinary, here all along
            VisitObligations.Household(grid: F.grid, monthly: false, stays: [stay(nil, nil)]),
            // ordinary, moved in on 2026-07-02: not registered on 1 July, owes nothing in Q3
            VisitObligations.Household(grid: F.grid, monthly: false, stays: [stay(Self.day("2026-07-02"), nil)]),
            // care, here all along
            VisitObligations.Household(grid: F.grid, monthly: true, stays: [stay(nil, nil)]),
            // care, in the other grid, moved out on 2026-09-01: owes July and August only
            VisitObligations.Household(grid: Self.other, monthly: true, stays: [stay(nil, Self.day("2026-09-01"))]),
            // ordinary with two members, one left on 2026-06-30, the other still here
            VisitObligations.Household(grid: Self.other, monthly: false, stays: [stay(nil, Self.day("2026-06-30")), stay(nil, nil)]),
        ]
        let today = Self.day("2026-09-15")
        #expect(VisitObligations.due(year: 2026, month: 7, households: households, today: today) == [F.grid: 1, Self.other: 1])
        #expect(VisitObligations.due(year: 2026, month: 8, households: households, today: today) == [F.grid: 1, Self.other: 1])
        // September: the care household's 1, and Q3's ordinary households registered on 1 July, 2 each
        #expect(VisitObligations.due(year: 2026, month: 9, households: households, today: today) == [F.grid: 3, Self.other: 2])
        // October has not opened on 15 September; December's quarterly visits neither
        #expect(VisitObligations.due(year: 2026, month: 10, households: households, today: today).isEmpty)
        #expect(VisitObligations.openMonths(today: today).map { "\($0.year)-\($0.month)" } == ["2026-9"])
        #expect(VisitObligations.openMonths(today: Self.day("2026-10-02")).map { "\($0.year)-\($0.month)" } == ["2026-10", "2026-12"])
        let cells = VisitObligations.cells(year: 2026, month: 9, due: [F.grid: 3])
        #expect(cells[Self.cell(.day, "2026-09-30")]?[.visitsDue] == 3 && cells[Self.cell(.month, "2026-09")]?[.visitsDue] == 3)
        #expect(cells.count == 2)
    }

    @Test("records entered count in each record's grid, and for the collector when there is one")
    func records() {
        let cells = RecordFacts.cells(grids: [F.grid, F.grid, Self.other], day: Self.day("2026-09-21"), collector: F.workerID)
        #expect(cells[Self.cell(.day, "2026-09-21")]?[.recordsCollected] == 2)
        #expect(cells[Self.cell(.month, "2026-09", path: Self.other)]?[.recordsCollected] == 1)
        #expect(cells[Self.cell(.month, "2026-09", Self.worker)]?[.recordsCollected] == 2)
        #expect(RecordFacts.cells(grids: [F.grid], day: Self.day("2026-09-21"), collector: nil).count == 2)
    }

    @Test("the default worker scheme: equal reporters are ranked by patrol hours and visits done; 20 h and half the visits score nothing")
    func schemeWithPatrols() {
        let scheme = AssessmentScheme.defaultWorker(id: UUID())
        func worker(_ key: String, hours: Int, done: Int, due: Int) -> AssessmentRun.Subject {
            AssessmentRun.Subject(key: key, name: key, measures: MeasureVector([
                .reported: 10, .valid: 10, .discoveryRated: 10, .discoveryStars: 30, .patrolSeconds: hours * 3600,
                .visitsCounted: done, .visitsDue: due,
            ]))
        }
        let results = AssessmentRun.score(scheme, subjects: [
            worker("idle", hours: 0, done: 5, due: 10), worker("walker", hours: 80, done: 10, due: 10), worker("half", hours: 40, done: 8, due: 10),
        ])
        #expect(results.map(\.key) == ["walker", "half", "idle"])
        // common: valid 10/30×25 = 8.33, rate 1.0 → 20, stars 3.0 → 2/3×25 = 16.67: 45
        // walker: + 80 h → 10, 10/10 → 10 = 65; half: + 40 h → 5, 0.8 → 6 = 56; idle: 0.5 → 0 = 45
        #expect(results.map(\.total) == [65, 56, 45])
        let visits = results[1].items.first { $0.indicator == "visit_rate" }
        #expect(visits?.numerator == 8 && visits?.denominator == 10 && visits?.points == 6)
        #expect(results[1].items.first { $0.indicator == "patrol_hours" }?.value == 40)
    }
}
