import FluentKit
import Foundation
import GridCore
import SQLKit

/// Webhook subscriptions and the delivery outbox.
public enum WebhookStore {
    public struct StoredSubscription: Sendable, Equatable {
        public let subscription: WebhookSubscription
        /// The signing secret, sealed with the key ring (never stored in clear).
        public let sealedSecret: String
        public let createdBy: String
        public let createdAt: Date
    }

    /// Where a delivery stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Waiting for its (next) attempt.
        case pending
        case delivered
        /// Every attempt failed; kept for the record.
        case failed
    }

    public struct Delivery: Sendable, Equatable {
        public let id: UUID
        public let subscriptionID: UUID
        public let kind: String
        public let eventID: UUID?
        public let payload: String
        public let status: Status
        public let attempts: Int
        public let nextAttemptAt: Date?
        public let lastStatus: Int?
        public let lastError: String?
        public let createdAt: Date
        public let deliveredAt: Date?
    }

    // MARK: subscriptions

    public static func insert(_ subscription: WebhookSubscription, sealedSecret: String, by actor: String, on db: any Database, now: Date) async throws {
        try await (try db.sql).raw("""
            INSERT INTO webhook_subscriptions (id, unit_path, url, secret, kinds, active, created_by, created_at)
            VALUES (\(bind: subscription.id), \(bind: subscription.unitPath.rawValue), \(bind: subscription.url.absoluteString), \(bind: sealedSecret),
              \(bind: subscription.kinds.joined(separator: " ")), \(bind: subscription.active), \(bind: actor), \(bind: now))
            """).run()
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> StoredSubscription? {
        try await (try db.sql).raw("SELECT * FROM webhook_subscriptions WHERE id = \(bind: id)").first().map(decodeSubscription)
    }

    /// Subscriptions for units inside `path`, newest first.
    public static func subscriptions(under path: UnitPath, on db: any Database) async throws -> [StoredSubscription] {
        try await (try db.sql).raw("""
            SELECT * FROM webhook_subscriptions
            WHERE unit_path >= \(bind: path.rawValue) AND unit_path < \(bind: path.subtreeUpperBound)
            ORDER BY created_at DESC, id
            """).all().map(decodeSubscription)
    }

    public static func setActive(_ id: UUID, _ active: Bool, on db: any Database) async throws {
        try await (try db.sql).raw("UPDATE webhook_subscriptions SET active = \(bind: active) WHERE id = \(bind: id)").run()
    }

    /// Active subscriptions that want a notice of `kind` to `recipient`.
    static func matching(kind: String, recipient: UnitPath, on db: any Database) async throws -> [StoredSubscription] {
        let paths = recipient.ancestorsAndSelf.map { SQLBind($0.rawValue) }
        return try await (try db.sql).raw("""
            SELECT * FROM webhook_subscriptions WHERE active = \(bind: true) AND unit_path IN \(SQLGroupExpression(paths))
            """).all().map(decodeSubscription).filter { $0.subscription.wants(kind: kind, for: recipient) }
    }

    // MARK: the outbox

    /// Queues a message to every subscription that wants it; part of the caller's transaction.
    /// The event is loaded only when some subscription wants the message.
    static func enqueue(
        kind: String, recipient: UnitPath, message: LocalizedText, on db: any Database, now: Date,
        event loadEvent: () async throws -> WebhookPayload.EventSummary?
    ) async throws {
        let subscriptions = try await matching(kind: kind, recipient: recipient, on: db)
        guard !subscriptions.isEmpty else { return }
        let event = try await loadEvent()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        for stored in subscriptions {
            let id = UUID()
            let payload = WebhookPayload(delivery: id, kind: kind, unit: recipient.rawValue, message: message, event: event, at: now)
            try await (try db.sql).raw("""
                INSERT INTO webhook_deliveries (id, subscription_id, kind, event_id, payload, status, attempts, next_attempt_at, created_at)
                VALUES (\(bind: id), \(bind: stored.subscription.id), \(bind: kind), \(bind: event?.id),
                  \(bind: String(decoding: try encoder.encode(payload), as: UTF8.self)), \(bind: Status.pending.rawValue), 0, \(bind: now), \(bind: now))
                """).run()
        }
    }

    /// Takes up to `limit` deliveries that are due, leasing them for `lease` seconds so that
    /// another instance does not send them meanwhile; a crash mid-send retries after the lease.
    public static func claimDue(now: Date, limit: Int, lease: TimeInterval, on db: any Database) async throws -> [Delivery] {
        try await db.transaction { tx in
            let skip: SQLQueryString = SQLDialectKind(tx) == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
            let rows = try await (try tx.sql).raw("""
                SELECT * FROM webhook_deliveries
                WHERE status = \(bind: Status.pending.rawValue) AND next_attempt_at <= \(bind: now)
                ORDER BY next_attempt_at, id LIMIT \(literal: limit)\(skip)
                """).all()
            let deliveries = try rows.map(decodeDelivery)
            for delivery in deliveries {
                try await (try tx.sql).raw("""
                    UPDATE webhook_deliveries SET next_attempt_at = \(bind: now.addingTimeInterval(lease)) WHERE id = \(bind: delivery.id)
                    """).run()
            }
            return deliveries
        }
    }

    /// Records one attempt: delivered, to be retried at `retryAt`, or failed for good (nil).
    public static func record(
        _ id: UUID, delivered: Bool, status: Int?, error: String?, retryAt: Date?, on db: any Database, now: Date
    ) async throws {
        let next: Status = delivered ? .delivered : (retryAt == nil ? .failed : .pending)
        try await (try db.sql).raw("""
            UPDATE webhook_deliveries SET attempts = attempts + 1, status = \(bind: next.rawValue),
              next_attempt_at = \(bind: delivered ? nil : retryAt), last_status = \(bind: status),
              last_error = \(bind: error.map { String($0.prefix(500)) }), delivered_at = \(bind: delivered ? now : nil)
            WHERE id = \(bind: id)
            """).run()
    }

    public static func deliveries(of subscriptionID: UUID, page: Int, per: Int, on db: any Database) async throws -> (items: [Delivery], total: Int) {
        let sql = try db.sql
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE subscription_id = \(bind: subscriptionID)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT * FROM webhook_deliveries WHERE subscription_id = \(bind: subscriptionID)
            ORDER BY created_at DESC, id LIMIT \(literal: per) OFFSET \(literal: (page - 1) * per)
            """).all()
        return (try rows.map(decodeDelivery), total)
    }

    // MARK: rows

    private static func decodeSubscription(_ row: any SQLRow) throws -> StoredSubscription {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let path = UnitPath(rawValue: try row.decode(column: "unit_path", as: String.self)),
              let url = URL(string: try row.decode(column: "url", as: String.self))
        else { throw StoreError.corruptRow(table: "webhook_subscriptions", id: id.uuidString) }
        let kinds = try row.decode(column: "kinds", as: String.self).split(separator: " ").map(String.init)
        return StoredSubscription(
            subscription: WebhookSubscription(id: id, unitPath: path, url: url, kinds: kinds, active: try row.decode(column: "active", as: Bool.self)),
            sealedSecret: try row.decode(column: "secret", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }

    private static func decodeDelivery(_ row: any SQLRow) throws -> Delivery {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let status = Status(rawValue: try row.decode(column: "status", as: String.self)) else {
            throw StoreError.corruptRow(table: "webhook_deliveries", id: id.uuidString)
        }
        return Delivery(
            id: id, subscriptionID: try row.decode(column: "subscription_id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
            eventID: try row.decode(column: "event_id", as: UUID?.self), payload: try row.decode(column: "payload", as: String.self),
            status: status, attempts: try row.decode(column: "attempts", as: Int.self),
            nextAttemptAt: try row.decode(column: "next_attempt_at", as: Date?.self), lastStatus: try row.decode(column: "last_status", as: Int?.self),
            lastError: try row.decode(column: "last_error", as: String?.self), createdAt: try row.decode(column: "created_at", as: Date.self),
            deliveredAt: try row.decode(column: "delivered_at", as: Date?.self))
    }
}
