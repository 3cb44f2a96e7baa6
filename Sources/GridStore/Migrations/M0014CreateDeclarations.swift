import FluentKit
import SQLKit

/// Self-declarations (自主申报) waiting for a grid worker's review, and the employer (工作单位)
/// of a person, which a new-employee declaration records.
///
/// The declared content (names, ID number, phones) is kept sealed as one document; the columns
/// beside it are what the review queue filters and sorts on, with identifiers only masked or hashed.
struct M0014CreateDeclarations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let path = PathColumn.type(on: database)
        try await database.schema("people").field("employer_id", .uuid).update()
        try await database.schema("declarations")
            .id()
            .field("receipt", .string, .required)
            .field("kind", .string, .required)
            .field("state", .string, .required)
            .field("grid_path", path, .required)
            .field("room_id", .uuid)
            .field("organization_id", .uuid)
            .field("person_id", .uuid)
            .field("declarant_name", .string, .required)
            .field("declarant_phone_hash", .string, .required)
            .field("person_name", .string, .required)
            .field("id_hash", .string, .required)
            .field("id_masked", .string, .required)
            .field("content_sealed", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("submitted_by", .string)
            .field("reviewed_at", .datetime)
            .field("reviewed_by", .string)
            .field("rejection_reason", .string)
            .field("version", .int, .required)
            .unique(on: "receipt")
            .create()
        let sql = try database.sql
        try await sql.create(index: "people_employer_idx").on("people").column("employer_id").run()
        try await sql.create(index: "declarations_queue_idx").on("declarations").column("state").column("grid_path").column("submitted_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("declarations").delete()
        try await (try database.sql).drop(index: "people_employer_idx").run()
        try await database.schema("people").deleteField("employer_id").update()
    }
}
