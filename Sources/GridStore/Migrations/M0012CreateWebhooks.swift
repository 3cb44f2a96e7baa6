import FluentKit
import SQLKit

/// Webhook subscriptions of department systems and the outbox of their deliveries. A delivery
/// row is written in the same transaction as the change it reports (transactional outbox), so
/// no message is lost or sent for a change that rolled back.
struct M0012CreateWebhooks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let path = PathColumn.type(on: database)
        try await database.schema("webhook_subscriptions")
            .id()
            .field("unit_path", path, .required)
            .field("url", .string, .required)
            .field("secret", .string, .required)
            .field("kinds", .string, .required)
            .field("active", .bool, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = try database.sql
        try await sql.create(index: "webhook_subscriptions_unit_idx").on("webhook_subscriptions").column("unit_path").run()
        try await database.schema("webhook_deliveries")
            .id()
            .field("subscription_id", .uuid, .required, .references("webhook_subscriptions", "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("event_id", .uuid)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime)
            .field("last_status", .int)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .create()
        try await sql.create(index: "webhook_deliveries_due_idx").on("webhook_deliveries").column("status").column("next_attempt_at").run()
        try await sql.create(index: "webhook_deliveries_subscription_idx").on("webhook_deliveries").column("subscription_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhook_deliveries").delete()
        try await database.schema("webhook_subscriptions").delete()
    }
}
