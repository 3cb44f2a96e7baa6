import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Schemes run over what happened: reports by hand, a run ranks the worker with the figures
/// behind each score, publishing freezes it, and bad schemes are refused by field.
@Suite struct AssessmentTests {
    static func decode(_ body: String) throws -> AssessmentRunDTO {
        try JSONDecoder.iso8601.decode(AssessmentRunDTO.self, from: Data(body.utf8))
    }

    /// The grid worker reports three events; the community refuses the first and accepts the others.
    static func threeReports(_ app: Application, worker: String, community: String) async throws -> [UUID] {
        var ids: [UUID] = []
        for text in ["3号楼消防通道被杂物堵塞", "5号楼楼道堆放电动车", "小区东门消防车道被占"] {
            let report = try await EventFixtures.report(app, worker, description: text)
            #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: report).status == .created)
            ids.append(report.id)
        }
        _ = try await EventLoopTests.act(app, community, ids[0], "reject", EventActionRequestDTO(reason: "重复上报"))
        _ = try await EventLoopTests.act(app, community, ids[1], "accept", EventActionRequestDTO(level: 2))
        _ = try await EventLoopTests.act(app, community, ids[2], "accept", EventActionRequestDTO(level: 2))
        return ids
    }

    @Test("the default schemes are there; a run ranks the grid worker from the reports; publishing freezes the period")
    func runAndPublish() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let street = try await app.token("street_op")
            let schemes = try JSONDecoder.iso8601.decode(
                AssessmentSchemeListDTO.self, from: Data(try await app.call(.GET, "/api/v1/assessments/schemes", token: street).body.utf8))
            #expect(Set(schemes.items.map(\.subject)) == [.worker, .community, .department])

            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            _ = try await Self.threeReports(app, worker: worker, community: community)

            let today = WorkingCalendar().day(of: Date())
            let period = StatPeriod.containing(today, length: "month").description
            let request = AssessmentRunRequestDTO(schemeID: AssessmentStore.defaultWorkerID, period: period)
            let (status, body) = try await app.call(.POST, "/api/v1/assessments/runs", token: street, json: request)
            #expect(status == .created, "\(body)")
            let run = try Self.decode(body)
            let result = try #require(run.results.first)
            #expect(run.results.count == 1 && result.rank == 1)
            // valid 2 → 2/30×25 = 1.67; rate 2/3 → (0.667−0.3)/0.6×20 = 12.22; no stars, none on the spot, no patrols or
            // visits; 1 refused → −1
            let valid = try #require(result.items.first { $0.indicator == "valid_rate" })
            #expect(valid.numerator == 2 && valid.denominator == 3)
            #expect(valid.points == 12.22)
            #expect(result.total == 12.89)
            #expect(result.grade == .unqualified)
            #expect(run.state == "draft")

            // Re-running a draft replaces it; publishing freezes it; a frozen period is not re-run.
            let again = try Self.decode(try await app.call(.POST, "/api/v1/assessments/runs", token: street, json: request).body)
            #expect(again.id == run.id)
            let id = try #require(run.id)
            #expect(try await app.call(.POST, "/api/v1/assessments/runs/\(id)/publish", token: street).status == .forbidden)
            let published = try await app.call(.POST, "/api/v1/assessments/runs/\(id)/publish", token: admin)
            #expect(published.status == .ok)
            #expect(try Self.decode(published.body).state == "published")
            #expect(try await app.call(.POST, "/api/v1/assessments/runs", token: street, json: request).status == .conflict)
            #expect(try await app.call(.POST, "/api/v1/assessments/runs/\(id)/publish", token: admin).status == .conflict)

            let top = try Self.decode(try await app.call(.GET, "/api/v1/assessments/top-workers?period=\(period)", token: street).body)
            #expect(top.results.map(\.name) == [result.name])

