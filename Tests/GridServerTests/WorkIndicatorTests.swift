import FluentKit
import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// Patrol hours, visits done against due, records collected and completeness through the
/// indicator API, the worker ranking and a scheme run: a patrol, four visits and two imports
/// made by hand below, every figure worked out from them and from the grid's register.
@Suite struct WorkIndicatorTests {
    static let gridCode = "510117001001001"
    static let gridPath = "/510117/510117001/510117001001/510117001001001/"

    /// A CSV of `count` people with fresh resident IDs (born from `bornFrom` on) in `rooms`.
    static func people(_ count: Int, bornFrom: Int, rooms: [String]) -> String {
        var lines = ["姓名,证件类型,证件号码,联系电话,人员类型,地址编码,迁入日期"]
        for index in 0..<count {
            let born = CalendarDay(year: bornFrom, month: 3, day: 1 + index) ?? CalendarDay(daysSinceEpoch: 0)
            let prefix = "659001" + String(format: "%04d%02d%02d", born.year, born.month, born.day) + "981"
            lines.append("采集\(bornFrom)\(index),居民身份证,\(prefix + String(ResidentID.checkCharacter(for: prefix) ?? "0")),,流动人口,\(rooms[index % rooms.count]),2025-03-01")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Visits the grid's register owes in `period` from this month on, worked out from its rows:
    /// 1 for each household with a current member in a monthly care group and someone living
    /// there on this month's first day, and — the quarter's visits fall in its last month, inside
    /// the period — 2 for every other household with someone living there on the quarter's first day.
    static func dueByHand(_ app: Application, today: CalendarDay) async throws -> Int {
        let sql = try #require(app.db as? any SQLDatabase)
        let rows = try await sql.raw("""
            SELECT id, room_id, household_id, care_groups, moved_in_on, moved_out_on FROM people WHERE grid_path = \(bind: gridPath)
            """).all()
        let monthStart = StatPeriod.month(year: today.year, month: today.month).first.description
        let quarterStart = StatPeriod.quarter(year: today.year, quarter: (today.month - 1) / 3 + 1).first.description
        var households: [String: (care: Bool, onMonthStart: Bool, onQuarterStart: Bool)] = [:]
        for row in rows {
            let key = (try row.decode(column: "household_id", as: UUID?.self) ?? row.decode(column: "room_id", as: UUID?.self)
                ?? row.decode(column: "id", as: UUID.self)).uuidString
            let movedIn = try row.decode(column: "moved_in_on", as: String?.self)
            let movedOut = try row.decode(column: "moved_out_on", as: String?.self)
            let groups = try row.decode(column: "care_groups", as: String.self)
            let care = movedOut == nil && groups.split(separator: " ").contains { CareGroup(rawValue: String($0))?.needsMonthlyVisit == true }
            func lives(on day: String) -> Bool { (movedIn ?? "") <= day && (movedOut.map { $0 > day } ?? true) }
            let old = households[key] ?? (false, false, false)
            households[key] = (old.care || care, old.onMonthStart || lives(on: monthStart), old.onQuarterStart || lives(on: quarterStart))
        }
        return households.values.reduce(0) { due, household in
            if household.care { return due + (household.onMonthStart ? 1 : 0) }
            return due + (household.onQuarterStart ? 2 : 0)
        }
    }

    static func row(_ report: IndicatorReportDTO, key: String) throws -> IndicatorReportDTO.Row {
        try #require(report.rows.first { $0.key == key }, "no row \(key) in \(report.rows.map(\.key))")
    }

    static func report(_ app: Application, _ token: String, _ query: String) async throws -> IndicatorReportDTO {
        let (status, body) = try await app.call(.GET, "/api/v1/stats/indicators?\(query)", token: token)
        #expect(status == .ok, "\(body.prefix(400))")
        return try app.decode(IndicatorReportDTO.self, body)
    }

    @Test("a patrol across midnight, four visits, two imports: hours, visits done against due, records and completeness by hand")
    func handCounted() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let street = try await app.token("street_op")
            let workerID = try #require(try await UserStore.find(username: "gridworker", on: app.db)).id
            let calendar = WorkingCalendar()
            let now = try app.grid.clock.now
            let today = calendar.day(of: now)
            let quarterEnd = StatPeriod.quarter(year: today.year, quarter: (today.month - 1) / 3 + 1).last

            // A patrol from 22:00 the day before yesterday to 01:30 yesterday (2 h + 1.5 h), and one still open.
            let start = calendar.start(of: today.adding(days: -2)).addingTimeInterval(22 * 3600)
            let patrol = PatrolUpsertDTO(startedAt: start, endedAt: start.addingTimeInterval(3.5 * 3600))
            #expect(try await app.call(.PUT, "/api/v1/patrols/\(UUID())", token: worker, raw: try PatrolAPITests.json(patrol)).status == .created)
            let open = PatrolUpsertDTO(startedAt: Date(timeIntervalSince1970: (now.timeIntervalSince1970 - 600).rounded(.down)))
            #expect(try await app.call(.PUT, "/api/v1/patrols/\(UUID())", token: worker, raw: try PatrolAPITests.json(open)).status == .created)

            // Three visits to an ordinary household (two settle its quarter), one to a care household (settles its month).
            let grid = try await app.unit(code: Self.gridCode)
            let households = try await VisitStore.households(under: grid.path, on: app.db)
            let ordinary = try #require(households.first { !$0.careGroups.contains { $0.needsMonthlyVisit } })
            let care = try #require(households.first { $0.careGroups.contains { $0.needsMonthlyVisit } })
            for (household, seconds) in [(ordinary, 240.0), (ordinary, 180), (ordinary, 120), (care, 60)] {
                let visit = VisitRecordDTO(id: UUID(), householdID: household.key, visitedAt: now.addingTimeInterval(-seconds), met: "户主")
                #expect(try await app.call(.POST, "/api/v1/visits", token: worker, raw: try VisitAPITests.json(visit)).status == .created)
            }

            // The community imports two people into the grid, the grid worker one: three records, one the worker's.
            let rooms = try await PeopleImportTests.roomCodes(app, under: Self.gridPath)
            #expect(try await app.call(.POST, "/api/v1/people/import", token: community, raw: Self.people(2, bornFrom: 1971, rooms: rooms)).status == .ok)
            #expect(try await app.call(.POST, "/api/v1/people/import", token: worker, raw: Self.people(1, bornFrom: 1972, rooms: rooms)).status == .ok)
            // The hourly job sets the open months' visits due from the register, the new households included.
            try await IndicatorStore.refreshVisitsDue(today: IndicatorStore.day(now), openOnly: true, on: app.db)

            // The patrol's days, by day: 2 h, then 1.5 h; together 3.5 h, for the grid, its community and the worker.
            let days = "\(today.adding(days: -2))..\(today.adding(days: -1))"
            let byDay = try await Self.report(app, street, "unit=\(Self.gridCode)&period=\(days)&by=period")
            #expect(byDay.rows.map { $0.measures["patrol_seconds"] } == [7_200, 5_400])
            #expect(byDay.total.values["patrol_hours"] == 3.5)
            let byWorker = try await Self.report(app, street, "unit=510117001001&period=\(days)&by=worker")
            #expect(try Self.row(byWorker, key: workerID.uuidString.lowercased()).values["patrol_hours"] == 3.5)

            // From today to the quarter's end: visits 4, settled 3 (2 + 1), due as the register says.
            let period = "\(today)..\(quarterEnd)"
            let due = try await Self.dueByHand(app, today: today)
            #expect(due > 0)
            let community001 = try await Self.report(app, street, "unit=510117001001&period=\(period)&by=unit")
            let figures = try Self.row(community001, key: Self.gridCode)
            #expect(figures.measures["visits"] == 4 && figures.measures["visits_counted"] == 3)
            #expect(figures.measures["visits_due"] == due)
            #expect(figures.values["visit_rate"] == 3.0 / Double(due))
            #expect(figures.measures["records_collected"] == 3)
            #expect(community001.total.measures["visits_due"] ?? 0 >= due)
            #expect(figures.values["completeness"] == .some(nil))   // not asked: no denominator

            // The worker: their visits and record, and the visits their grid is owed.
            let workers = try await Self.report(app, street, "unit=510117001001&period=\(period)&by=worker")
            let mine = try Self.row(workers, key: workerID.uuidString.lowercased())
            #expect(mine.measures["visits"] == 4 && mine.measures["visits_counted"] == 3 && mine.measures["visits_due"] == due)
            #expect(mine.measures["records_collected"] == 1)

            // Completeness when asked: the data-quality report's complete records over its records.
            let quality = try app.decode(
                DataQualityDTO.self, try await app.call(.GET, "/api/v1/stats/data-quality?unit=\(Self.gridCode)", token: street).body)
            let kinds = [quality.total.people, quality.total.rooms, quality.total.organizations]
            let records = kinds.reduce(0) { $0 + $1.records }, complete = kinds.reduce(0) { $0 + $1.complete }
            let withStock = try await Self.report(app, street, "unit=510117001001&period=\(period)&by=unit&completeness=true")
            let stocked = try Self.row(withStock, key: Self.gridCode)
            #expect(stocked.measures["records"] == records && stocked.measures["complete_records"] == complete && records > 0)
            #expect(stocked.values["completeness"] == Double(complete) / Double(records))
            let stockedWorker = try Self.row(
                try await Self.report(app, street, "unit=510117001001&period=\(period)&by=worker&completeness=true"),
                key: workerID.uuidString.lowercased())
            #expect(stockedWorker.measures["records"] == records)

            // The default worker scheme scores them: 3.5 h of 80, 3 of the due visits.
            let run = try app.decode(AssessmentRunDTO.self, try await app.call(
                .POST, "/api/v1/assessments/runs", token: street,
                json: AssessmentRunRequestDTO(schemeID: AssessmentStore.defaultWorkerID, unit: "510117001001", period: "\(today.adding(days: -2))..\(quarterEnd)")).body)
            let result = try #require(run.results.first { $0.key == workerID.uuidString.lowercased() })
            let hours = try #require(result.items.first { $0.indicator == "patrol_hours" })
            #expect(hours.value == 3.5 && hours.points == 0.44)   // 3.5 / 80 × 10
            let visits = try #require(result.items.first { $0.indicator == "visit_rate" })
            #expect(visits.numerator == 3 && visits.denominator == due)

            // The tables the writes kept are those a rebuild makes from the patrols, visits and register.
            let kept = try await StatsIndicatorTests.cells(app.db)
            try await IndicatorStore.rebuild(on: app.db)
            #expect(try await StatsIndicatorTests.cells(app.db) == kept)
        }
    }
}
