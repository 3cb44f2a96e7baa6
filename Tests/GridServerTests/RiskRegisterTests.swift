import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// The risk register (风险台账) over the API: every report of a risk kind is assessed in its
/// transaction, repeats at one place raise the risk, a major risk warns the district at once
/// (inbox and webhook), operators adjust with a reason and record controls, each unit sees its
/// own subtree, and a risk closes with its event.
@Suite struct RiskRegisterTests {
    /// 劳动社保纠纷: likelihood 2, severity 3 by default (score 6, general).
    static let labourDispute = "A02"

    static func dispute(
        _ app: Application, _ token: String, grid: String = "510117001001001", people: Int = 2, vulnerable: Bool = false,
        offset: Double = 0, type: String = labourDispute
    ) async throws -> ReportEventRequestDTO {
        let shape = try require(try await MapFixtures.geometry(app, token, grid).multiPolygon)
        let inside = try require(shape.pointOnSurface)
        let phone = DatumConverter.convert(Coordinate(lon: inside.lon + offset, lat: inside.lat), from: .gcj02, to: .wgs84)
        var attributes: [String: JSONValue] = ["people_involved": .number(Double(people))]
        if vulnerable { attributes["vulnerable_involved"] = .bool(true) }
        return ReportEventRequestDTO(
            id: UUID(), type: type, description: "某公司拖欠\(people)名工人工资", location: .init(lon: phone.lon, lat: phone.lat, datum: "wgs84"),
            attributes: attributes)
    }

    static func file(_ app: Application, _ token: String, _ report: ReportEventRequestDTO) async throws {
        let (status, body) = try await app.call(.POST, "/api/v1/events", token: token, json: report)
        guard status == .created else { throw TestSupportError.unexpected("report answered \(status): \(body)") }
    }

    static func risk(_ app: Application, _ token: String, _ id: UUID) async throws -> RiskDTO {
        let (status, body) = try await app.call(.GET, "/api/v1/risks/\(id)", token: token)
        guard status == .ok else { throw TestSupportError.unexpected("risk answered \(status): \(body)") }
        return try app.decode(RiskDTO.self, body)
    }

