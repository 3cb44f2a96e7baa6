import FluentKit
import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The demo's year of patrols and household visits as loaded: the `gridworker` account sees its
/// own, the indicator tables hold them as a rebuild would, and the default worker scheme scores them.
@Suite struct DemoWorkLoadTests {
    @Test("the small demo with its year: the grid worker patrolled and visited, the tables equal a rebuild, the worker scheme scores patrols")
    func loadedYear() async throws {
        try await TestApp.with(seedDemo: false) { app in
            _ = try await DemoSeeder(services: app.grid).load(scale: .small, password: TestApp.password, events: true, on: app.db)
            let account = try #require(try await UserStore.find(username: "gridworker", on: app.db))
            let today = WorkingCalendar().day(of: Date())
            let from = today.adding(days: -364)

            // The account's own patrol log, in its grid, none in the future.
            let patrols = try await PatrolStore.list(under: account.unit.path, worker: account.id, days: from...today, on: app.db)
            #expect(patrols.count > 150)
            #expect(patrols.allSatisfy { ($0.patrol.endedAt ?? .distantFuture) <= Date() && !$0.patrol.track.isEmpty })
            let visits = try await VisitStore.all(under: account.unit.path, visitor: account.id, on: app.db)
            let households = Set(try await VisitStore.households(under: account.unit.path, on: app.db).map(\.key))
            #expect(!visits.isEmpty && visits.allSatisfy { households.contains($0.householdKey) })

            // Its figures for the year: patrol hours, and a visit rate in (0, 1].
            let admin = try await app.token("admin")
            let report = try StatsIndicatorTests.json(
                try await app.call(.GET, "/api/v1/stats/indicators?period=\(from)..\(today)&by=worker", token: admin).body)
            let rows = try #require(report["rows"] as? [[String: Any]])
            let row = try #require(rows.first { $0["key"] as? String == account.id.uuidString.lowercased() })
            let (measures, values) = try StatsIndicatorTests.figures(row)
            #expect((values["patrol_hours"] as? Double ?? 0) > 0)
            let rate = try #require(values["visit_rate"] as? Double)
            #expect(rate > 0 && rate <= 1, "\(measures)")
            // Every general grid's worker has an account now, named as the events name them.
            #expect(rows.filter { ($0["name"] as? String)?.hasSuffix(" 网格员") == false }.count >= 8)

            // The bulk-loaded tables are what a rebuild from the stored events, patrols and visits gives.
            let loaded = try await StatsIndicatorTests.cells(app.db)
            try await IndicatorStore.rebuild(on: app.db)
            #expect(try await StatsIndicatorTests.cells(app.db) == loaded)

            // Last month under the default worker scheme: patrol hours score, and differ between workers.
            let lastMonth = today.adding(days: -today.day)
            let request = AssessmentRunRequestDTO(
                schemeID: AssessmentStore.defaultWorkerID, period: "\(String(lastMonth.description.prefix(7)))")
            let (status, body) = try await app.call(.POST, "/api/v1/assessments/runs", token: admin, json: request)
            #expect(status == .created, "\(body)")
            let patrolPoints = try AssessmentTests.decode(body).results.compactMap { result in
                result.items.first { $0.indicator == "patrol_hours" }?.points
            }
            #expect(patrolPoints.filter { $0 > 0 }.count >= 8)
            #expect(Set(patrolPoints).count >= 4)
        }
    }
}
