import FluentKit
import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// The one-window desk (一窗式受理) reached from the portal: the front desk registers, the back
/// office completes by a deadline in working days, the resident reads the outcome by ticket and
/// phone, and the desk's counts and times add up.
@Suite struct PortalOneWindowTests {
    static func register(_ app: Application, _ token: String, id: UUID = UUID(), phone: String = "13700137000") async throws -> (HTTPStatus, OneWindowRequestDTO?) {
        let body = OneWindowRegisterDTO(
            id: id, service: "W02", applicantName: "王小明", phone: phone, note: "首次申领",
            documents: [Data(PortalSupport.png).base64EncodedString()])
        let (status, text) = try await app.call(.POST, "/api/v1/one-window", token: token, json: body)
        return (status, try? JSONDecoder.iso8601.decode(OneWindowRequestDTO.self, from: Data(text.utf8)))
    }

    static func act(_ app: Application, _ token: String, _ id: UUID, _ action: String, _ body: OneWindowActionDTO = .init()) async throws -> (HTTPStatus, String) {
        let answer = try await app.call(.POST, "/api/v1/one-window/\(id)/actions/\(action)", token: token, json: body)
        return (answer.status, answer.body)
    }

    @Test("the desk registers with the person masked and sealed; a repeat answers the first")
    func registers() async throws {
        try await TestApp.with { app in
            let desk = try await app.token("community_op")
            let id = UUID()
            let (status, request) = try await Self.register(app, desk, id: id)
            #expect(status == .created)
            let made = try #require(request)
            #expect(made.number.hasPrefix("W"))
            #expect(made.applicant == "王**" || made.applicant.hasPrefix("王"))
            #expect(made.applicant != "王小明")
            #expect(made.phone == "137****7000")
            #expect(made.documents.count == 1)
            #expect(made.state == "registered")
            let (again, repeated) = try await Self.register(app, desk, id: id)
            #expect(again == .ok)
            #expect(repeated?.number == made.number)
            let sql = try #require(app.db as? any SQLDatabase)
            let row = try #require(try await sql.raw("SELECT * FROM one_window_requests").first())
            for column in ["applicant_sealed", "applicant_masked", "phone_hash", "phone_sealed", "phone_masked", "note"] {
                let value = try row.decode(column: column, as: String.self)
                #expect(!value.contains("王小明") && !value.contains("13700137000"), "\(column) holds the person in clear")
            }
            #expect(try await AuditLog.list(.init(action: "one_window.registered"), page: 1, per: 5, on: app.db).items.count == 1)

            // bad input by field; a grid worker has no desk
            let bad = OneWindowRegisterDTO(service: "X", applicantName: "", phone: "123")
            let (badStatus, badBody) = try await app.call(.POST, "/api/v1/one-window", token: desk, json: bad)
            #expect(badStatus == .unprocessableEntity)
            for field in ["service", "applicant_name", "phone"] { #expect(badBody.contains("\"\(field)\"")) }
            #expect(try await Self.register(app, try await app.token("gridworker")).0 == .forbidden)
        }
    }

    @Test("hand-over sets the deadline in working days; completion needs the outcome; steps out of order are 409")
    func backOffice() async throws {
        try await TestApp.with { app in
            let desk = try await app.token("community_op")
            let made = try #require(try await Self.register(app, desk).1)
            #expect(try await Self.act(app, desk, made.id, "complete", .init(outcome: "太早")).0 == .conflict)
            let (handed, body) = try await Self.act(app, desk, made.id, "hand_over", .init(version: made.version))
            #expect(handed == .ok, "\(body)")
            let after = try JSONDecoder.iso8601.decode(OneWindowRequestDTO.self, from: Data(body.utf8))
            let calendar = try app.grid.calendar
            let expected = calendar.addingWorkingDays(5, to: calendar.day(of: try app.grid.clock.now))
            #expect(after.dueOn == expected.description)
            #expect(after.state == "in_back_office")
            #expect(try await Self.act(app, desk, made.id, "complete", .init(outcome: "", version: after.version)).0 == .unprocessableEntity)
            #expect(try await Self.act(app, desk, made.id, "complete", .init(outcome: "x", version: made.version)).0 == .conflict)
            let (done, doneBody) = try await Self.act(app, desk, made.id, "complete", .init(outcome: "居住证已制好，请携带身份证到社区领取", version: after.version))
            #expect(done == .ok, "\(doneBody)")
            #expect(try await Self.act(app, desk, made.id, "reject", .init(reason: "晚了")).0 == .conflict)

            // the queue's counts and times, also for the street above
            let street = try await app.token("street_op")
            _ = try await Self.register(app, desk, phone: "13600136000")
            for token in [desk, street] {
                let (status, text) = try await app.call(.GET, "/api/v1/one-window", token: token)
                #expect(status == .ok)
                let queue = try JSONDecoder.iso8601.decode(OneWindowQueueDTO.self, from: Data(text.utf8))
                #expect(queue.stats.byState["completed"] == 1)
                #expect(queue.stats.byState["registered"] == 1)
                #expect(queue.stats.finished == 1)
                #expect(queue.stats.completedOnTime == 1)
                #expect(queue.stats.meanHours != nil)
                #expect(queue.items.count == 2)
            }
        }
    }

    @Test("the resident reads the outcome on the portal by ticket and phone; another phone learns nothing")
    func residentIsTold() async throws {
        try await TestApp.with { app in
            let desk = try await app.token("community_op")
            let made = try #require(try await Self.register(app, desk).1)
            _ = try await Self.act(app, desk, made.id, "hand_over")
            _ = try await Self.act(app, desk, made.id, "complete", .init(outcome: "居住证已制好，请携带身份证到社区领取"))
            let mine = try await PortalSupport.lookup(app, ticket: made.number, phone: "137 0013 7000")
            #expect(mine.status == .ok)
            #expect(mine.body.contains("id=\"status-stage\">已办结"))
            #expect(mine.body.contains("居住证已制好"))
            #expect(mine.body.contains("居住证申领"))
            let other = try await PortalSupport.lookup(app, ticket: made.number, phone: PortalSupport.phone)
            let unknown = try await PortalSupport.lookup(app, ticket: "W0000000000", phone: PortalSupport.phone)
            #expect(other.status == .notFound)
            #expect(!other.body.contains("居住证已制好"))
            #expect(other.body.replacingOccurrences(of: made.number, with: "T") == unknown.body.replacingOccurrences(of: "W0000000000", with: "T"))
        }
    }

    @Test("the console desk page shows the counts and registers with documents")
    func consolePage() async throws {
        try await TestApp.with { app in
            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("community_op")
            let (status, page, _) = try await browser.request(.GET, "/console/window")
            #expect(status == .ok)
            #expect(page.contains("一窗式受理"))
            #expect(page.contains("id=\"count-registered\""))
            let csrf = try #require(ConsoleTests.Browser.hidden("_csrf", in: page))
            let (created, answer, _) = try await browser.request(
                .POST, "/console/window", form: ["_csrf": csrf, "service": "W01", "applicant_name": "李四", "phone": "13500135000"],
                files: [:])
            #expect(created == .created, "\(answer.prefix(500))")
            #expect(answer.contains("已登记，受理编号 W"))
            #expect(answer.contains("李*"))
            #expect(!answer.contains("13500135000"))
            let (refused, problem, _) = try await browser.request(.POST, "/console/window", form: ["_csrf": csrf, "service": "W01", "phone": "1"], files: [:])
            #expect(refused == .unprocessableEntity)
            #expect(problem.contains("id=\"window-error\""))
        }
    }
}
