import FluentKit
import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// The residents' portal's server rules: a report becomes an event of channel `portal` in the
/// community's inbox; a lookup needs ticket and phone; limits answer 429, bad input 422 by field;
/// the public map carries nothing personal; the resident's satisfaction reaches the ratings.
@Suite struct PortalTests {
    @Test("a resident's report lands in the community inbox as an event of channel portal, the phone only sealed")
    func reportBecomesEvent() async throws {
        try await TestApp.with { app in
            // act
            let answer = try await PortalSupport.report(app, try await PortalSupport.fireLane(app))
            // verify
            #expect(answer.status == .created, "\(answer.body.prefix(400))")
            let ticket = try #require(PortalSupport.ticket(answer.body))
            let community = try await app.token("community_op")
            let (_, inbox) = try await app.call(.GET, "/api/v1/events?box=to_accept", token: community)
            let event = try #require(try app.decode(PageDTO<EventDTO>.self, inbox).items.first { $0.number == ticket })
            #expect(event.channel == "portal")
            #expect(event.state == "reported")
            #expect(event.grid.code == "510117001001001")
            #expect(event.reporter.name.contains("139****5678"))
            let photos = try await EventStore.photos(event.id, on: app.db)
            #expect(photos.count == 1)
            let sql = try #require(app.db as? any SQLDatabase)
            let rows = try await sql.raw("SELECT * FROM portal_reports").all()
            #expect(rows.count == 1)
            for column in ["phone_hash", "phone_sealed", "phone_masked"] {
                #expect(try rows[0].decode(column: column, as: String.self).contains(PortalSupport.phone) == false)
            }
        }
    }

    @Test("resubmitting the same form answers the first ticket, not a second event")
    func resubmissionIsOneEvent() async throws {
        try await TestApp.with { app in
            let fields = try await PortalSupport.fireLane(app)
            let first = try await PortalSupport.report(app, fields)
            let again = try await PortalSupport.report(app, fields)
            #expect(first.status == .created)
            #expect(PortalSupport.ticket(first.body) == PortalSupport.ticket(again.body))
            let sql = try #require(app.db as? any SQLDatabase)
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM portal_reports").first()?.decode(column: "n", as: Int.self) == 1)
        }
    }

    @Test("the lookup needs both ticket and phone: a wrong phone answers exactly as an unknown ticket")
    func lookupNeedsBoth() async throws {
        try await TestApp.with { app in
            let ticket = try #require(PortalSupport.ticket(try await PortalSupport.report(app, try await PortalSupport.fireLane(app)).body))
            // act
            let right = try await PortalSupport.lookup(app, ticket: ticket, phone: "139 1234 5678")
            let wrongPhone = try await PortalSupport.lookup(app, ticket: ticket, phone: "13912345670")
            let unknown = try await PortalSupport.lookup(app, ticket: "26010100001", phone: PortalSupport.phone)
            let missing = try await PortalSupport.lookup(app, ticket: ticket, phone: "")
            // verify
            #expect(right.status == .ok)
            #expect(right.body.contains("id=\"status-stage\">已收到，等待社区受理"))
            #expect(right.body.contains("消防通道堵塞"))
            #expect(wrongPhone.status == .notFound)
            #expect(unknown.status == .notFound)
            #expect(wrongPhone.body.replacingOccurrences(of: ticket, with: "T") == unknown.body.replacingOccurrences(of: "26010100001", with: "T"))
            #expect(!wrongPhone.body.contains("消防通道"))
            #expect(missing.status == .unprocessableEntity)
        }
    }

