import Foundation
import GridClient
import GridCore
import GridTestSupport
import Testing
import Vapor

/// The typed calls of a grid worker's day, against a real server on 127.0.0.1.
@Suite struct GridClientCallsTests {
    @Test("report with a client-made id (a repeat answers the same event), list, read, act, inbox, people")
    func workerDay() async throws {
        try await TestApp.with { app in
            let point = try await ClientFixtures.phonePoint(app)
            try await GridClientTests.serving(app) { url in
                let worker = GridClient(baseURL: url)
                try await worker.login(username: "gridworker", password: TestApp.password)
                // the admission list
                let types = try await worker.eventTypes()
                #expect(!types.items.isEmpty)
                // a report with a photo, twice under one id
                let png = try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="))
                var request = ClientFixtures.report(at: point, occurredAt: ClientFixtures.wholeSecond(-600))
                request.photos = [EventPhoto.encode(png)]
                let first = try await worker.report(request)
                let again = try await worker.report(request)
                #expect(first.created)
                #expect(!again.created)
                #expect(again.event.id == first.event.id && again.event.number == first.event.number)
                #expect(first.event.photos.count == 1)
                #expect(first.event.occurredAt == request.occurredAt)
                // my reports, one with its timeline
                let mine = try await worker.events(EventListQuery(box: .mine))
                #expect(mine.items.map(\.id) == [request.id])
                let one = try await worker.event(request.id)
                #expect(one.timeline?.count == 1)
                // the community accepts; the reporter hears of it
                let community = GridClient(baseURL: url)
                try await community.login(username: "community_op", password: TestApp.password)
                let waiting = try await community.events(EventListQuery(box: .toAccept))
                #expect(waiting.items.contains { $0.id == request.id })
                let accepted = try await community.act(on: request.id, "accept", EventActionRequestDTO(level: 2, version: one.version))
                #expect(accepted.state == "accepted")
                let inbox = try await worker.inbox()
                #expect(inbox.items.contains { $0.eventID == request.id })
                // residents of the grid, masked
                let people = try await worker.people(PeopleQuery(per: 5))
                #expect(!people.items.isEmpty)
                #expect(people.items.allSatisfy { $0.masked && $0.idNumber.contains("*") })
            }
        }
    }

    @Test("a 409 carries the current state; a 422 names the field")
    func typedErrors() async throws {
        try await TestApp.with { app in
            let point = try await ClientFixtures.phonePoint(app)
            try await GridClientTests.serving(app) { url in
                let worker = GridClient(baseURL: url)
                try await worker.login(username: "gridworker", password: TestApp.password)
                let report = try await worker.report(ClientFixtures.report(at: point))
                let community = GridClient(baseURL: url)
                try await community.login(username: "community_op", password: TestApp.password)
                _ = try await community.act(on: report.event.id, "accept", EventActionRequestDTO(level: 2))
                do {
                    _ = try await community.act(on: report.event.id, "accept", EventActionRequestDTO(level: 2, version: report.event.version))
                    Issue.record("a stale version must be refused")
                } catch let error as GridClientError {
                    let failure = try #require(error.failure)
                    #expect(failure.status == 409)
                    #expect(failure.code == "stale_version")
                    #expect(failure.current?.state == "accepted")
                    #expect(failure.current?.version == report.event.version + 1)
                }
                do {
                    _ = try await worker.report(ClientFixtures.report(at: point, type: "NO-SUCH-TYPE"))
                    Issue.record("an unknown type must be refused")
                } catch let error as GridClientError {
                    #expect(error.status == 422)
                    #expect(error.failure?.field == "type")
                    #expect(error.failure?.message?.isEmpty == false)
                }
            }
        }
    }

    @Test("sync keeps its cursor in a file: everything first, then only what changed")
    func syncKeepsCursor() async throws {
        try await TestApp.with { app in
            let point = try await ClientFixtures.phonePoint(app)
            try await GridClientTests.serving(app) { url in
                let worker = GridClient(baseURL: url)
                try await worker.login(username: "gridworker", password: TestApp.password)
                let queue = try OfflineQueue(directory: try ClientFixtures.queueDirectory())
                let first = try await worker.sync(keepingCursorIn: queue.cursorFile)
                #expect(first.full)
                #expect(first.grids?.map(\.code) == [ClientFixtures.workerGrid])
                #expect(!first.people.isEmpty)
                #expect(try queue.cursorFile.load() == first.cursor)
                try app.grid.clock.advance(by: 3_600)
                let report = try await worker.report(ClientFixtures.report(at: point))
                let second = try await worker.sync(keepingCursorIn: queue.cursorFile)
                #expect(!second.full)
                #expect(second.events.map(\.id) == [report.event.id])
                #expect(second.eventTypes == nil && second.grids == nil)
                #expect(try queue.cursorFile.load() == second.cursor)
            }
        }
    }
}
