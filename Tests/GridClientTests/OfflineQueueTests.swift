import Foundation
import GridClient
import GridCore
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The offline queue against a real server: replay in order, survive a restart, set aside
/// conflicts and refusals, back off without sleeping for real.
@Suite struct OfflineQueueTests {
    static func signedIn(_ url: URL, as username: String = "gridworker") async throws -> GridClient {
        let client = GridClient(baseURL: url)
        try await client.login(username: username, password: TestApp.password)
        return client
    }

    @Test("three reports queued without network survive a restart and arrive once each with their times")
    func restart() async throws {
        try await TestApp.with { app in
            let point = try await ClientFixtures.phonePoint(app)
            let directory = try ClientFixtures.queueDirectory()
            let times = [-10_800.0, -7_200, -3_600].map(ClientFixtures.wholeSecond)
            let reports = times.enumerated().map { index, time in
                ClientFixtures.report(at: point, description: "第\(index + 1)处消防通道堵塞", occurredAt: time)
            }
            // offline: the server cannot be reached
            do {
                let offline = GridClient(baseURL: ClientFixtures.unreachable, token: "no-network")
                let queue = try OfflineQueue(directory: directory, clock: ManualClock())
                for report in reports { try await queue.enqueueReport(report) }
                let attempt = await queue.flush(using: offline)
                #expect(attempt.sent == 0 && attempt.retried == 1)
                #expect(await queue.counts == QueueCounts(pending: 3))
                #expect(await queue.counts.summary() == "3 条待上传")
            }
            // the process ends; a new one opens the same directory and the network is back
            try await GridClientTests.serving(app) { url in
                let reopened = try OfflineQueue(directory: directory, clock: ManualClock())
                #expect(await reopened.all.map(\.id) == reports.map(\.id))
                #expect(await reopened.all.first?.attempts == 1)
                let client = try await Self.signedIn(url)
                try await reopened.retryNow()
                let report = await reopened.drain(using: client)
                #expect(report.sent == 3)
                #expect(await reopened.counts == QueueCounts(done: 3))
                let mine = try await client.events(EventListQuery(box: .mine, sort: "reported_at"))
                #expect(mine.total == 3)
                #expect(Set(mine.items.map(\.id)) == Set(reports.map(\.id)))
                for report in reports {
                    #expect(mine.items.first { $0.id == report.id }?.occurredAt == report.occurredAt)
                }
                // the answers are kept for the screen
                let event = await reopened.item(reports[0].id)?.decodedAnswer(EventDTO.self)
                #expect(event?.number.isEmpty == false)
            }
        }
    }

    @Test("an action on an event someone else moved on is set aside with the current state; later items still go")
    func conflict() async throws {
        try await TestApp.with { app in
            let point = try await ClientFixtures.phonePoint(app)
            try await GridClientTests.serving(app) { url in
                let worker = try await Self.signedIn(url)
                let seen = try await worker.report(ClientFixtures.report(at: point)).event
                let queue = try OfflineQueue(directory: try ClientFixtures.queueDirectory(), clock: ManualClock())
                // offline, the worker asks to withdraw… an action made on version 1
                let action = try await queue.enqueueAction("urge", on: seen.id, EventActionRequestDTO(note: "请尽快处理", version: seen.version))
                let later = try await queue.enqueueReport(ClientFixtures.report(at: point, description: "另一处堵塞"))
                // meanwhile the community accepts the event
                let community = try await Self.signedIn(url, as: "community_op")
                _ = try await community.act(on: seen.id, "accept", EventActionRequestDTO(level: 2))
                // back online
                let report = await queue.flush(using: worker)
                #expect(report.conflicts == 1 && report.sent == 1)
                let setAside = try #require(await queue.item(action.id))
                #expect(setAside.state == .conflict)
                #expect(setAside.failure?.code == "stale_version")
                #expect(setAside.failure?.current?.state == "accepted")
                #expect(setAside.lastError?.isEmpty == false)
                #expect(await queue.item(later.id)?.state == .done)
                #expect(await queue.counts == QueueCounts(done: 1, conflicts: 1))
                // the event was not touched by the stale action
                let now = try await worker.event(seen.id)
                #expect(now.version == seen.version + 1)
                #expect(now.timeline?.contains { $0.action == "urge" } == false)
                // a person gives it up
                try await queue.discard(action.id)
                #expect(await queue.counts == QueueCounts(done: 1))
            }
        }
    }