    @Test("bad input answers 422 naming each field, in Chinese")
    func badInputByField() async throws {
        try await TestApp.with { app in
            let bad: [(String, String)] = [
                ("_csrf", PortalSupport.csrf), ("type", "A07"), ("description", "短"), ("phone", "12345"), ("website", ""),
            ]
            let answer = try await PortalSupport.report(app, bad, photos: [Array("not a picture".utf8)])
            #expect(answer.status == .unprocessableEntity)
            #expect(Set(PortalSupport.fields(answer.body)) == ["type", "description", "phone", "location", "photos[0]"])
            #expect(answer.body.contains("请从列表中选择问题类型"))
            #expect(answer.body.contains("只接受 JPEG、PNG 或 HEIC 照片"))

            // a missing required detail of the item, and too many photos
            var fields = try await PortalSupport.fireLane(app).filter { $0.0 != "attr[blocked_by]" }
            let tooMany = try await PortalSupport.report(app, fields, photos: Array(repeating: PortalSupport.png, count: 4))
            #expect(tooMany.status == .unprocessableEntity)
            #expect(Set(PortalSupport.fields(tooMany.body)) == ["attributes.blocked_by", "photos"])

            // the honeypot
            fields = try await PortalSupport.fireLane(app, extra: [("website", "http://spam.example")])
            let robot = try await PortalSupport.report(app, fields)
            #expect(robot.status == .unprocessableEntity)
            #expect(PortalSupport.fields(robot.body) == ["website"])

            // no token
            let forged = try await PortalSupport.report(app, try await PortalSupport.fireLane(app), cookie: "another-token-entirely")
            #expect(forged.status == .forbidden)
            let sql = try #require(app.db as? any SQLDatabase)
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM portal_reports").first()?.decode(column: "n", as: Int.self) == 0)
        }
    }