            // Later events move the live figures, never the published run.
            let late = try await EventFixtures.report(app, worker, description: "9号楼消防通道堵塞")
            _ = try await app.call(.POST, "/api/v1/events", token: worker, json: late)
            _ = try await EventLoopTests.act(app, community, late.id, "accept", EventActionRequestDTO(level: 2))
            let live = try Self.decode(try await app.call(.GET, "/api/v1/assessments/top-workers?period=\(period)", token: street).body)
            #expect(live.results.first?.items.first { $0.indicator == "valid" }?.numerator == 3)
            let kept = try Self.decode(try await app.call(.GET, "/api/v1/assessments/runs/\(id)", token: street).body)
            let frozen = try Self.decode(published.body)
            #expect(kept.results == frozen.results)
            #expect(kept.results.first?.items.first { $0.indicator == "valid" }?.numerator == 2)
        }
    }

    @Test("the default worker scheme on the demo's year ranks its grid workers and the forced distribution holds")
    func demoRanking() async throws {
        try await TestApp.with(seedDemo: false) { app in
            _ = try await DemoSeeder(services: app.grid).load(scale: .small, password: TestApp.password, events: true, on: app.db)
            let admin = try await app.token("admin")
            let today = WorkingCalendar().day(of: Date())
            let request = AssessmentRunRequestDTO(schemeID: AssessmentStore.defaultWorkerID, period: "\(today.adding(days: -364))..\(today)")
            let (status, body) = try await app.call(.POST, "/api/v1/assessments/runs", token: admin, json: request)
            #expect(status == .created, "\(body)")
            let results = try Self.decode(body).results
            #expect(results.count >= 5)
            // Every worker is named: the general grids' workers by their (stand-in) accounts, a
            // special grid's worker, who has none, by the grid they report from.
            #expect(results.allSatisfy { !$0.name.isEmpty && $0.name != "—" })
            #expect(results.contains { $0.name.hasSuffix(" 网格员") })
            #expect(results.contains { !$0.name.hasSuffix(" 网格员") })
            #expect(results.map(\.total) == results.map(\.total).sorted(by: >))
            #expect(zip(results, results.dropFirst()).allSatisfy { $0.rank <= $1.rank })
            let excellent = results.filter { $0.grade == .excellent }.count
            let low = results.filter { $0.grade >= .basic }.count
            #expect(Double(excellent) <= Double(results.count) * 0.2)
            #expect(Double(low) >= Double(results.count) * 0.1)
            // Every score is traceable: each item names its value's numerator and denominator.
            #expect(results.allSatisfy { $0.items.count == AssessmentScheme.defaultWorker(id: UUID()).items.count })
        }
    }

    @Test("a scheme with a bad weight or indicator is refused by field; a bonus needs a reason")
    func refusals() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            var scheme = AssessmentScheme.defaultWorker(id: UUID())
            scheme.items[0].weight = 0
            scheme.items[1].indicator = "nope"
            let (status, body) = try await app.call(.PUT, "/api/v1/assessments/schemes/\(scheme.id)", token: admin, json: scheme)
            #expect(status == .unprocessableEntity)
            #expect(body.contains("items[0].weight") && body.contains("items[1].indicator"))
            let bonus = AssessmentRunRequestDTO(
                schemeID: AssessmentStore.defaultWorkerID, period: "2026-11", bonuses: [.init(key: "x", points: 5, reason: "")])
            let refused = try await app.call(.POST, "/api/v1/assessments/runs", token: admin, json: bonus)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("bonuses[0].reason"))
            let badPeriod = AssessmentRunRequestDTO(schemeID: AssessmentStore.defaultWorkerID, period: "someday")
            #expect(try await app.call(.POST, "/api/v1/assessments/runs", token: admin, json: badPeriod).body.contains("\"period\""))
            #expect(try await app.call(.GET, "/api/v1/assessments/schemes", token: try await app.token("gridworker")).status == .forbidden)
        }
    }
}