    @Test("a report of a dispute type is assessed in the register; a service report is not")
    func disputeCreatesRisk() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let report = try await Self.dispute(app, worker)
            try await Self.file(app, worker, report)
            let risk = try await Self.risk(app, community, report.id)
            #expect(risk.kind == "labour_social_security" && risk.category == "dispute")
            #expect(risk.likelihood == 2 && risk.severity == 3 && risk.score == 6 && risk.level == "general")
            #expect(risk.state == "open" && risk.facts.isEmpty && risk.warnedAt == nil)
            #expect(risk.gridPath.hasSuffix("/510117001001001/"))
            let (_, body) = try await app.call(.GET, "/api/v1/risks?level=general&state=open", token: community)
            #expect(try app.decode(PageDTO<RiskDTO>.self, body).items.map(\.id) == [report.id])
            // a grid worker may not read the register
            #expect(try await app.call(.GET, "/api/v1/risks", token: worker).status == .forbidden)
            #expect(try await app.call(.GET, "/api/v1/risks?level=severe", token: community).status == .unprocessableEntity)
        }
    }

    @Test("the third report of one kind at one place within 30 days has a higher likelihood and level")
    func repeatsRaiseTheRisk() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            var ids: [UUID] = []
            for offset in [0, 0.0002, 0.0004] {
                let report = try await Self.dispute(app, worker, offset: offset)
                try await Self.file(app, worker, report)
                ids.append(report.id)
                // another kind at the same place does not count
                try await Self.file(app, worker, try await Self.dispute(app, worker, type: "A01"))
            }
            let risks = try await ids.asyncMap { try await Self.risk(app, community, $0) }
            let (_, spotsBody) = try await app.call(.GET, "/api/v1/risks/hotspots?unit=510117001", token: try await app.token("street_op"))
            let spots = try app.decode(RiskHotSpotListDTO.self, spotsBody)
            #expect(spots.days == 30 && spots.items.count == 2)
            #expect(Set(spots.items.map(\.kind)) == ["labour_social_security", "family_neighbour"])
            #expect(Set(spots.items.first { $0.kind == "labour_social_security" }?.events ?? []) == Set(ids))
            #expect(risks.map(\.likelihood) == [2, 2, 3])
            #expect(risks.map(\.level) == ["general", "general", "important"])
            #expect(risks[2].facts.map(\.code) == ["repeated"] && risks[2].facts.first?.count == 2)
            #expect(risks[1].facts.isEmpty)
            // thirty-one days later the same place starts afresh
            try app.grid.clock.advance(by: 31 * 86_400)
            let (workerAgain, communityAgain) = (try await app.token("gridworker"), try await app.token("community_op"))
            let later = try await Self.dispute(app, workerAgain)
            try await Self.file(app, workerAgain, later)
            #expect(try await Self.risk(app, communityAgain, later.id).likelihood == 2)
        }
    }

    @Test("a major risk puts a warning in the district leader's and centre's inbox and sends the risk.major webhook")
    func majorRiskWarns() async throws {
        let receiver = try await WebhookReceiver.start()
        do {
            try await TestApp.with { app in
                let admin = try await app.token("admin")
                let (created, _) = try await app.call(
                    .POST, "/api/v1/webhooks", token: admin,
                    json: CreateWebhookRequestDTO(url: receiver.url, unit: "510117", kinds: ["risk.major"], secret: "receiver-secret-0123456789"))
                #expect(created == .created)
                let worker = try await app.token("gridworker")
                // an ordinary report warns nobody
                try await Self.file(app, worker, try await Self.dispute(app, worker))
                let report = try await Self.dispute(app, worker, people: 12, vulnerable: true)
                try await Self.file(app, worker, report)
                let risk = try await Self.risk(app, try await app.token("district_op"), report.id)
                #expect(risk.level == "major" && risk.score == 15 && risk.warnedAt != nil)
                #expect(Set(risk.facts.map(\.code)) == ["many_people", "crowd", "vulnerable"])
                for username in ["leader", "district_op"] {
                    let (_, body) = try await app.call(.GET, "/api/v1/inbox", token: try await app.token(username))
                    let warnings = try app.decode(PageDTO<InboxItemDTO>.self, body).items.filter { $0.kind == "risk.major" }
                    #expect(warnings.map(\.eventID) == [report.id], "\(username)")
                }
                let (_, communityInbox) = try await app.call(.GET, "/api/v1/inbox", token: try await app.token("community_op"))
                #expect(!(try app.decode(PageDTO<InboxItemDTO>.self, communityInbox).items.contains { $0.kind == "risk.major" }))
                let dispatcher = WebhookDispatcher(services: try app.grid, client: app.client)
                #expect(try await dispatcher.run(on: app.db).delivered == 1)
                let received = await receiver.log.received
                #expect(received.count == 1)
                #expect(received.first?.headers.first(name: "X-GridGov-Event") == "risk.major")
                let payload = try JSONDecoder.iso.decode(WebhookPayload.self, from: Data((received.first?.body ?? "").utf8))
                #expect(payload.kind == "risk.major" && payload.event?.id == report.id && payload.unit == "/510117/")
            }
        } catch {
            try await receiver.stop()
            throw error
        }
        try await receiver.stop()
    }

    @Test("an adjustment needs values 1–5 and a reason (422 by field); it is kept with who and when; raised to major it warns")
    func adjustNeedsReason() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let report = try await Self.dispute(app, worker)
            try await Self.file(app, worker, report)
            let path = "/api/v1/risks/\(report.id)/adjust"
            let (status, body) = try await app.call(.POST, path, token: community, json: AdjustRiskRequestDTO(likelihood: 4, severity: 9, reason: " "))
            #expect(status == .unprocessableEntity)
            #expect(Set(try app.decode(APIErrorDTO.self, body).errors?.map(\.field) ?? []) == ["severity", "reason"])
            #expect(try await app.call(.POST, path, token: worker, json: AdjustRiskRequestDTO(likelihood: 4, severity: 4, reason: "x")).status == .forbidden)
            let (ok, adjustedBody) = try await app.call(
                .POST, path, token: community, json: AdjustRiskRequestDTO(likelihood: 4, severity: 4, reason: "欠薪人数将扩大，已有上访苗头"))
            #expect(ok == .ok, "\(adjustedBody)")
            let adjusted = try app.decode(RiskDTO.self, adjustedBody)
            #expect(adjusted.score == 16 && adjusted.level == "major" && adjusted.warnedAt != nil)
            let record = try #require(adjusted.adjustments.first)
            #expect(record.fromLikelihood == 2 && record.fromSeverity == 3 && record.reason == "欠薪人数将扩大，已有上访苗头")
            #expect(record.byName.contains("社区"))
            let (_, inbox) = try await app.call(.GET, "/api/v1/inbox", token: try await app.token("leader"))
            #expect(try app.decode(PageDTO<InboxItemDTO>.self, inbox).items.contains { $0.kind == "risk.major" && $0.eventID == report.id })

            // controls of a major risk need its plan
            let measures = "/api/v1/risks/\(report.id)/measures"
            let (missing, missingBody) = try await app.call(
                .POST, measures, token: community, json: RiskMeasuresRequestDTO(measures: "约谈企业负责人", responsibleUnit: "nowhere", responsiblePerson: ""))
            #expect(missing == .unprocessableEntity)
            #expect(Set(try app.decode(APIErrorDTO.self, missingBody).errors?.map(\.field) ?? []) == ["responsible_unit", "responsible_person", "plan"])
            let (saved, savedBody) = try await app.call(
                .POST, measures, token: community,
                json: RiskMeasuresRequestDTO(measures: "约谈企业负责人，人社所跟进", responsibleUnit: "510117001001", responsiblePerson: "王主任",
                                             plan: "郫都区群体性事件应急预案"))
            #expect(saved == .ok, "\(savedBody)")
            let controlled = try app.decode(RiskDTO.self, savedBody)
            #expect(controlled.state == "controlled" && controlled.plan == "郫都区群体性事件应急预案" && controlled.responsiblePerson == "王主任")
        }
    }

    @Test("a street sees only its own subtree's risks")
    func scopeIsolation() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let district = try await app.token("district_op")
            let street = try await app.token("street_op")
            let mine = try await Self.dispute(app, worker)
            try await Self.file(app, worker, mine)
            let elsewhere = try await Self.dispute(app, district, grid: "510117002001001")
            try await Self.file(app, district, elsewhere)
            let (_, streetBody) = try await app.call(.GET, "/api/v1/risks", token: street)
            #expect(try app.decode(PageDTO<RiskDTO>.self, streetBody).items.map(\.id) == [mine.id])
            #expect(try await app.call(.GET, "/api/v1/risks/\(elsewhere.id)", token: street).status == .notFound)
            let (outside, outsideBody) = try await app.call(.GET, "/api/v1/risks?unit=510117002", token: street)
            #expect(outside == .notFound, "\(outsideBody)")
            #expect(try await app.call(
                .POST, "/api/v1/risks/\(elsewhere.id)/adjust", token: street, json: AdjustRiskRequestDTO(likelihood: 1, severity: 1, reason: "越权")
            ).status == .notFound)
            let (_, districtBody) = try await app.call(.GET, "/api/v1/risks?unit=510117002", token: district)
            #expect(try app.decode(PageDTO<RiskDTO>.self, districtBody).items.map(\.id) == [elsewhere.id])
            let (_, allBody) = try await app.call(.GET, "/api/v1/risks", token: district)
            #expect(try app.decode(PageDTO<RiskDTO>.self, allBody).total == 2)
        }
    }

    @Test("closing the event closes its risk; a rejected report's risk is closed too")
    func closesWithEvent() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let report = try await Self.dispute(app, worker)
            try await Self.file(app, worker, report)
            let steps: [(String, String, EventActionRequestDTO)] = [
                (community, "accept", EventActionRequestDTO(level: 2)),
                (community, "handle", EventActionRequestDTO(note: "已调解，企业承诺本周发放工资")),
                (worker, "verify", EventActionRequestDTO(passed: true)),
            ]
            for (token, action, input) in steps {
                let (status, body) = try await app.call(.POST, "/api/v1/events/\(report.id)/actions/\(action)", token: token, json: input)
                #expect(status == .ok, "\(action): \(body)")
            }
            #expect(try await Self.risk(app, community, report.id).state == "open")
            let (closed, closedBody) = try await app.call(
                .POST, "/api/v1/events/\(report.id)/actions/close", token: community, json: EventActionRequestDTO(note: "办结"))
            #expect(closed == .ok, "\(closedBody)")
            #expect(try await Self.risk(app, community, report.id).state == "closed")
            let (_, openBody) = try await app.call(.GET, "/api/v1/risks?state=open,controlled", token: community)
            #expect(try app.decode(PageDTO<RiskDTO>.self, openBody).total == 0)

            let rejected = try await Self.dispute(app, worker)
            try await Self.file(app, worker, rejected)
            let (status, _) = try await app.call(
                .POST, "/api/v1/events/\(rejected.id)/actions/reject", token: community, json: EventActionRequestDTO(reason: "重复上报"))
            #expect(status == .ok)
            #expect(try await Self.risk(app, community, rejected.id).state == "closed")
        }
    }
}