    @Test("a typed address from the register places the report; an unknown one is refused on its field")
    func typedAddress() async throws {
        try await TestApp.with { app in
            let unknown = try await PortalSupport.fireLane(app).filter { !["lon", "lat", "datum"].contains($0.0) } + [("address", "不存在的路 999 号")]
            let answer = try await PortalSupport.report(app, unknown)
            #expect(answer.status == .unprocessableEntity)
            #expect(PortalSupport.fields(answer.body) == ["address"])

            let sql = try #require(app.db as? any SQLDatabase)
            let code = try #require(try await sql.raw("SELECT address_code FROM buildings ORDER BY address_code LIMIT 1").first()?
                .decode(column: "address_code", as: String.self))
            let known = try await PortalSupport.fireLane(app).filter { !["lon", "lat", "datum"].contains($0.0) } + [("address", code)]
            let placed = try await PortalSupport.report(app, known)
            #expect(placed.status == .created, "\(placed.body.prefix(300))")
            let ticket = try #require(PortalSupport.ticket(placed.body))
            #expect(try await EventStore.find(number: ticket, on: app.db)?.channel == "portal")
        }
    }

    @Test("too many reports from one phone or one address answer 429 with the wait")
    func rateLimits() async throws {
        try await TestApp.with { app in
            app.portalGuard.limits = PortalLimits(reportsPerHourPerAddress: 3, reportsPerHourPerPhone: 1)
            let first = try await PortalSupport.report(app, try await PortalSupport.fireLane(app))
            let samePhone = try await PortalSupport.report(app, try await PortalSupport.fireLane(app))
            #expect(first.status == .created)
            #expect(samePhone.status == .tooManyRequests)
            #expect(PortalSupport.fields(samePhone.body) == ["phone"])
            #expect(samePhone.body.contains("该手机号一小时内反映次数过多"))
            #expect(samePhone.headers.first(name: .retryAfter).flatMap(Int.init).map { $0 > 0 } == true)

            let other = try await PortalSupport.report(app, try await PortalSupport.fireLane(app, phone: "13800138000"))
            let fourth = try await PortalSupport.report(app, try await PortalSupport.fireLane(app, phone: "13700137000"))
            #expect(other.status == .created)
            #expect(fourth.status == .tooManyRequests)
            #expect(PortalSupport.fields(fourth.body) == ["address"])

            app.portalGuard.limits = PortalLimits(lookupsPerHourPerAddress: 1)
            _ = try await PortalSupport.lookup(app, ticket: "1", phone: PortalSupport.phone)
            #expect(try await PortalSupport.lookup(app, ticket: "1", phone: PortalSupport.phone).status == .tooManyRequests)
        }
    }

    @Test("the public map shows kind, rough place and stage, and nothing personal")
    func publicMapHasNoPersonalData() async throws {
        try await TestApp.with { app in
            let ticket = try #require(PortalSupport.ticket(try await PortalSupport.report(app, try await PortalSupport.fireLane(app)).body))
            // a dispute, and a non-public item reported by the grid worker
            let worker = try await app.token("gridworker")
            var dispute = try await EventFixtures.report(app, worker, description: "张三与李四因噪音争吵")
            dispute.type = "A01"
            dispute.attributes = ["people_involved": .number(2)]
            #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: dispute).status == .created)
            var hidden = try await EventFixtures.report(app, worker, description: "涉法涉诉的秘密事项")
            hidden.type = "A07"
            hidden.attributes = ["people_involved": .number(3)]
            #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: hidden).status == .created)

            let map = try await PortalSupport.get(app, "/portal/map/events.json?community=510117001001")
            #expect(map.status == .ok)
            let features = try #require(try jsonObject(map.body)["features"] as? [[String: Any]])
            let labels = features.compactMap { ($0["properties"] as? [String: Any])?["type"] as? String }
            #expect(labels.contains("消防通道堵塞"))
            #expect(labels.contains("矛盾纠纷"))
            #expect(!labels.contains("涉法涉诉纠纷"))
            #expect(features.count == 2)
            for feature in features {
                let properties = try #require(feature["properties"] as? [String: Any])
                #expect(Set(properties.keys) == ["type", "stage", "stage_label", "day"])
            }
            for secret in [ticket, PortalSupport.phone, "139****5678", "张三", "噪音", "消防通道被杂物", "秘密"] {
                #expect(!map.body.contains(secret), "\(secret) leaked")
            }
            let page = try await PortalSupport.get(app, "/portal/map?community=510117001001")
            #expect(page.status == .ok)
            for secret in [ticket, "张三", "秘密", "139****5678"] { #expect(!page.body.contains(secret)) }
            #expect(try await PortalSupport.get(app, "/portal/map/events.json?community=510117001001001").status == .notFound)
        }
    }

    @Test("once closed, the resident sees the outcome and rates; the satisfaction makes the disposal stars")
    func outcomeAndRating() async throws {
        try await TestApp.with { app in
            let ticket = try #require(PortalSupport.ticket(try await PortalSupport.report(app, try await PortalSupport.fireLane(app)).body))
            let id = try await Self.walkToClosed(app, ticket: ticket)
            // a rating before looking up with the right phone is refused like an unknown ticket
            let forged = try await PortalSupport.post(
                app, "/portal/rate", [("_csrf", PortalSupport.csrf), ("ticket", ticket), ("phone", "13800138000"), ("satisfaction", "very")])
            #expect(forged.status == .notFound)

            let status = try await PortalSupport.lookup(app, ticket: ticket, phone: PortalSupport.phone)
            #expect(status.body.contains("id=\"status-stage\">已办结"))
            #expect(status.body.contains("已清理杂物，通道恢复畅通"))
            #expect(status.body.contains("id=\"rate-form\""))
            #expect(!status.body.contains("community_op"))

            let rated = try await PortalSupport.post(
                app, "/portal/rate", [("_csrf", PortalSupport.csrf), ("ticket", ticket), ("phone", PortalSupport.phone), ("satisfaction", "very")])
            #expect(rated.status == .ok)
            #expect(rated.body.contains("感谢您的评价"))
            #expect(!rated.body.contains("id=\"rate-form\""))
            let event = try #require(try await EventStore.find(id, on: app.db))
            #expect(event.ratings.satisfaction == .very)
            #expect(event.ratings.disposalStars != nil)

            let twice = try await PortalSupport.post(
                app, "/portal/rate", [("_csrf", PortalSupport.csrf), ("ticket", ticket), ("phone", PortalSupport.phone), ("satisfaction", "unsatisfied")])
            #expect(twice.status == .unprocessableEntity)
            #expect(try await EventStore.find(id, on: app.db)?.ratings.satisfaction == .very)
        }
    }

    /// Community accepts and escalates, the street dispatches, the department handles, the
    /// community verifies and the street closes.
    static func walkToClosed(_ app: Application, ticket: String) async throws -> UUID {
        let community = try await app.token("community_op")
        let street = try await app.token("street_op")
        let department = try await app.token("dept_handler")
        let event = try #require(try await EventStore.find(number: ticket, on: app.db))
        let id = event.snapshot.id
        for (token, action, input) in [
            (community, "accept", EventActionRequestDTO(level: 3)), (community, "escalate", EventActionRequestDTO(reason: "需执法部门处置")),
            (street, "dispatch", EventActionRequestDTO(unit: "510117-ZF")), (department, "take", EventActionRequestDTO()),
            (department, "handle", EventActionRequestDTO(note: "已清理杂物，通道恢复畅通")), (community, "verify", EventActionRequestDTO(passed: true)),
            (street, "close", EventActionRequestDTO(note: "办结")),
        ] {
            let (status, body) = try await EventLoopTests.act(app, token, id, action, input)
            #expect(status == .ok, "\(action): \(body)")
        }
        return id
    }
}
