import Foundation
import FluentKit
import GridClient
import GridCore
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The bar of issue 7: the connection dies after the server committed a report but before the
/// client read the answer; the queue retries and the server holds exactly one event.
@Suite struct LostAnswerTests {
    @Test("a report whose answer was lost is retried and makes exactly one event")
    func lostAnswer() async throws {
        try await TestApp.with { app in
            let point = try await ClientFixtures.phonePoint(app)
            try await GridClientTests.serving(app) { url in
                // setup: the client talks to the server through a proxy that can lose answers
                let proxy = try await AnswerKillingProxy.start(forwardingTo: url)
                do {
                    let client = GridClient(baseURL: try proxy.url)
                    try await client.login(username: "gridworker", password: TestApp.password)
                    let clock = ManualClock()
                    let queue = try OfflineQueue(directory: try ClientFixtures.queueDirectory(), clock: clock)
                    let report = ClientFixtures.report(at: point, occurredAt: ClientFixtures.wholeSecond(-60))
                    try await queue.enqueueReport(report)
                    // act: the first answer is lost on the way back
                    proxy.loseNextAnswers(1)
                    let outcome = await queue.drain(using: client)
                    // verify: one lost answer, one retry, answered 200 (the event already existed)
                    #expect(proxy.killed == 1)
                    #expect(outcome.retried == 1 && outcome.sent == 1)
                    #expect(clock.sleeps.count == 1)
                    let item = try #require(await queue.item(report.id))
                    #expect(item.state == .done)
                    #expect(item.attempts == 2)
                    #expect(item.answer?.status == 200)
                    #expect(item.decodedAnswer(EventDTO.self)?.id == report.id)
                    // the server committed the first attempt and made nothing on the second
                    let stored = try #require(try await EventStore.find(report.id, on: app.db))
                    #expect(stored.occurredAt == report.occurredAt)
                    let user = try #require(try await UserStore.find(username: "gridworker", on: app.db))
                    var mine = EventStore.Filter()
                    mine.reporterID = user.id
                    #expect(try await EventStore.count(mine, on: app.db) == 1)
                    await proxy.stop()
                } catch {
                    await proxy.stop()
                    throw error
                }
            }
        }
    }
}
