import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// `GET /api/v1/sync`: what a grid worker's phone pulls for offline work, first everything, then
/// only what changed, never anything of another grid.
@Suite struct SyncTests {
    static let workerGrid = "510117001001001"
    static let otherGrid = "510117001001002"

    static func sync(_ app: Application, _ token: String, since cursor: String? = nil) async throws -> SyncDeltaDTO {
        let query = cursor.map { "?since=\($0)" } ?? ""
        let (status, body) = try await app.call(.GET, "/api/v1/sync\(query)", token: token)
        guard status == .ok else { throw TestSupportError.unexpected("sync answered \(status): \(body)") }
        return try app.decode(SyncDeltaDTO.self, body)
    }

    static func report(_ app: Application, _ token: String, description: String = "3号楼消防通道被杂物堵塞") async throws -> UUID {
        let report = try await EventFixtures.report(app, token, description: description)
        let (status, body) = try await app.call(.POST, "/api/v1/events", token: token, json: report)
        guard status == .created else { throw TestSupportError.unexpected("report answered \(status): \(body)") }
        return report.id
    }

    @Test("the first sync carries the worker's grid, its buildings, rooms and residents masked, and the worker's own events")
    func firstSync() async throws {
        try await TestApp.with { app in
            // setup
            let worker = try await app.token("gridworker")
            let eventID = try await Self.report(app, worker)
            // act
            let (status, body) = try await app.call(.GET, "/api/v1/sync", token: worker)
            // verify
            #expect(status == .ok)
            let delta = try app.decode(SyncDeltaDTO.self, body)
            #expect(delta.full)
            #expect(delta.eventTypes?.items.isEmpty == false)
            let grids = try #require(delta.grids)
            #expect(grids.map(\.code) == [Self.workerGrid])
            #expect(grids.first?.outline.properties["datum"] == .string("gcj02"))
            #expect(grids.first?.outline.geometry?.multiPolygon != nil)
            #expect(grids.first?.staff.isEmpty == false)
            let gridPath = try #require(grids.first?.unitPath)
            #expect(!delta.buildings.isEmpty && !delta.rooms.isEmpty && !delta.people.isEmpty)
            #expect(delta.buildings.allSatisfy { $0.gridPath.hasPrefix(gridPath) })
            #expect(delta.rooms.allSatisfy { $0.gridPath.hasPrefix(gridPath) })
            #expect(delta.people.allSatisfy { $0.gridPath.hasPrefix(gridPath) && $0.masked && $0.idNumber.contains("*") })
            #expect(delta.people.allSatisfy { $0.movedOutOn == nil })
            #expect(delta.events.map(\.id) == [eventID])
            #expect(delta.events.first?.state == "reported")
            #expect(delta.events.first?.stateLabel.isEmpty == false)
            // No identifier in clear anywhere in the answer.
            let keyRing = try app.grid.keyRing
            for person in delta.people.prefix(40) {
                let clear = try #require(try await PeopleStore.unsealed(person.id, keyRing: keyRing, on: app.db))
                #expect(!body.contains(clear.idNumber), "clear ID number of \(person.id) in the sync")
                if let phone = clear.phone { #expect(!body.contains(phone), "clear phone of \(person.id) in the sync") }
            }
        }
    }

    @Test("a second sync with the cursor returns only what changed after it: an edited person, a new report")
    func deltaAfterCursor() async throws {
        try await TestApp.with { app in
            // setup: an earlier report, then the first sync an hour later
            let worker = try await app.token("gridworker")
            let earlier = try await Self.report(app, worker)
            let clock = try app.grid.clock
            clock.advance(by: 3_600)
            let first = try await Self.sync(app, worker)
            #expect(first.events.map(\.id) == [earlier])
            let today = try app.grid.calendar.day(of: clock.now).description
            let old = first.people.filter { $0.updatedOn < today }.sorted { $0.updatedOn < $1.updatedOn }
            let edited = try #require(old.first)
            let untouched = try #require(old.dropFirst().first)
            // act: an hour later, someone edits a person and the worker reports again
            clock.advance(by: 3_600)
            let community = try await app.token("community_op")
            let patch = PersonUpdateDTO(version: edited.version, tags: edited.tags + ["同步测试"], reason: "核实")
            let (patchStatus, patchBody) = try await app.call(.PATCH, "/api/v1/people/\(edited.id)", token: community, json: patch)
            #expect(patchStatus == .ok, "\(patchBody)")
            let later = try await Self.report(app, worker, description: "5号楼消防通道被电动车堵塞")
            let second = try await Self.sync(app, worker, since: first.cursor)
            // verify
            #expect(!second.full)
            let changed = try #require(second.people.first { $0.id == edited.id })
            #expect(changed.version == edited.version + 1)
            #expect(changed.tags.contains("同步测试"))
            #expect(!second.people.contains { $0.id == untouched.id })
            // only rows changed today may come again (the boundary day), never the whole grid
            #expect(second.people.allSatisfy { $0.updatedOn >= today })
            #expect(second.people.count < first.people.count / 2)
            #expect(second.buildings.allSatisfy { $0.updatedOn >= today })
            #expect(second.events.map(\.id) == [later])
            #expect(second.eventTypes == nil)
            #expect(second.grids == nil)
            // later syncs: the records of the last few minutes at most come again (the cursor's
            // margin), then nothing at all
            clock.advance(by: 3_600)
            let third = try await Self.sync(app, worker, since: second.cursor)
            #expect(third.events.allSatisfy { $0.id == later })
            #expect(third.people.allSatisfy { $0.id == edited.id })
            #expect(third.buildings.isEmpty && third.rooms.isEmpty)
            clock.advance(by: 3_600)
            let fourth = try await Self.sync(app, worker, since: third.cursor)
            #expect(fourth.isEmpty, "\(fourth)")
            #expect(!fourth.full)
        }
    }

    @Test("an event the worker reported shows its new state on the next sync")
    func eventStateFollows() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let id = try await Self.report(app, worker)
            let clock = try app.grid.clock
            clock.advance(by: 3_600)
            let first = try await Self.sync(app, worker)
            clock.advance(by: 3_600)
            let community = try await app.token("community_op")
            let (status, _) = try await app.call(.POST, "/api/v1/events/\(id)/actions/accept", token: community, json: EventActionRequestDTO(level: 2))
            #expect(status == .ok)
            let second = try await Self.sync(app, worker, since: first.cursor)
            #expect(second.events.map(\.id) == [id])
            #expect(second.events.first?.state == "accepted")
            #expect(second.events.first?.version == 2)
        }
    }

    @Test("a worker of another grid gets nothing of this one, and a cursor made for someone else starts over")
    func otherGridSeesNothing() async throws {
        try await TestApp.with { app in
            // setup
            try await app.makeUser("worker_two", role: .gridWorker, unit: Self.otherGrid)
            let worker = try await app.token("gridworker")
            _ = try await Self.report(app, worker)
            let mine = try await Self.sync(app, worker)
            let myPath = try #require(mine.grids?.first?.unitPath)
            let other = try await app.token("worker_two")
            // act
            let theirs = try await Self.sync(app, other)
            let reused = try await Self.sync(app, other, since: mine.cursor)
            // verify
            #expect(theirs.grids?.map(\.code) == [Self.otherGrid])
            #expect(theirs.events.isEmpty)
            #expect(!theirs.people.isEmpty)
            #expect(!theirs.people.contains { $0.gridPath.hasPrefix(myPath) })
            #expect(!theirs.buildings.contains { $0.gridPath.hasPrefix(myPath) })
            #expect(!theirs.rooms.contains { $0.gridPath.hasPrefix(myPath) })
            #expect(Set(theirs.people.map(\.id)).isDisjoint(with: mine.people.map(\.id)))
            #expect(reused.full)
            #expect(reused.grids?.map(\.code) == [Self.otherGrid])
            #expect(!reused.people.contains { $0.gridPath.hasPrefix(myPath) })
            #expect(reused.events.isEmpty)
        }
    }

    @Test("the admission list comes again only when it changed")
    func admissionListOnlyWhenChanged() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let first = try await Self.sync(app, worker)
            let version = try #require(first.eventTypes?.version)
            let second = try await Self.sync(app, worker, since: first.cursor)
            #expect(second.eventTypes == nil)
            // an administrator renames one item
            let admin = try await app.token("admin")
            let csv = EventCatalog.standard.csvText.replacingOccurrences(of: "消防通道堵塞", with: "消防通道堵塞或占用")
            let (status, body) = try await app.call(.POST, "/api/v1/event-types/import", token: admin, raw: csv)
            #expect(status == .ok, "\(body)")
            let third = try await Self.sync(app, worker, since: second.cursor)
            let list = try #require(third.eventTypes)
            #expect(list.version != version)
            let encoded = String(decoding: try JSONEncoder().encode(list.items), as: UTF8.self)
            #expect(encoded.contains("消防通道堵塞或占用"))
            let fourth = try await Self.sync(app, worker, since: third.cursor)
            #expect(fourth.eventTypes == nil)
        }
    }

    @Test("a cursor that is not one is refused naming the field; the route needs the right to report")
    func badCursorAndAccess() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let (status, body) = try await app.call(.GET, "/api/v1/sync?since=not-a-cursor", token: worker)
            #expect(status == .unprocessableEntity)
            let error = try app.decode(APIErrorDTO.self, body)
            #expect(error.field == "since")
            #expect(try await app.call(.GET, "/api/v1/sync").status == .unauthorized)
            // the leader reports nothing, so has nothing to sync
            let leader = try await app.token("leader")
            #expect(try await app.call(.GET, "/api/v1/sync", token: leader).status == .forbidden)
        }
    }
}
