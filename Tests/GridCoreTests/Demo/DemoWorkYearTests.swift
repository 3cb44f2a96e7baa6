import Foundation
import Testing
@testable import GridCore

@Suite("Demo work year: the small district's patrols and household visits")
struct DemoWorkYearTests {
    typealias F = DemoYearFixtures

    /// The small district's work year beside its population, made once.
    struct Small: Sendable {
        let year: DemoWorkYear
        let households: [UnitPath: [DemoWorkHousehold]]
        let patrols: [UnitPath: [DemoPatrol]]
        let visits: [UnitPath: [DemoVisit]]
    }

    static func make(seed: UInt64 = 20_240_101) throws -> Small {
        let hierarchy = try DemoHierarchy(scale: .small)
        let year = try DemoWorkYear(hierarchy: hierarchy, until: F.until, seed: seed)
        let population = DemoPopulation(hierarchy: hierarchy, targets: .small, today: WorkingCalendar().day(of: F.until))
        var households: [UnitPath: [DemoWorkHousehold]] = [:], patrols: [UnitPath: [DemoPatrol]] = [:], visits: [UnitPath: [DemoVisit]] = [:]
        for batch in population.batches {
            guard let grid = year.grid(at: batch.grid.path) else { continue }
            households[grid.path] = DemoWorkHousehold.households(of: batch.people)
            patrols[grid.path] = year.patrols(for: grid)
            visits[grid.path] = year.visits(for: grid, households: households[grid.path] ?? [])
        }
        return Small(year: year, households: households, patrols: patrols, visits: visits)
    }

    static let small = Result { try make() }

    static func seconds(_ date: Date, into day: CalendarDay) -> Int {
        Int(date.timeIntervalSince(WorkingCalendar().start(of: day)))
    }

    @Test("the same seed gives the same patrols and visits, ids included; another seed other ones")
    func determinism() throws {
        let small = try Self.small.get()
        let again = try Self.make()
        let other = try Self.make(seed: 7)
        #expect(again.patrols == small.patrols)
        #expect(again.visits == small.visits)
        let ids = Set(small.patrols.values.joined().map(\.patrol.id))
        #expect(ids.isDisjoint(with: other.patrols.values.joined().map(\.patrol.id)))
        #expect(Set(small.visits.values.joined().map(\.id)).count == small.visits.values.joined().count)
    }

    @Test("every general grid's worker is the events' grid worker, and patrols; special grids have no work")
    func workers() throws {
        let small = try Self.small.get()
        let hierarchy = try DemoHierarchy(scale: .small)
        let general = hierarchy.units.filter { $0.kind == .grid }
        #expect(small.year.grids.map(\.path) == general.map(\.path))
        let cast = DemoCast()
        for grid in small.year.grids {
            #expect(grid.worker == cast.member(.gridWorker, at: grid.path))
            #expect(small.patrols[grid.path]?.allSatisfy { $0.patrol.workerID == grid.worker.userID && $0.workerName == grid.worker.name } == true)
        }
        #expect(hierarchy.units.filter { $0.kind == .specialGrid }.allSatisfy { small.year.grid(at: $0.path) == nil })
    }

    @Test("patrols: on working days of the year in office hours, none in the future, a short track inside the grid")
    func patrolShape() throws {
        let small = try Self.small.get()
        let calendar = WorkingCalendar()
        let first = try #require(small.year.days.first)
        for grid in small.year.grids {
            let patrols = try #require(small.patrols[grid.path])
            #expect(patrols.count > 150)
            for item in patrols {
                let patrol = item.patrol
                let end = try #require(patrol.endedAt)
                #expect(end <= F.until && patrol.startedAt < end)
                #expect(calendar.isWorkingDay(item.day) && item.day >= first)
                #expect(calendar.day(of: patrol.startedAt) == item.day && calendar.day(of: end) == item.day)
                #expect(Self.seconds(patrol.startedAt, into: item.day) >= 30_600 && Self.seconds(end, into: item.day) <= 64_800)
                #expect((5...7).contains(patrol.track.count))
                #expect(patrol.track.first?.at == patrol.startedAt && patrol.track.last?.at == end)
                #expect(patrol.distance > 0 && patrol.distance == PatrolTrack.length(patrol.track))
                let box = try #require(grid.outline.boundingBox)
                for point in patrol.track {
                    let shown = DatumConverter.wgs84ToGCJ02(point.coordinate)
                    #expect(shown.lon > box.minLon - 1e-4 && shown.lon < box.minLon + box.width + 1e-4)
                    #expect(shown.lat > box.minLat - 1e-4 && shown.lat < box.minLat + box.height + 1e-4)
                }
            }
        }
    }

