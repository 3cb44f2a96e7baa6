import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import FluentKit
import SQLKit
import Testing
import Vapor

/// The indicators count what happened, by the definitions they publish: five reports walked by
/// hand below, every figure worked out in the comments, and the tables kept by the writes equal
/// to a rebuild from the events.
@Suite struct StatsIndicatorTests {
    /// A period from today over the next 40 days: it holds every handling deadline set today.
    static func period() -> String {
        let today = WorkingCalendar().day(of: Date())
        return "\(today)..\(today.adding(days: 40))"
    }

    static func json(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    static func figures(_ row: Any?) throws -> (measures: [String: Int], values: [String: Any]) {
        let row = try #require(row as? [String: Any])
        return (try #require(row["measures"] as? [String: Int]), try #require(row["values"] as? [String: Any]))
    }

    @Test("five reports walked by hand: counts, rates from sums, rankings by sub-unit, worker and department")
    func handCounted() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let street = try await app.token("street_op")
            var ids: [UUID] = []
            for text in ["3号楼消防通道被杂物堵塞", "5号楼楼道堆放电动车", "小区东门消防车道被占", "2号楼门口垃圾堆积", "7号楼井盖破损"] {
                let report = try await EventFixtures.report(app, worker, description: text)
                #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: report).status == .created)
                ids.append(report.id)
            }
            // 1: refused. 2: the community handles it, the reporter verifies, closed on time.
            // 3: accepted and escalated to the street. 4: left waiting for triage.
            _ = try await EventLoopTests.act(app, community, ids[0], "reject", EventActionRequestDTO(reason: "重复上报"))
            for (token, action, input) in [
                (community, "accept", EventActionRequestDTO(level: 2)), (community, "take", EventActionRequestDTO()),
                (community, "handle", EventActionRequestDTO(note: "已清理")), (worker, "verify", EventActionRequestDTO(passed: true)),
                (community, "close", EventActionRequestDTO(note: "办结")),
            ] {
                let (status, body) = try await EventLoopTests.act(app, token, ids[1], action, input)
                #expect(status == .ok, "\(action): \(body)")
            }
            _ = try await EventLoopTests.act(app, community, ids[2], "accept", EventActionRequestDTO(level: 2))
            _ = try await EventLoopTests.act(app, community, ids[2], "escalate", EventActionRequestDTO(reason: "超出社区职能"))
            // 6: accepted at level 3, escalated, dispatched to the enforcement bureau (510117-ZF).
            _ = try await EventFixtures.dispatchToDepartment(app, description: "8号楼违规搭建")

            let period = Self.period()
            let (status, body) = try await app.call(.GET, "/api/v1/stats/indicators?period=\(period)&by=unit", token: street)
            #expect(status == .ok, "\(body)")
            let report = try Self.json(body)
            let total = try Self.figures(report["total"])
            // reported 6; valid 3 (2, 3, 6); refused 1; flowed 2 (3 escalated, 6 escalated and dispatched)
            #expect(total.measures["reported"] == 6)
            #expect(total.measures["valid"] == 3)
            #expect(total.measures["rejected"] == 1)
            #expect(total.measures["flowed"] == 2)
            #expect(total.measures["triaged"] == 4)
            // due 3 (2, 3, 6 have handling deadlines within the period); closed 1, on time 1
            #expect(total.measures["due"] == 3)
            #expect(total.measures["closed"] == 1)
            #expect(total.measures["closed_on_time"] == 1)
            #expect(total.measures["dispatched"] == 1)
            #expect(total.values["valid_rate"] as? Double == 0.5)            // 3 ÷ 6
            #expect(total.values["flow_rate"] as? Double == 2.0 / 3.0)        // 2 ÷ 3
            #expect(total.values["closure_rate"] as? Double == 1.0 / 3.0)     // 1 ÷ 3
            #expect(total.values["return_rate"] as? Double == 0)              // 0 ÷ 1
            #expect(total.values["satisfaction_rate"] is NSNull)              // nobody gave an opinion
            let definitions = try #require(report["indicators"] as? [[String: Any]])
            #expect(definitions.contains { $0["id"] as? String == "closure_rate" && ($0["definition"] as? String)?.contains("应结案数") == true })

            // The street's communities: all six in the first, none in the second.
            let rows = try #require(report["rows"] as? [[String: Any]])
            let first = try Self.figures(rows.first { $0["key"] as? String == "510117001001" })
            let second = try Self.figures(rows.first { $0["key"] as? String == "510117001002" })
            #expect(first.measures["reported"] == 6)
            #expect(second.measures["reported"] == 0)
            #expect(second.values["valid_rate"] is NSNull)

            let district = try await app.token("district_op")
            let departments = try Self.json(try await app.call(.GET, "/api/v1/stats/indicators?period=\(period)&by=department", token: district).body)
            let zf = try Self.figures((departments["rows"] as? [[String: Any]])?.first { $0["key"] as? String == "510117-ZF" })
            #expect(zf.measures["due"] == 1)
            #expect(zf.measures["dispatched"] == 1)

            // This month by type: the district reads its rolled-up cells, the community its grids';
            // both count the six reports of 消防通道堵塞.
            let month = StatPeriod.containing(WorkingCalendar().day(of: Date()), length: "month").description
            for (token, unit) in [(district, "510117"), (street, "510117001"), (community, "510117001001")] {
                let byType = try Self.json(try await app.call(.GET, "/api/v1/stats/indicators?unit=\(unit)&period=\(month)&by=type", token: token).body)
                let fire = try Self.figures((byType["rows"] as? [[String: Any]])?.first { $0["key"] as? String == EventFixtures.fireLaneType })
                #expect(fire.measures["reported"] == 6, "\(unit)")
                #expect(fire.measures["valid"] == 3, "\(unit)")
                let typed = try Self.json(try await app.call(
                    .GET, "/api/v1/stats/indicators?unit=\(unit)&period=\(month)&type=\(EventFixtures.fireLaneType)", token: token).body)
                #expect(try Self.figures(typed["total"]).measures["reported"] == 6, "\(unit)")
            }

            let workers = try Self.json(try await app.call(.GET, "/api/v1/stats/indicators?period=\(period)&by=worker", token: street).body)
            let workerRows = try #require(workers["rows"] as? [[String: Any]])
            #expect(workerRows.count == 1)
            let gridworker = try Self.figures(workerRows.first)
            #expect(gridworker.measures["reported"] == 6)
            #expect(gridworker.measures["valid"] == 3)
            #expect(gridworker.measures["due"] == 0)   // closure counts belong to the territory, not the reporter

            // The tables the writes kept equal a rebuild from the events.
            let kept = try await Self.cells(app.db)
            try await IndicatorStore.rebuild(on: app.db)
            #expect(try await Self.cells(app.db) == kept)
            #expect(!kept.isEmpty)
        }
    }

