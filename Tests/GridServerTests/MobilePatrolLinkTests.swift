import Foundation
import GridCore
import GridServer
import GridTestSupport
import Testing
import Vapor

/// Events reported during a patrol link to it (巡查中上报): the phone sends the ids it reported on
/// the way with the patrol's state; the server keeps the worker's own reports, merges each send
/// with the last (a replay or an older list unlinks nothing) and leaves out ids it does not know
/// or that belong to someone else, without refusing the patrol.
@Suite struct MobilePatrolLinkTests {
    @Test("reports made on the way link to the patrol; repeats and older lists keep the links; foreign and unknown ids are left out")
    func linking() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let start = try app.grid.clock.now.addingTimeInterval(-1800)
            let first = try await EventFixtures.report(app, worker, description: "巡查中发现消防通道堵塞")
            let second = try await EventFixtures.report(app, worker, description: "巡查中发现第二处堵塞")
            let theirs = try await EventFixtures.report(app, community, description: "社区工作人员上报")
            for (token, report) in [(worker, first), (worker, second), (community, theirs)] {
                let (status, body) = try await app.call(.POST, "/api/v1/events", token: token, json: report)
                #expect(status == .created, "\(body)")
            }
            let id = UUID()
            let path = "/api/v1/patrols/\(id)"

            // setup: the patrol begins with the first report linked, plus someone else's and an unknown id
            let begin = PatrolUpsertDTO(startedAt: start, events: [first.id, theirs.id, UUID()])
            let (created, createdBody) = try await app.call(.PUT, path, token: worker, raw: try PatrolAPITests.json(begin))
            #expect(created == .created, "\(createdBody)")
            #expect(try PatrolAPITests.decoder().decode(PatrolDTO.self, from: Data(createdBody.utf8)).eventIDs == [first.id])

            // act: the second report arrives with the stop; then a replay of the start's older list
            let stop = PatrolUpsertDTO(startedAt: start, endedAt: start.addingTimeInterval(1200), events: [first.id, second.id])
            let (stopped, stoppedBody) = try await app.call(.PUT, path, token: worker, raw: try PatrolAPITests.json(stop))
            #expect(stopped == .ok, "\(stoppedBody)")
            let (replayed, _) = try await app.call(.PUT, path, token: worker, raw: try PatrolAPITests.json(begin))
            #expect(replayed == .ok)

            // verify: both of the worker's reports, sorted, and nothing else — read back from the store
            let (_, readBody) = try await app.call(.GET, path, token: worker)
            let read = try PatrolAPITests.decoder().decode(PatrolDTO.self, from: Data(readBody.utf8))
            #expect(read.eventIDs == [first.id, second.id].sorted { $0.uuidString < $1.uuidString })
            #expect(read.endedAt != nil)
            let day = try app.grid.calendar.day(of: start)
            let (_, dayBody) = try await app.call(.GET, "/api/v1/patrols?day=\(day)", token: worker)
            let listed = try PatrolAPITests.decoder().decode(PatrolDayDTO.self, from: Data(dayBody.utf8))
            #expect(listed.items.first { $0.id == id }?.eventIDs.count == 2)
        }
    }

    @Test("a patrol sent without events links none, and the domain keeps at most the limit")
    func bounds() async throws {
        var patrol = Patrol(id: UUID(), workerID: UUID(), gridPath: try #require(UnitPath(rawValue: "/510117/")), startedAt: Date())
        #expect(patrol.eventIDs.isEmpty)
        let many = (0..<(PatrolRules.linkedEventLimit + 20)).map { _ in UUID() }
        patrol.link(many)
        #expect(patrol.eventIDs.count == PatrolRules.linkedEventLimit)
        let before = patrol.eventIDs
        patrol.link(Array(many.prefix(10)))
        #expect(patrol.eventIDs == before)
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let plain = PatrolUpsertDTO(startedAt: try app.grid.clock.now.addingTimeInterval(-60))
            let (status, body) = try await app.call(.PUT, "/api/v1/patrols/\(UUID())", token: worker, raw: try PatrolAPITests.json(plain))
            #expect(status == .created)
            #expect(try PatrolAPITests.decoder().decode(PatrolDTO.self, from: Data(body.utf8)).eventIDs.isEmpty)
        }
    }
}
