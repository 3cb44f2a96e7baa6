import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The patrol log over the API: the phone puts a patrol's state; replays change nothing twice;
/// hours per day against the standard; scope.
@Suite struct PatrolAPITests {
    static func json(_ body: PatrolUpsertDTO) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Fixes a minute apart walking north inside the worker's grid.
    static func fixes(from start: Date, minutes: Int, at origin: Coordinate) -> [TrackPoint] {
        (0..<minutes).map { TrackPoint(at: start.addingTimeInterval(Double($0 * 60)), lon: origin.lon, lat: origin.lat + Double($0) * 0.0003) }
    }

    @Test("start, track and stop by resending the whole patrol; replays change nothing twice; the day's hours count against 4 h")
    func walk() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let now = try app.grid.clock.now
            // Whole seconds: the store keeps instants to the millisecond, and a patrol that crosses
            // local midnight is split there, so a fraction would move the day's count by a second.
            let start = Date(timeIntervalSince1970: (now.timeIntervalSince1970 - 5 * 3600).rounded(.down))
            let shape = try #require(try await MapFixtures.geometry(app, worker, "510117001001001").multiPolygon)
            let inside = DatumConverter.convert(try #require(shape.pointOnSurface), from: .gcj02, to: .wgs84)
            let id = UUID()
            let before = try await app.auditCount()

            let first = PatrolUpsertDTO(startedAt: start, points: Self.fixes(from: start, minutes: 60, at: inside))
            let (created, createdBody) = try await app.call(.PUT, "/api/v1/patrols/\(id)", token: worker, raw: try Self.json(first))
            #expect(created == .created, "\(createdBody)")
            let patrol = try Self.decoder().decode(PatrolDTO.self, from: Data(createdBody.utf8))
            #expect(patrol.gridCode == "510117001001001" && patrol.endedAt == nil && patrol.track?.count == 60)
            #expect(patrol.distanceM > 1_900 && patrol.distanceM < 2_000)

            // the same state again (a lost answer retried): 200, nothing new
            let (again, _) = try await app.call(.PUT, "/api/v1/patrols/\(id)", token: worker, raw: try Self.json(first))
            #expect(again == .ok)
            #expect(try await app.auditCount() == before + 1)

            // stop after 4.5 h with the rest of the track; a replay of the stop with another end changes nothing
            let end = start.addingTimeInterval(4.5 * 3600)
            let stop = PatrolUpsertDTO(startedAt: start, endedAt: end, points: Self.fixes(from: start.addingTimeInterval(3600), minutes: 200, at: inside))
            let (stopped, stoppedBody) = try await app.call(.PUT, "/api/v1/patrols/\(id)", token: worker, raw: try Self.json(stop))
            #expect(stopped == .ok, "\(stoppedBody)")
            let ended = try Self.decoder().decode(PatrolDTO.self, from: Data(stoppedBody.utf8))
            #expect(ended.endedAt.map { abs($0.timeIntervalSince(end)) < 1 } == true)
            #expect(ended.seconds == 4 * 3600 + 1800)
            var late = stop
            late.endedAt = end.addingTimeInterval(1800)
            _ = try await app.call(.PUT, "/api/v1/patrols/\(id)", token: worker, raw: try Self.json(late))
            let (_, readBody) = try await app.call(.GET, "/api/v1/patrols/\(id)", token: worker)
            #expect(try Self.decoder().decode(PatrolDTO.self, from: Data(readBody.utf8)).seconds == 4 * 3600 + 1800)
            let actions = try await AuditLog.list(.init(), page: 1, per: 20, on: app.db).items.map(\.action)
            #expect(actions.filter { $0 == "patrol.started" }.count == 1 && actions.filter { $0 == "patrol.ended" }.count == 1)

            // the worker's day, and the community's view of its workers
            let day = try app.grid.calendar.day(of: start)
            let (_, mine) = try await app.call(.GET, "/api/v1/patrols?day=\(day)", token: worker)
            let myDay = try Self.decoder().decode(PatrolDayDTO.self, from: Data(mine.utf8))
            let expected = Int(PatrolRules.seconds(of: [Patrol(id: id, workerID: UUID(), gridPath: try #require(UnitPath(rawValue: "/510117/")), startedAt: start, endedAt: end)],
                                                   on: day, calendar: try app.grid.calendar, now: now))
            #expect(myDay.workers.count == 1 && myDay.workers.first?.seconds == expected)
            #expect(myDay.workers.first?.met == (expected >= 4 * 3600))
            let community = try await app.token("community_op")
            let (_, theirs) = try await app.call(.GET, "/api/v1/patrols?day=\(day)&unit=510117001001", token: community)
            #expect(try Self.decoder().decode(PatrolDayDTO.self, from: Data(theirs.utf8)).items.map(\.id) == [id])
            _ = try await app.makeUser("community_b", role: .communityOperator, unit: "510117002001")
            let other = try await app.token("community_b")
            let (_, elsewhere) = try await app.call(.GET, "/api/v1/patrols?day=\(day)", token: other)
            #expect(try Self.decoder().decode(PatrolDayDTO.self, from: Data(elsewhere.utf8)).items.isEmpty)
            #expect(try await app.call(.GET, "/api/v1/patrols/\(id)", token: other).status == .notFound)
        }
    }

    @Test("impossible times and grids are refused by field; another worker's patrol id is not found")
    func refusals() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let now = try app.grid.clock.now
            let backwards = PatrolUpsertDTO(startedAt: now.addingTimeInterval(-600), endedAt: now.addingTimeInterval(-1200))
            let (status, body) = try await app.call(.PUT, "/api/v1/patrols/\(UUID())", token: worker, raw: try Self.json(backwards))
            #expect(status == .unprocessableEntity && body.contains("\"field\":\"ended_at\""))
            let future = PatrolUpsertDTO(startedAt: now.addingTimeInterval(3600))
            #expect(try await app.call(.PUT, "/api/v1/patrols/\(UUID())", token: worker, raw: try Self.json(future)).body.contains("\"field\":\"started_at\""))
            let elsewhere = PatrolUpsertDTO(startedAt: now.addingTimeInterval(-600), grid: "510117002001001")
            #expect(try await app.call(.PUT, "/api/v1/patrols/\(UUID())", token: worker, raw: try Self.json(elsewhere)).body.contains("\"field\":\"grid\""))

            let id = UUID()
            let mine = PatrolUpsertDTO(startedAt: now.addingTimeInterval(-600))
            #expect(try await app.call(.PUT, "/api/v1/patrols/\(id)", token: worker, raw: try Self.json(mine)).status == .created)
            _ = try await app.makeUser("worker_two", role: .gridWorker, unit: "510117001001001")
            let second = try await app.token("worker_two")
            #expect(try await app.call(.PUT, "/api/v1/patrols/\(id)", token: second, raw: try Self.json(mine)).status == .notFound)
            // a leader records no patrols
            let leader = try await app.token("leader")
            #expect(try await app.call(.PUT, "/api/v1/patrols/\(UUID())", token: leader, raw: try Self.json(mine)).status == .forbidden)
        }
    }
}
