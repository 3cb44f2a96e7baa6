import Foundation
import GridCore
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The event loop through the API with the demo roles.
@Suite struct EventLoopTests {
    static func act(_ app: Application, _ token: String, _ id: UUID, _ action: String, _ body: EventActionRequestDTO = EventActionRequestDTO()) async throws -> (HTTPStatus, String) {
        let result = try await app.call(.POST, "/api/v1/events/\(id)/actions/\(action)", token: token, json: body)
        return (result.status, result.body)
    }

    static func state(_ body: String) -> String? {
        (try? JSONDecoder.iso8601.decode(EventDTO.self, from: Data(body.utf8)))?.state
    }

    @Test("one event through every stage: report, escalate, dispatch, return, re-dispatch, handle, rework, verify, close")
    func fullWalk() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let street = try await app.token("street_op")
            let department = try await app.token("dept_handler")
            let report = try await EventFixtures.report(app, worker)
            let (created, body) = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            #expect(created == .created, "\(body)")
            let first = try app.decode(EventDTO.self, body)
            #expect(first.state == "reported")
            #expect(first.grid.code == "510117001001001")
            #expect(first.number.count == 11)
            #expect(first.deadline != nil)

            // the community sees it in its inbox
            let (_, inbox) = try await app.call(.GET, "/api/v1/events?box=to_accept", token: community)
            #expect(try app.decode(PageDTO<EventDTO>.self, inbox).items.map(\.id) == [report.id])

