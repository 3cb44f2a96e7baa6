import Foundation
import Testing
@testable import GridCore

@Suite("Demo event year: Pidu at district scale")
struct DemoEventYearDistrictTests {
    typealias F = DemoYearFixtures

    @Test("about 330,000 reports a year (±10 %), counted without running them")
    func volume() throws {
        // setup
        let district = try F.district.get()
        let year = try DemoEventYear(hierarchy: district.hierarchy, until: F.endOfDay)
        // act
        let census = year.census()
        // verify
        #expect(abs(Double(census.total) - 330_000) <= 33_000, "\(census.total)")
        #expect(census.byGrid.count == 589)
    }

    @Test("seasons: city management peaks in July, dips in February; weekends, holidays and the Spring Festival are quieter")
    func seasons() throws {
        let district = try F.district.get()
        let census = district.year.census()
        let july = census.byMonthAndRiskKind["2025-07"]?[.cityManagement] ?? 0
        let february = census.byMonthAndRiskKind["2025-02"]?[.cityManagement] ?? 0
        #expect(Double(july) > 1.4 * Double(february))
        let calendar = WorkingCalendar()
        func mean(_ include: (CalendarDay) -> Bool) -> Double {
            let days = district.year.days.dropLast().filter(include)
            return Double(days.reduce(0) { $0 + (census.byDay[$1] ?? 0) }) / Double(max(days.count, 1))
        }
        let workdays = mean { calendar.kind(of: $0) == .workday }
        let weekends = mean { calendar.kind(of: $0) == .weekend }
        let festival = mean { calendar.holidays.entry(on: $0)?.festival == "Spring Festival" && calendar.kind(of: $0) == .holiday }
        #expect(weekends < 0.75 * workdays)
        #expect(festival < 0.5 * workdays)
        #expect(festival > 0)
    }

    @Test("hot spots (markets, malls and their neighbours) carry two to four times a typical grid's load")
    func hotSpots() throws {
        let district = try F.district.get()
        let census = district.year.census()
        let hot = district.year.hotSpotGridIDs
        #expect((20...80).contains(hot.count))
        let hotMean = Double(hot.reduce(0) { $0 + (census.byGrid[$1] ?? 0) }) / Double(hot.count)
        let others = census.byGrid.filter { !hot.contains($0.key) }
        let otherMean = Double(others.values.reduce(0, +)) / Double(others.count)
        #expect(hotMean > 1.8 * otherMean)
        #expect(hotMean < 4.5 * otherMean)
        let markets = district.hierarchy.units.filter { $0.kind == .specialGrid && $0.name.contains("农贸市场") }
        #expect(markets.allSatisfy { hot.contains($0.id) })
    }

    @Test("the mix: city management leads, grid workers report most, every channel and class appears")
    func mix() throws {
        let census = try F.district.get().year.census()
        let leading = census.byRiskKind.max { $0.value < $1.value }?.key
        #expect(leading == .cityManagement)
        let channels = census.byChannel.sorted { $0.value > $1.value }.map(\.key)
        #expect(channels.first == .gridWorker)
        #expect(Set(channels) == Set(DemoEventChannel.allCases))
        #expect(Set(census.byClass.keys) == Set(EventClass.allCases))
        #expect((census.byRiskKind[.familyNeighbour] ?? 0) > 0 && (census.byRiskKind[.fireSafety] ?? 0) > 0)
    }

    @Test("the last days run in full: no refusal, sound timelines, recent events spread over the open states, some overdue")
    func recentDays() throws {
        let year = try F.district.get().year
        let batches = year.days.suffix(3).map { year.batch(on: $0) }
        let events = batches.flatMap(\.events)
        #expect(batches.allSatisfy { $0.refusals.isEmpty })
        let problems = events.flatMap { F.timelineProblems($0, until: F.until) }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        let open = Set(events.map(\.snapshot.state)).intersection([.reported, .accepted, .dispatched, .inProgress, .handled, .verified])
        #expect(open.count == 6, "\(open)")
        #expect(events.contains { $0.snapshot.isOverdue(F.until) })
        #expect(events.contains { $0.snapshot.state == .closed })
    }
}
