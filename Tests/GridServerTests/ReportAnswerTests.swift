import Foundation
import GridCore
import GridStore
import GridTestSupport
import Testing
import Vapor

/// A report answers from the row its insert wrote (not a second read) and takes its ticket
/// number only when it makes an event; concurrent reports are all filed.
@Suite struct ReportAnswerTests {
    @Test("the report's answer is the event as stored: the same as reading it back, timeline and grid included")
    func answerIsStoredEvent() async throws {
        try await TestApp.with { app in
            // setup
            let worker = try await app.token("gridworker")
            let report = try await EventFixtures.report(app, worker)

            // act
            let (status, body) = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
            let (_, readBody) = try await app.call(.GET, "/api/v1/events/\(report.id)", token: worker)

            // verify
            #expect(status == .created, "\(body)")
            var answered = try app.decode(EventDTO.self, body)
            let read = try app.decode(EventDTO.self, readBody)
            #expect(answered.possibleDuplicates == [])
            answered.possibleDuplicates = nil
            #expect(answered == read)
            #expect(answered.timeline?.map(\.action) == ["report"])
            #expect(answered.grid.code == "510117001001001")
        }
    }

    @Test("a repeated report takes no ticket number: the next report gets the following one")
    func repeatTakesNoNumber() async throws {
        try await TestApp.with { app in
            // setup
            let worker = try await app.token("gridworker")
            let first = try await EventFixtures.report(app, worker)
            let (created, firstBody) = try await app.call(.POST, "/api/v1/events", token: worker, json: first)
            #expect(created == .created)

            // act
            let (again, againBody) = try await app.call(.POST, "/api/v1/events", token: worker, json: first)
            let second = try await EventFixtures.report(app, worker, description: "另一处堵塞")
            let (_, secondBody) = try await app.call(.POST, "/api/v1/events", token: worker, json: second)

            // verify
            #expect(again == .ok)
            let number = try app.decode(EventDTO.self, firstBody).number
            #expect(try app.decode(EventDTO.self, againBody).number == number)
            let next = try app.decode(EventDTO.self, secondBody).number
            #expect(Int(next.suffix(5)) == Int(number.suffix(5)).map { $0 + 1 })
        }
    }

    @Test("twelve different reports at once are all filed, with twelve different ticket numbers and audit rows")
    func concurrentReports() async throws {
        try await TestApp.with { app in
            // setup
            let worker = try await app.token("gridworker")
            var reports: [ReportEventRequestDTO] = []
            for index in 0..<12 { reports.append(try await EventFixtures.report(app, worker, description: "并发上报 \(index)")) }

            // act
            let answers = try await withThrowingTaskGroup(of: (HTTPStatus, String).self) { group in
                for report in reports {
                    group.addTask {
                        let result = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
                        return (result.status, result.body)
                    }
                }
                return try await group.reduce(into: [(HTTPStatus, String)]()) { $0.append($1) }
            }

            // verify
            #expect(answers.allSatisfy { $0.0 == .created })
            let numbers = Set(try answers.map { try app.decode(EventDTO.self, $0.1).number })
            #expect(numbers.count == 12)
            let audited = try await AuditLog.list(AuditLog.Filter(action: "event.report"), page: 1, per: 50, on: app.db)
            #expect(audited.total == 12)
            #expect(Set(audited.items.compactMap(\.targetID)) == Set(reports.map(\.id.uuidString)))
        }
    }
}
