import Crypto
import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// Webhooks for department systems: a subscribed unit's notices are POSTed, signed, retried on
/// failure, and recorded; nothing is sent for other units or kinds.
@Suite struct WebhookTests {
    static let secret = "receiver-secret-0123456789"

    static func expectedSignature(body: String, timestamp: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    @Test("a dispatch to a subscribed department is POSTed signed, retried after a failure, and logged")
    func deliverAndRetry() async throws {
        let receiver = try await WebhookReceiver.start(answers: [.serviceUnavailable])
        do {
            try await TestApp.with { app in
                let admin = try await app.token("admin")
                let request = CreateWebhookRequestDTO(url: receiver.url, unit: "510117-ZF", kinds: ["assigned", "urged"], secret: Self.secret)
                let (status, body) = try await app.call(.POST, "/api/v1/webhooks", token: admin, json: request)
                #expect(status == .created)
                let subscription = try app.decode(WebhookDTO.self, body)
                #expect(subscription.secret == Self.secret && subscription.kinds == ["assigned", "urged"])
                // the secret is sealed at rest and never listed again
                let sql = try #require(app.db as? any SQLDatabase)
                let stored = try await sql.raw("SELECT secret FROM webhook_subscriptions").all()
                #expect(try stored.map { try $0.decode(column: "secret", as: String.self) }.allSatisfy { !$0.contains(Self.secret) })
                let (_, list) = try await app.call(.GET, "/api/v1/webhooks", token: admin)
                #expect(try app.decode(WebhookListDTO.self, list).items.map(\.secret) == [nil])

                let eventID = try await EventFixtures.dispatchToDepartment(app)
                let dispatcher = WebhookDispatcher(services: try app.grid, client: app.client)
                let first = try await dispatcher.run(on: app.db)
                #expect(first == .init(delivered: 0, retrying: 1, failed: 0))
                let (_, log) = try await app.call(.GET, "/api/v1/webhooks/\(subscription.id)/deliveries", token: admin)
                let pending = try #require(try app.decode(PageDTO<WebhookDeliveryDTO>.self, log).items.first)
                #expect(pending.status == "pending" && pending.attempts == 1 && pending.lastStatus == 503 && pending.eventID == eventID)
                // not yet due again; a minute later it goes through
                #expect(try await dispatcher.run(on: app.db) == .init())
                try app.grid.clock.advance(by: 61)
                #expect(try await dispatcher.run(on: app.db) == .init(delivered: 1, retrying: 0, failed: 0))
                let (_, after) = try await app.call(.GET, "/api/v1/webhooks/\(subscription.id)/deliveries", token: admin)
                let page = try app.decode(PageDTO<WebhookDeliveryDTO>.self, after)
                #expect(page.total == 1)
                #expect(page.items.first?.status == "delivered" && page.items.first?.attempts == 2)

                let received = await receiver.log.received
                #expect(received.count == 2)
                #expect(Set(received.map { $0.headers.first(name: "X-GridGov-Delivery") }).count == 1)
                let last = try #require(received.last)
                #expect(last.headers.first(name: "X-GridGov-Event") == "assigned")
                let signature = try #require(last.headers.first(name: "X-GridGov-Signature"))
                let parts = Dictionary(uniqueKeysWithValues: signature.split(separator: ",").compactMap { part -> (String, String)? in
                    let pair = part.split(separator: "=", maxSplits: 1)
                    return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
                })
                let timestamp = try #require(parts["t"])
                #expect(parts["v1"] == Self.expectedSignature(body: last.body, timestamp: timestamp))
                let payload = try JSONDecoder.iso.decode(WebhookPayload.self, from: Data(last.body.utf8))
                #expect(payload.kind == "assigned" && payload.event?.id == eventID && payload.event?.state == "dispatched")
                #expect(payload.unit.hasSuffix("/510117-ZF/") && payload.message == "有新派遣的事件待接收")
            }
        } catch {
            try await receiver.stop()
            throw error
        }
        try await receiver.stop()
    }

    @Test("an unreachable or refusing system is retried on schedule, then marked failed; a disabled subscription is not sent to")
    func exhaustAndDisable() async throws {
        let receiver = try await WebhookReceiver.start(answers: [.internalServerError, .internalServerError, .internalServerError])
        do {
            try await TestApp.with { app in
                let admin = try await app.token("admin")
                let (_, body) = try await app.call(
                    .POST, "/api/v1/webhooks", token: admin, json: CreateWebhookRequestDTO(url: receiver.url, unit: "510117-ZF", secret: Self.secret))
                let subscription = try app.decode(WebhookDTO.self, body)
                _ = try await EventFixtures.dispatchToDepartment(app)
                let dispatcher = WebhookDispatcher(services: try app.grid, client: app.client, retry: WebhookRetryPolicy(delays: [60]))
                #expect(try await dispatcher.run(on: app.db).retrying == 1)
                try app.grid.clock.advance(by: 61)
                #expect(try await dispatcher.run(on: app.db).failed == 1)
                let (_, log) = try await app.call(.GET, "/api/v1/webhooks/\(subscription.id)/deliveries", token: admin)
                let failed = try #require(try app.decode(PageDTO<WebhookDeliveryDTO>.self, log).items.first)
                #expect(failed.status == "failed" && failed.attempts == 2 && failed.nextAttemptAt == nil && failed.lastStatus == 500)

                // switched off, it gets nothing; switched back on, new messages flow again
                #expect(try await app.call(.POST, "/api/v1/webhooks/\(subscription.id)/disable", token: admin).status == .ok)
                _ = try await EventFixtures.dispatchToDepartment(app)
                let (_, none) = try await app.call(.GET, "/api/v1/webhooks/\(subscription.id)/deliveries", token: admin)
                #expect(try app.decode(PageDTO<WebhookDeliveryDTO>.self, none).total == 1)
                let (_, enabled) = try await app.call(.POST, "/api/v1/webhooks/\(subscription.id)/enable", token: admin)
                #expect(try app.decode(WebhookDTO.self, enabled).active)
                _ = try await EventFixtures.dispatchToDepartment(app)
                #expect(try await dispatcher.run(on: app.db).retrying == 1)
                #expect(await receiver.log.received.count == 3)
            }
        } catch {
            try await receiver.stop()
            throw error
        }
        try await receiver.stop()
    }

    @Test("bad subscriptions are refused by field; only administrators manage them; other units' notices are not sent")
    func validationAndScope() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let (status, body) = try await app.call(
                .POST, "/api/v1/webhooks", token: admin, json: CreateWebhookRequestDTO(url: "ftp://x", unit: "510117-ZF", kinds: ["nonsense"]))
            #expect(status == .unprocessableEntity)
            #expect(Set(try app.decode(APIErrorDTO.self, body).errors?.map(\.field) ?? []) == ["url", "kinds"])
            let (shortStatus, shortBody) = try await app.call(
                .POST, "/api/v1/webhooks", token: admin, json: CreateWebhookRequestDTO(url: "http://127.0.0.1:9/hook", secret: "short"))
            #expect(shortStatus == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, shortBody).field == "secret")
            let street = try await app.token("street_op")
            #expect(try await app.call(.GET, "/api/v1/webhooks", token: street).status == .forbidden)

            // subscribed to a community's "reported" notices only: a dispatch elsewhere sends nothing
            let (_, created) = try await app.call(
                .POST, "/api/v1/webhooks", token: admin,
                json: CreateWebhookRequestDTO(url: "http://127.0.0.1:9/hook", unit: "510117001002", kinds: ["reported"]))
            let subscription = try app.decode(WebhookDTO.self, created)
            _ = try await EventFixtures.dispatchToDepartment(app)
            let (_, log) = try await app.call(.GET, "/api/v1/webhooks/\(subscription.id)/deliveries", token: admin)
            #expect(try app.decode(PageDTO<WebhookDeliveryDTO>.self, log).total == 0)
        }
    }
}

extension JSONDecoder {
    static var iso: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
