import FluentKit
import SQLKit

/// Open311 API clients (Open311 接入方) with their keys, stored only as SHA-256, and their
/// per-key rate; and the link from an event to the client whose request made it, with what the
/// request carried beyond the event (the address as written, the media URL, and the requester's
/// contact details, sealed with the key ring).
struct M0019CreateOpen311Clients: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("open311_clients")
            .id()
            .field("name", .string, .required)
            .field("key_hash", .string, .required)
            .field("key_hint", .string, .required)
            .field("rate_per_minute", .int, .required)
            .field("active", .bool, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .unique(on: "name")
            .unique(on: "key_hash")
            .create()
        try await database.schema("open311_requests")
            .id()
            .field("client_id", .uuid, .required, .references("open311_clients", "id", onDelete: .restrict))
            .field("address", .string)
            .field("media_url", .string)
            .field("contact", .string)
            .field("created_at", .datetime, .required)
            .foreignKey("id", references: "events", "id", onDelete: .restrict)
            .create()
        try await (try database.sql).create(index: "open311_requests_client_idx").on("open311_requests").column("client_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("open311_requests").delete()
        try await database.schema("open311_clients").delete()
    }
}
