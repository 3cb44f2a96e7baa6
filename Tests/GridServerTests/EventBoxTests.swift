import Foundation
import GridCore
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The work queues (待办箱) hold what waits at the caller's level: the API's `box=` and the
/// console's tabs read one definition, so an event moves from one person's box to the next.
@Suite struct EventBoxTests {
    static func box(_ app: Application, _ token: String, _ box: String) async throws -> [UUID] {
        let (status, body) = try await app.call(.GET, "/api/v1/events?box=\(box)", token: token)
        #expect(status == .ok, "\(box): \(body)")
        return try app.decode(PageDTO<EventDTO>.self, body).items.map(\.id)
    }

    @Test("a report moves from the community's 待受理 to the street's 待派遣 to the department's 待处置 to the reporter's 待核查")
    func boxesFollowTheEvent() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let street = try await app.token("street_op")
            let department = try await app.token("dept_handler")
            let report = try await EventFixtures.report(app, worker)
            _ = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            let id = report.id

            #expect(try await Self.box(app, community, "to_accept") == [id])
            // the street oversees the community's report but it is not the street's to accept
            #expect(try await Self.box(app, street, "to_accept").isEmpty)

            _ = try await EventLoopTests.act(app, community, id, "accept", EventActionRequestDTO(level: 3))
            #expect(try await Self.box(app, community, "to_handle") == [id])  // the community's own, until escalated
            #expect(try await Self.box(app, street, "to_dispatch").isEmpty)

            _ = try await EventLoopTests.act(app, community, id, "escalate", EventActionRequestDTO(reason: "超出社区职能"))
            #expect(try await Self.box(app, community, "to_handle").isEmpty)
            #expect(try await Self.box(app, street, "to_dispatch") == [id])

            _ = try await EventLoopTests.act(app, street, id, "dispatch", EventActionRequestDTO(unit: "510117-ZF"))
            #expect(try await Self.box(app, street, "to_dispatch").isEmpty)
            #expect(try await Self.box(app, department, "to_handle") == [id])

            _ = try await EventLoopTests.act(app, department, id, "take")
            _ = try await EventLoopTests.act(app, department, id, "handle", EventActionRequestDTO(note: "已清理"))
            #expect(try await Self.box(app, department, "to_handle").isEmpty)
            #expect(try await Self.box(app, worker, "to_verify") == [id])
            #expect(try await Self.box(app, community, "to_verify") == [id])
            #expect(try await Self.box(app, worker, "mine") == [id])

            let (status, body) = try await app.call(.GET, "/api/v1/events?box=nonsense", token: worker)
            #expect(status == .unprocessableEntity)
            #expect(body.contains("\"field\":\"box\""))
        }
    }

    @Test("the console: the inbox lists the report; the event page offers the community only what it may do; a forged dispatch is refused")
    func consolePages() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let report = try await EventFixtures.report(app, worker)
            _ = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("community_op")
            let (status, inbox, _) = try await browser.request(.GET, "/console/events?box=to_accept")
            #expect(status == .ok)
            #expect(inbox.contains("待受理"))
            #expect(inbox.contains("/console/events/\(report.id.uuidString)"))
            let path = "/console/events/\(report.id.uuidString)"
            let (_, page, _) = try await browser.request(.GET, path)
            #expect(page.contains("id=\"do-accept\""))
            #expect(page.contains("id=\"do-escalate\""))
            #expect(!page.contains("id=\"do-dispatch\""))
            let csrf = try #require(ConsoleTests.Browser.hidden("_csrf", in: page))

            let (accepted, _, location) = try await browser.request(.POST, path + "/actions/accept", form: ["_csrf": csrf])
            #expect(accepted == .seeOther)
            #expect(location == path + "?done=accept")
            let (forged, refusal, _) = try await browser.request(.POST, path + "/actions/dispatch", form: ["_csrf": csrf, "unit": "510117-ZF"])
            #expect(forged == .forbidden)
            #expect(refusal.contains("无权执行“派遣”"))
            let (missing, asked, _) = try await browser.request(.POST, path + "/actions/escalate", form: ["_csrf": csrf, "reason": "  "])
            #expect(missing == .unprocessableEntity)
            #expect(asked.contains("id=\"escalate-error\""))
            let (_, body) = try await app.call(.GET, "/api/v1/events/\(report.id)", token: worker)
            #expect(EventLoopTests.state(body) == "accepted")

            let (csvStatus, csv, _) = try await browser.request(.GET, "/console/events.csv?box=all")
            #expect(csvStatus == .ok)
            #expect(csv.contains("事件编号,事件类型"))
            #expect(csv.contains(String(report.description.prefix(12))))
        }
    }
}