    @Test("bad periods, breakdowns and types are refused by field; a grid worker may not read statistics")
    func refusals() async throws {
        try await TestApp.with { app in
            let street = try await app.token("street_op")
            for (query, field) in [("period=2026-13", "period"), ("by=street", "by"), ("type=NOPE", "type"), ("type=B0501&by=worker", "type")] {
                let (status, body) = try await app.call(.GET, "/api/v1/stats/indicators?\(query)", token: street)
                #expect(status == .unprocessableEntity, "\(query)")
                #expect(body.contains("\"\(field)\""), "\(query): \(body)")
            }
            let worker = try await app.token("gridworker")
            #expect(try await app.call(.GET, "/api/v1/stats/indicators", token: worker).status == .forbidden)
            let outside = try await app.call(.GET, "/api/v1/stats/indicators?unit=510117002", token: street).status
            #expect(outside == .forbidden || outside == .notFound)
        }
    }

    @Test("the demo's bulk-loaded year writes the same tables a rebuild from its events gives; workers are grid workers only")
    func demoYear() async throws {
        try await TestApp.with(seedDemo: false) { app in
            _ = try await DemoSeeder(services: app.grid).load(scale: .small, password: TestApp.password, events: true, on: app.db)
            let loaded = try await Self.cells(app.db)
            #expect(loaded.count > 100)
            try await IndicatorStore.rebuild(on: app.db)
            #expect(try await Self.cells(app.db) == loaded)
            let street = try await app.token("street_op")
            let today = WorkingCalendar().day(of: Date())
            let year = "\(today.adding(days: -364))..\(today)"
            let workers = try Self.json(try await app.call(.GET, "/api/v1/stats/indicators?period=\(year)&by=worker", token: street).body)
            let rows = try #require(workers["rows"] as? [[String: Any]])
            #expect(!rows.isEmpty && rows.count <= 20)   // the street's grid workers, not every resident who reported
        }
    }

    /// Every cell, as text, in key order.
    static func cells(_ db: any Database) async throws -> [String] {
        let sql = try #require(db as? any SQLDatabase)
        let columns = ["grain", "subject", "period", "unit_path", "type_code"] + Measure.stored.map(\.column)
        let rows = try await sql.raw("SELECT * FROM indicator_cells ORDER BY grain, subject, period, unit_path, type_code").all()
        return try rows.map { row in
            try columns.map { column in
                Measure(rawValue: column) == nil ? try row.decode(column: column, as: String.self) : String(try row.decode(column: column, as: Int.self))
            }.joined(separator: "|")
        }.filter { !$0.hasSuffix(String(repeating: "|0", count: Measure.stored.count)) }
    }
}
