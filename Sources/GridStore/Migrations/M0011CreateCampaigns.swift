import FluentKit
import SQLKit

/// Special rectifications (专项整治) and their member events. An event belongs to at most one
/// campaign; the campaign itself is kept as JSON beside the columns lists filter on.
struct M0011CreateCampaigns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let path = PathColumn.type(on: database)
        try await database.schema("campaigns")
            .id()
            .field("name", .string, .required)
            .field("lead_path", path, .required)
            .field("scope_path", path, .required)
            .field("due_on", .string, .required)
            .field("document", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("closed_at", .datetime)
            .create()
        let sql = try database.sql
        try await sql.create(index: "campaigns_scope_idx").on("campaigns").column("scope_path").run()
        try await sql.create(index: "campaigns_lead_idx").on("campaigns").column("lead_path").run()
        try await database.schema("campaign_events")
            .field("campaign_id", .uuid, .required, .references("campaigns", "id", onDelete: .restrict))
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .restrict))
            .field("added_at", .datetime, .required)
            .field("added_by", .string, .required)
            .unique(on: "event_id")
            .create()
        try await sql.create(index: "campaign_events_campaign_idx").on("campaign_events").column("campaign_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("campaign_events").delete()
        try await database.schema("campaigns").delete()
    }
}
