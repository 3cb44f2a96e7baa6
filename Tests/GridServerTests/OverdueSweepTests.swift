import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The deadline sweep: overdue triage goes up a level, overdue handling is urged, exactly once,
/// even with two server instances sweeping one database at the same time.
@Suite struct OverdueSweepTests {
    static func scratchDatabase() throws -> DatabaseLocation? {
        guard TestDatabase.postgresURL == nil else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return .sqliteFile(path: directory.appendingPathComponent("g.sqlite").path)
    }

    @Test("two instances sweeping at once escalate each overdue event exactly once")
    func twoInstances() async throws {
        let file = try Self.scratchDatabase()
        try await TestApp.with(adjust: { config in if let file { config.database = file } }) { app in
            let worker = try await app.token("gridworker")
            var ids: [UUID] = []
            for index in 0..<6 {
                let report = try await EventFixtures.report(app, worker, description: "消防通道堵塞 \(index)")
                #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: report).status == .created)
                ids.append(report.id)
            }
            // a second server on the same database
            let second = try await Application.make(.testing)
            do {
                try await configure(second, try app.grid.config)
                // a week later nobody has triaged them
                try app.grid.clock.advance(by: 7 * 86_400)
                try second.grid.clock.advance(by: 7 * 86_400)
                async let first = OverdueSweep(services: try app.grid).run(on: app.db)
                async let other = OverdueSweep(services: try second.grid).run(on: second.db)
                let (a, b) = try await (first, other)
                #expect(a.escalated + b.escalated == ids.count)
                for id in ids {
                    let timeline = try await EventStore.timeline(id, on: app.db)
                    #expect(timeline.filter { $0.entry.action == .escalate }.count == 1)
                    #expect(timeline.last?.actorName == "系统（超期自动处理）")
                    let event = try #require(try await EventStore.find(id, on: app.db))
                    #expect(event.snapshot.ownerPath.rawValue == "/510117/510117001/")
                }
                // nothing left: a second sweep the same day does nothing
                let again = try await OverdueSweep(services: try app.grid).run(on: app.db)
                #expect(again.escalated == 0 && again.urged == 0)
                // the street's operators were told
                let street = try await app.token("street_op")
                let (_, inbox) = try await app.call(.GET, "/api/v1/inbox", token: street)
                #expect(try app.decode(PageDTO<InboxItemDTO>.self, inbox).items.contains { $0.kind == "escalated" })
                try await second.asyncShutdown()
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
        }
    }

    @Test("an event overdue in handling is urged once per deadline, and the handler hears of it")
    func urgesOverdueHandling() async throws {
        try await TestApp.with { app in
            _ = try await EventFixtures.dispatchToDepartment(app)
            try app.grid.clock.advance(by: 30 * 86_400)
            let first = try await OverdueSweep(services: try app.grid).run(on: app.db)
            #expect(first.urged == 1)
            #expect(try await OverdueSweep(services: try app.grid).run(on: app.db).urged == 0)
            // a month on, sign in afresh (tokens last hours) and look at the overdue list
            let (_, body) = try await app.call(.GET, "/api/v1/events?overdue=true", token: try await app.token("street_op"))
            #expect(try app.decode(PageDTO<EventDTO>.self, body).items.first?.overdue == true)
        }
    }

    @Test("the administrator's policy decides: supervise stalled reports, leave overdue handling flagged only")
    func configurablePolicy() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let worker = try await app.token("gridworker")
            let street = try await app.token("street_op")
            // a department may not change it; a response a stage does not allow is refused by field
            let change = OverduePolicyUpdateDTO(responses: ["triage": "supervise", "handling": "none"])
            #expect(try await app.call(.PUT, "/api/v1/settings/overdue-policy", token: street, json: change).status == .forbidden)
            let (badStatus, badBody) = try await app.call(
                .PUT, "/api/v1/settings/overdue-policy", token: admin, json: OverduePolicyUpdateDTO(responses: ["handling": "escalate", "closing": "urge"]))
            #expect(badStatus == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, badBody).errors?.map(\.field) == ["handling"])
            #expect(try await app.call(.PUT, "/api/v1/settings/overdue-policy", token: admin, json: change).status == .ok)
            let (_, shown) = try await app.call(.GET, "/api/v1/settings/overdue-policy", token: street)
            let policy = try app.decode(OverduePolicyDTO.self, shown)
            #expect(policy.stages.map(\.response) == ["supervise", "none", "urge", "urge"])
            #expect(policy.stages.first?.label == "受理派遣")

            let waiting = try await EventFixtures.report(app, worker, description: "消防通道堵塞 无人受理")
            _ = try await app.call(.POST, "/api/v1/events", token: worker, json: waiting)
            let handling = try await EventFixtures.dispatchToDepartment(app, description: "消防通道堵塞 派遣后超期")
            try app.grid.clock.advance(by: 30 * 86_400)
            let result = try await OverdueSweep(services: try app.grid).run(on: app.db)
            #expect(result.supervised == 1 && result.escalated == 0 && result.urged == 0)
            let supervised = try #require(try await EventStore.find(waiting.id, on: app.db))
            #expect(supervised.snapshot.supervised && supervised.snapshot.state == .reported && supervised.snapshot.escalations == 0)
            let untouched = try #require(try await EventStore.find(handling, on: app.db))
            #expect(untouched.snapshot.urgeCount == 0 && !untouched.snapshot.supervised)
            #expect(untouched.snapshot.isOverdue(try app.grid.clock.now))
        }
    }
}
