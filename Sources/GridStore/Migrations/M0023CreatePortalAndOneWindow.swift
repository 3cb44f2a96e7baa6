import FluentKit
import SQLKit

/// The residents' portal (居民门户) and the one-window desk (一窗式受理).
///
/// `portal_reports`: the portal's side of an event a resident reported — the stand-in reporter's
/// id (which lets the resident rate it later), the phone sealed, its keyed hash for the lookup by
/// ticket and phone, and its masked form; the typed address when there was no pin.
///
/// `one_window_requests` and `one_window_documents`: requests a community front desk registers
/// for a resident (service item, the person sealed, hashed and masked), handed to the back office
/// and completed by a deadline in working days; the documents as stored photos.
struct M0023CreatePortalAndOneWindow: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let path = PathColumn.type(on: database)
        try await database.schema("portal_reports")
            .id()
            .field("reporter_id", .uuid, .required)
            .field("phone_hash", .string, .required)
            .field("phone_sealed", .string, .required)
            .field("phone_masked", .string, .required)
            .field("address", .string)
            .field("created_at", .datetime, .required)
            .foreignKey("id", references: "events", "id", onDelete: .restrict)
            .create()
        try await database.schema("one_window_requests")
            .id()
            .field("number", .string, .required)
            .field("unit_path", path, .required)
            .field("service_code", .string, .required)
            .field("applicant_sealed", .string, .required)
            .field("applicant_masked", .string, .required)
            .field("phone_hash", .string, .required)
            .field("phone_sealed", .string, .required)
            .field("phone_masked", .string, .required)
            .field("note", .string, .required)
            .field("state", .string, .required)
            .field("registered_by", .string, .required)
            .field("registered_at", .datetime, .required)
            .field("handed_at", .datetime)
            .field("due_on", .string)
            .field("completed_by", .string)
            .field("completed_at", .datetime)
            .field("outcome", .string)
            .field("version", .int, .required)
            .unique(on: "number")
            .create()
        try await database.schema("one_window_documents")
            .id()
            .field("request_id", .uuid, .required, .references("one_window_requests", "id", onDelete: .restrict))
            .field("sha256", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = try database.sql
        try await sql.create(index: "portal_reports_phone_idx").on("portal_reports").column("phone_hash").column("created_at").run()
        try await sql.create(index: "one_window_queue_idx").on("one_window_requests").column("unit_path").column("state").column("registered_at").run()
        try await sql.create(index: "one_window_documents_request_idx").on("one_window_documents").column("request_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("one_window_documents").delete()
        try await database.schema("one_window_requests").delete()
        try await database.schema("portal_reports").delete()
    }
}