extension RiskRegisterTests {
    @Test("the backfill of stored events (the demo's year, an older database) assesses them as the report did")
    func backfillMatchesLiveAssessment() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            var ids: [UUID] = []
            for (offset, people) in [(0.0, 2), (0.0002, 6), (0.0004, 2), (0.01, 12)] {
                let report = try await Self.dispute(app, worker, people: people, offset: offset)
                try await Self.file(app, worker, report)
                ids.append(report.id)
            }
            let fire = try await EventFixtures.report(app, worker)
            try await Self.file(app, worker, fire)
            ids.append(fire.id)
            let live = try await ids.asyncMap { try await Self.risk(app, community, $0) }
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("DELETE FROM risks").run()
            let written = try await RiskService(services: try app.grid).backfill(on: app.db)
            #expect(written == ids.count)
            let rebuilt = try await ids.asyncMap { try await Self.risk(app, community, $0) }
            for (before, after) in zip(live, rebuilt) {
                #expect(before.likelihood == after.likelihood && before.severity == after.severity && before.level == after.level)
                #expect(before.facts == after.facts && before.state == after.state && before.kind == after.kind)
            }
            #expect(live.map(\.level) == ["general", "important", "important", "important", "important"])
            // a write from a stale read is refused (no adjustment of the history is lost)
            let stale = try #require(try await RiskStore.find(ids[0], on: app.db))
            let first = try stale.assessment.adjusted(likelihood: 3, severity: 3, reason: "甲", byID: UUID(), byName: "甲", at: Date())
            #expect(try await RiskStore.saveAssessment(first, level: .important, of: stale, on: app.db, now: Date()))
            let second = try stale.assessment.adjusted(likelihood: 1, severity: 1, reason: "乙", byID: UUID(), byName: "乙", at: Date())
            #expect(try await RiskStore.saveAssessment(second, level: .general, of: stale, on: app.db, now: Date()) == false)
                        // a second run writes nothing
            #expect(try await RiskService(services: try app.grid).backfill(on: app.db) == 0)
        }
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