    @Test("patrol hours differ between workers and stay within their kind's bounds (diligent ~90 h a month, lax 20–40)")
    func patrolHours() throws {
        let small = try Self.small.get()
        var monthly: [Double] = []
        for grid in small.year.grids {
            let hours = (small.patrols[grid.path] ?? []).reduce(0) { $0 + ($1.patrol.endedAt ?? $1.patrol.startedAt).timeIntervalSince($1.patrol.startedAt) } / 3600 / 12
            let bounds: ClosedRange<Double> = switch grid.profile.kind {
            case .diligent: 75...100
            case .steady: 42...88
            case .lax: 15...45
            }
            #expect(bounds.contains(hours), "\(grid.code) \(grid.profile.kind): \(hours) h a month")
            monthly.append(hours)
        }
        #expect((monthly.max() ?? 0) - (monthly.min() ?? 0) >= 20)
        #expect(Set(monthly.map { Int($0) }).count >= 5)
    }

    @Test("visits: only to the grid's households, by its worker, on working days in office hours, never two a day to one household")
    func visitShape() throws {
        let small = try Self.small.get()
        let calendar = WorkingCalendar()
        for grid in small.year.grids {
            let households = Dictionary(uniqueKeysWithValues: (small.households[grid.path] ?? []).map { ($0.key, $0) })
            let visits = try #require(small.visits[grid.path])
            #expect(!visits.isEmpty)
            var days: Set<String> = []
            for visit in visits {
                let household = try #require(households[visit.householdKey])
                #expect(visit.visitorID == grid.worker.userID && visit.gridPath == grid.path)
                #expect(visit.visitedAt <= F.until && calendar.isWorkingDay(visit.day) && calendar.day(of: visit.visitedAt) == visit.day)
                let time = Self.seconds(visit.visitedAt, into: visit.day)
                #expect((32_400...42_300).contains(time) || (50_400...63_000).contains(time))
                #expect(household.household.isRegistered(on: visit.day))
                #expect(visit.monthly == household.monthly)
                #expect(!visit.met.isEmpty && !visit.notes.isEmpty)
                #expect(days.insert("\(visit.householdKey)|\(visit.day)").inserted)
            }
        }
    }

    @Test("diligent workers visit every care household every month; each worker settles a good part of what is owed, never more")
    func visitRates() throws {
        let small = try Self.small.get()
        let today = WorkingCalendar().day(of: F.until)
        let first = try #require(small.year.days.first)
        var sawDiligent = false
        for grid in small.year.grids {
            let households = small.households[grid.path] ?? []
            let visits = small.visits[grid.path] ?? []
            var visited: Set<String> = []
            for visit in visits { visited.insert("\(visit.householdKey)|\(visit.day.year)-\(visit.day.month)") }
            // Whole months of the year, over before today.
            var months: [StatPeriod] = []
            var month = StatPeriod.month(year: first.year, month: first.month)
            while month.last < today {
                if month.first >= first { months.append(month) }
                month = .month(year: month.last.next.year, month: month.last.next.month)
            }
            if grid.profile.kind == .diligent {
                sawDiligent = true
                let care = households.filter(\.monthly)
                #expect(!care.isEmpty)
                for household in care {
                    for month in months where household.household.isRegistered(on: month.first) {
                        #expect(visited.contains("\(household.key)|\(month.first.year)-\(month.first.month)"), "\(household.key) \(month)")
                    }
                }
            }
            // Settled ÷ owed, over every month from the year's first through the end of today's quarter.
            var owedMonths: [StatPeriod] = []
            var next = StatPeriod.month(year: first.year, month: first.month)
            let quarterEnd = StatPeriod.quarter(year: today.year, quarter: (today.month - 1) / 3 + 1).last
            while next.first <= quarterEnd {
                owedMonths.append(next)
                next = .month(year: next.last.next.year, month: next.last.next.month)
            }
            let cells = DemoWorkYear.cells(patrols: [], visits: visits, calendar: WorkingCalendar())
            let settled = cells.filter { $0.key.grain == .month && $0.key.subject == .territory }.values.reduce(0) { $0 + $1[.visitsCounted] }
            let owed = owedMonths.reduce(0) { total, month in
                total + (VisitObligations.due(
                    year: month.first.year, month: month.first.month, households: households.map(\.household), today: today)[grid.path] ?? 0)
            }
            #expect(settled > 0 && settled <= owed)
            #expect(Double(settled) / Double(max(1, owed)) >= 0.4, "\(grid.code) \(grid.profile.kind): \(settled) of \(owed)")
        }
        #expect(sawDiligent)
    }

    @Test("the cells the loader writes are each patrol's and each visit's cells summed")
    func cells() throws {
        let small = try Self.small.get()
        let patrols = Array(small.patrols.values.joined()), visits = Array(small.visits.values.joined())
        var expected: [IndicatorCell: MeasureVector] = [:]
        func add(_ cells: [IndicatorCell: MeasureVector]) {
            for (cell, vector) in cells { expected[cell] = (expected[cell] ?? MeasureVector()) + vector }
        }
        for patrol in patrols { add(PatrolFacts.cells(of: patrol.patrol, calendar: WorkingCalendar())) }
        for visit in visits { add(visit.cells) }
        #expect(DemoWorkYear.cells(patrols: patrols, visits: visits, calendar: WorkingCalendar()) == expected)
        #expect(visits.contains { $0.ordinal > ($0.monthly ? 1 : VisitSchedule.perQuarter) })
    }
}
