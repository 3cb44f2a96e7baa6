import FluentKit
import Foundation
import GridCore
import GridStore
import NIOCore
import Vapor

/// Sends the queued webhook messages (消息推送): each due delivery is leased, POSTed with its
/// signature, and recorded — delivered on a 2xx answer, otherwise retried on the
/// `WebhookRetryPolicy` schedule until it is used up. Several instances may run it at once.
public struct WebhookDispatcher: Sendable {
    let services: GridServices
    let client: any Client
    let retry: WebhookRetryPolicy

    public init(services: GridServices, client: any Client, retry: WebhookRetryPolicy = .standard) {
        self.services = services
        self.client = client
        self.retry = retry
    }

    public struct Result: Sendable, Equatable {
        public var delivered = 0
        public var retrying = 0
        public var failed = 0

        public init(delivered: Int = 0, retrying: Int = 0, failed: Int = 0) {
            self.delivered = delivered
            self.retrying = retrying
            self.failed = failed
        }
    }

    /// How long a claimed delivery is reserved for the instance sending it.
    static let lease: TimeInterval = 120

    /// Sends everything due now.
    @discardableResult
    public func run(on db: any Database) async throws -> Result {
        var result = Result()
        while true {
            let now = services.clock.now
            let due = try await WebhookStore.claimDue(now: now, limit: 20, lease: Self.lease, on: db)
            for delivery in due {
                try await send(delivery, result: &result, on: db)
            }
            if due.count < 20 { return result }
        }
    }

    private func send(_ delivery: WebhookStore.Delivery, result: inout Result, on db: any Database) async throws {
        guard let stored = try await WebhookStore.find(delivery.subscriptionID, on: db) else { return }
        let now = services.clock.now
        var status: Int?
        var failure: String?
        if !stored.subscription.active {
            failure = "subscription disabled"
        } else {
            do {
                let secret = try services.keyRing.open(stored.sealedSecret)
                var headers = HTTPHeaders()
                headers.contentType = .json
                headers.add(name: WebhookSignature.header, value: WebhookSignature.sign(body: delivery.payload, secret: secret, at: now))
                headers.add(name: WebhookSignature.deliveryHeader, value: delivery.id.uuidString)
                headers.add(name: WebhookSignature.kindHeader, value: delivery.kind)
                headers.add(name: .userAgent, value: "GridGov-Webhook/1")
                let response = try await client.post(URI(string: stored.subscription.url.absoluteString), headers: headers) { request in
                    request.body = ByteBuffer(string: delivery.payload)
                }
                status = Int(response.status.code)
                if !WebhookRetryPolicy.isDelivered(status: Int(response.status.code)) { failure = "HTTP \(response.status.code)" }
            } catch {
                failure = String(describing: error)
            }
        }
        let delivered = failure == nil
        // A disabled subscription is not retried: its messages are recorded as failed at once.
        let retryAt = delivered || !stored.subscription.active ? nil : retry.nextAttempt(afterFailedAttempts: delivery.attempts + 1, at: now)
        try await WebhookStore.record(delivery.id, delivered: delivered, status: status, error: failure, retryAt: retryAt, on: db, now: now)
        if delivered { result.delivered += 1 } else if retryAt != nil { result.retrying += 1 } else { result.failed += 1 }
    }
}