    @Test("a refused item (422) is set aside with the field named, the rest go on")
    func failed() async throws {
        try await TestApp.with { app in
            let point = try await ClientFixtures.phonePoint(app)
            try await GridClientTests.serving(app) { url in
                let worker = try await Self.signedIn(url)
                let queue = try OfflineQueue(directory: try ClientFixtures.queueDirectory(), clock: ManualClock())
                let bad = try await queue.enqueueReport(ClientFixtures.report(at: point, type: "NO-SUCH-TYPE"))
                let good = try await queue.enqueueReport(ClientFixtures.report(at: point))
                let report = await queue.flush(using: worker)
                #expect(report.failed == 1 && report.sent == 1)
                let refused = try #require(await queue.item(bad.id))
                #expect(refused.state == .failed)
                #expect(refused.attempts == 1)
                #expect(refused.failure?.status == 422)
                #expect(refused.failure?.field == "type")
                #expect(refused.lastError?.contains("(type)") == true)
                #expect(await queue.item(good.id)?.state == .done)
                #expect(await queue.counts.summary() == "0 条待上传，1 条需处理")
                #expect(try await worker.events(EventListQuery(box: .mine)).total == 1)
            }
        }
    }

    @Test("retry delays grow and cap, and nothing queued later overtakes the waiting item")
    func backOff() async throws {
        let clock = ManualClock()
        let policy = RetryPolicy(initialDelay: 1, multiplier: 2, maximumDelay: 8, jitter: 0)
        let queue = try OfflineQueue(directory: try ClientFixtures.queueDirectory(), policy: policy, clock: clock)
        let offline = GridClient(baseURL: ClientFixtures.unreachable, token: "no-network")
        let first = try await queue.enqueue(method: "POST", path: "/api/v1/events", body: Data("{}".utf8))
        let second = try await queue.enqueue(method: "POST", path: "/api/v1/events", body: Data("{}".utf8))
        let report = await queue.drain(using: offline, rounds: 6)
        #expect(clock.sleeps == [1, 2, 4, 8, 8, 8])
        #expect(report.retried == 6 && report.sent == 0)
        #expect(await queue.item(first.id)?.attempts == 6)
        #expect(await queue.item(second.id)?.attempts == 0)
        // a seventh attempt fails; before its back-off is over, a flush sends nothing
        let seventh = await queue.flush(using: offline)
        #expect(seventh.retried == 1)
        let early = await queue.flush(using: offline)
        #expect(early.retried == 0)
        #expect(early.waitingUntil == clock.now.addingTimeInterval(8))
        #expect(await queue.item(first.id)?.attempts == 7)
        #expect(await queue.item(second.id)?.attempts == 0)
        // jitter stays within its share and under the cap
        let jittery = RetryPolicy(initialDelay: 10, multiplier: 3, maximumDelay: 60, jitter: 0.2)
        #expect(jittery.delay(afterAttempt: 1, random: 0) == 8)
        #expect(jittery.delay(afterAttempt: 1, random: 1) == 12)
        #expect(jittery.delay(afterAttempt: 2, random: 0.5) == 30)
        #expect(jittery.delay(afterAttempt: 5, random: 1) == 60)
    }

    @Test("a damaged file or a half-written one costs nothing but itself")
    func damagedFiles() async throws {
        let directory = try ClientFixtures.queueDirectory()
        do {
            let queue = try OfflineQueue(directory: directory, clock: ManualClock())
            for index in 1...3 { try await queue.enqueue(method: "POST", path: "/api/v1/events", body: Data("{\"n\":\(index)}".utf8)) }
        }
        let items = directory.appendingPathComponent("items")
        let names = try FileManager.default.contentsOfDirectory(atPath: items.path).sorted()
        #expect(names.count == 3)
        // the middle file is cut short, and a crash left a temporary file behind
        let middle = items.appendingPathComponent(names[1])
        let data = try Data(contentsOf: middle)
        try data.prefix(data.count / 2).write(to: middle)
        try Data("{\"id\":".utf8).write(to: items.appendingPathComponent(".crashed.tmp"))
        let reopened = try OfflineQueue(directory: directory, clock: ManualClock())
        #expect(await reopened.corruptFiles == 1)
        #expect(await reopened.all.map(\.body) == ["{\"n\":1}", "{\"n\":3}"])
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("corrupt").path))
        // new items still go after the old ones
        let next = try await reopened.enqueue(method: "POST", path: "/api/v1/events", body: nil)
        #expect(next.sequence == 4)
    }
}