            let id = report.id
            let steps: [(String, String, EventActionRequestDTO, String)] = [
                (community, "accept", EventActionRequestDTO(level: 3), "accepted"),
                (community, "escalate", EventActionRequestDTO(reason: "超出社区职能"), "accepted"),
                (street, "dispatch", EventActionRequestDTO(unit: "510117-ZF"), "dispatched"),
                (department, "return", EventActionRequestDTO(reason: "不属于本部门职责"), "returned"),
                (street, "dispatch", EventActionRequestDTO(note: "请综合执法处置", unit: "510117-ZF"), "dispatched"),
                (department, "take", EventActionRequestDTO(), "in_progress"),
                (department, "handle", EventActionRequestDTO(note: "已清理堵塞物"), "handled"),
                (worker, "verify", EventActionRequestDTO(note: "仍有杂物", passed: false), "in_progress"),
                (department, "handle", EventActionRequestDTO(note: "已彻底清理"), "handled"),
                (worker, "verify", EventActionRequestDTO(passed: true), "verified"),
                (street, "close", EventActionRequestDTO(note: "办结"), "closed"),
            ]
            for (token, action, input, expected) in steps {
                let (status, body) = try await Self.act(app, token, id, action, input)
                #expect(status == .ok, "\(action): \(body)")
                #expect(Self.state(body) == expected, "\(action)")
            }
            let (_, finalBody) = try await app.call(.GET, "/api/v1/events/\(id)", token: worker)
            let final = try app.decode(EventDTO.self, finalBody)
            #expect(final.outcome == "resolved")
            #expect(final.reworkCount == 1)
            #expect(final.returnCount == 1)
            let timeline = try #require(final.timeline)
            #expect(timeline.map(\.action) == ["report"] + steps.map(\.1))
            #expect(timeline.first?.actor == "刘洋（专职网格员）")
            #expect(timeline.contains { $0.note == "不属于本部门职责" })
            #expect(timeline.last?.to == "closed")
            // the reporter heard about it: the audit log and the timeline name every actor
            #expect(Set(timeline.map(\.actorRole)) == Set(["grid_worker", "community_operator", "street_operator", "department_handler"]))
            // the reporter heard back at every step that concerns them, in Chinese
            let (_, inboxBody) = try await app.call(.GET, "/api/v1/inbox", token: worker)
            let messages = try app.decode(PageDTO<InboxItemDTO>.self, inboxBody).items.filter { $0.eventID == id }
            #expect(Set(messages.map(\.kind)).isSuperset(of: ["accepted", "dispatched", "closed"]), "\(messages.map(\.kind))")
            #expect(messages.contains { $0.message == "您上报的事件已结案" })
            // ratings: the community gives discovery stars, the reporter records the party's satisfaction;
            // handled the same day on a 7-day deadline is early: very satisfied → 5 stars by the table
            let (rateStatus, rateBody) = try await Self.act(app, community, id, "rate", EventActionRequestDTO(stars: 4))
            #expect(rateStatus == .ok, "\(rateBody)")
            let (disposalStatus, disposalBody) = try await Self.act(app, worker, id, "rate", EventActionRequestDTO(satisfaction: "very"))
            #expect(disposalStatus == .ok, "\(disposalBody)")
            let rated = try app.decode(EventDTO.self, disposalBody)
            #expect(rated.ratings?.discoveryStars == 4)
            #expect(rated.ratings?.timeliness == .early)
            #expect(rated.ratings?.disposalStars == 5)
            let (overrideStatus, overrideBody) = try await Self.act(app, worker, id, "rate", EventActionRequestDTO(satisfaction: "very", disposalStars: 3))
            #expect(overrideStatus == .unprocessableEntity, "a move of two stars is refused: \(overrideBody)")
            #expect(try await Self.act(app, department, id, "rate", EventActionRequestDTO(stars: 5)).0 == .forbidden)
            // an action that no longer fits answers 409 with the current state
            let (again, againBody) = try await Self.act(app, street, id, "close")
            #expect(again == .conflict)
            #expect(againBody.contains("已结案"))
        }
    }

    @Test("ten concurrent submissions of one report make one event; the same id with other content is a conflict")
    func idempotentReports() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let report = try await EventFixtures.report(app, worker)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<10 { group.addTask { try await app.call(.POST, "/api/v1/events", token: worker, json: report).status } }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .ok }.count == 9)
            let (_, list) = try await app.call(.GET, "/api/v1/events?box=mine", token: worker)
            #expect(try app.decode(PageDTO<EventDTO>.self, list).total == 1)
            var other = report
            other.description = "别的内容"
            let (status, body) = try await app.call(.POST, "/api/v1/events", token: worker, json: other)
            #expect(status == .conflict)
            #expect(body.contains("id_conflict"))
        }
    }

    @Test("a second report of the same kind nearby is offered its likely duplicate, which operators merge")
    func duplicates() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let first = try await EventFixtures.report(app, worker)
            _ = try await app.call(.POST, "/api/v1/events", token: worker, json: first)
            var second = try await EventFixtures.report(app, worker, description: "消防通道又被堵了")
            second.location.lon += 0.0002  // about 19 m east
            let (_, body) = try await app.call(.POST, "/api/v1/events", token: worker, json: second)
            let created = try app.decode(EventDTO.self, body)
            let candidate = try #require(created.possibleDuplicates?.first)
            #expect(candidate.id == first.id)
            #expect(candidate.distanceM > 10 && candidate.distanceM < 30)
            var far = try await EventFixtures.report(app, worker, description: "另一处")
            far.location.lat += 0.002  // about 220 m north
            let (_, farBody) = try await app.call(.POST, "/api/v1/events", token: worker, json: far)
            #expect(try app.decode(EventDTO.self, farBody).possibleDuplicates?.contains { $0.id == first.id } == false)
            let (status, merged) = try await Self.act(app, community, second.id, "merge", EventActionRequestDTO(target: first.id))
            #expect(status == .ok, "\(merged)")
            #expect(try app.decode(EventDTO.self, merged).outcome == "merged:\(first.id.uuidString.lowercased())")
        }
    }

    @Test("administrators replace the admission list from CSV; a bad line is named and nothing changes")
    func catalogImport() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let worker = try await app.token("gridworker")
            let standard = EventCatalog.standard.csvText
            let renamed = standard.replacingOccurrences(of: ",消防通道堵塞,", with: ",消防通道被占用,")
            #expect(renamed != standard)
            // a broken line: the level column is not a number
            var lines = standard.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var cells = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[5] = "九"
            lines[3] = cells.joined(separator: ",")
            let (badStatus, badBody) = try await app.call(.POST, "/api/v1/event-types/import", token: admin, raw: lines.joined(separator: "\n"))
            #expect(badStatus == .unprocessableEntity)
            #expect(badBody.contains("4"), "the line number: \(badBody)")
            #expect(try await app.call(.POST, "/api/v1/event-types/import", token: worker, raw: renamed).status == .forbidden)
            #expect(try await app.call(.POST, "/api/v1/event-types/import?dry_run=true", token: admin, raw: renamed).status == .ok)
            #expect(!(try await app.call(.GET, "/api/v1/event-types", token: worker).body.contains("消防通道被占用")))
            #expect(try await app.call(.POST, "/api/v1/event-types/import", token: admin, raw: renamed).status == .ok)
            #expect(try await app.call(.GET, "/api/v1/event-types", token: worker).body.contains("消防通道被占用"))
            // reports use the new list at once, with the attributes the item carried before
            let report = try await EventFixtures.report(app, worker)
            let (status, body) = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            #expect(status == .created)
            #expect(try app.decode(EventDTO.self, body).typeName == "消防通道被占用")
        }
    }

    @Test("photos are stored once by content and served only to those who may see the event")
    func photos() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9])
            var report = try await EventFixtures.report(app, worker)
            report.photos = [jpeg.base64EncodedString()]
            let (status, body) = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            #expect(status == .created)
            let sha = try #require(try app.decode(EventDTO.self, body).photos.first)
            #expect(sha.count == 64)
            var served = Data()
            try await app.testing().test(.GET, "/api/v1/events/\(report.id)/photos/\(sha)", beforeRequest: { req in
                req.headers.bearerAuthorization = BearerAuthorization(token: worker)
            }, afterResponse: { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "jpeg")
                served = Data(buffer: res.body)
            })
            #expect(served == jpeg)
            try await app.makeUser("community_b_op", role: .communityOperator, unit: "510117002001")
            let other = try await app.token("community_b_op")
            #expect(try await app.call(.GET, "/api/v1/events/\(report.id)/photos/\(sha)", token: other).status == .notFound)
        }
    }

    @Test("two operators acting at once: one wins, the other gets 409 with the current state, never a 500")
    func concurrentActions() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let report = try await EventFixtures.report(app, worker)
            _ = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            async let a = Self.act(app, community, report.id, "accept", EventActionRequestDTO(version: 1))
            async let b = Self.act(app, community, report.id, "reject", EventActionRequestDTO(reason: "重复上报", version: 1))
            let results = try await [a, b].map(\.0)
            #expect(results.filter { $0 == .ok }.count == 1)
            #expect(results.filter { $0 == .conflict }.count == 1)
        }
    }

    @Test("bad reports are refused with the field: unknown type, missing attribute, outside every grid, outside the reporter's area")
    func badReports() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            var report = try await EventFixtures.report(app, worker)
            report.type = "ZZZ"
            #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: report).body.contains("\"field\":\"type\""))
            report = try await EventFixtures.report(app, worker)
            report.attributes = [:]
            #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: report).body.contains("attributes.blocked_by"))
            report = try await EventFixtures.report(app, worker)
            report.location = .init(lon: 116.4, lat: 39.9, datum: "wgs84")
            let (status, body) = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            #expect(status == .unprocessableEntity)
            #expect(body.contains("不在任何网格内"))
            report = try await EventFixtures.report(app, worker)
            report.grid = "510117002001001"
            let (scopeStatus, scopeBody) = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            #expect(scopeStatus == .unprocessableEntity)
            #expect(scopeBody.contains("辖区"))
            report.photos = ["bm90IGEgcGhvdG8="]
            report.grid = nil
            #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: report).body.contains("photos[0]"))
            // nothing was stored
            let (_, mine) = try await app.call(.GET, "/api/v1/events?box=mine", token: worker)
            #expect(try app.decode(PageDTO<EventDTO>.self, mine).total == 0)
        }
    }

    @Test("a community operator of another community neither sees nor acts on the event")
    func scope() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let report = try await EventFixtures.report(app, worker)
            _ = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            try await app.makeUser("community_b_op", role: .communityOperator, unit: "510117002001")
            let other = try await app.token("community_b_op")
            #expect(try await app.call(.GET, "/api/v1/events/\(report.id)", token: other).status == .notFound)
            #expect(try await Self.act(app, other, report.id, "accept").0 == .notFound)
            let (_, list) = try await app.call(.GET, "/api/v1/events", token: other)
            #expect(try app.decode(PageDTO<EventDTO>.self, list).total == 0)
            // a grid worker may not accept: 403 with the reason
            let (status, body) = try await Self.act(app, worker, report.id, "accept")
            #expect(status == .forbidden)
            #expect(body.contains("立案"))
        }
    }
}
