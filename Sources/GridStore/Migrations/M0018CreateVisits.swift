import FluentKit
import SQLKit

/// Household visits (走访): who visited which household when, whom they met, what they noted and
/// what the household needs. The household is keyed as the register keys it (its household id,
/// else its room).
struct M0018CreateVisits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let path = PathColumn.type(on: database)
        try await database.schema("visits")
            .id()
            .field("household_key", .string, .required)
            .field("grid_path", path, .required)
            .field("visitor_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .restrict))
            .field("visitor_name", .string, .required)
            .field("visited_at", .datetime, .required)
            .field("day", .string, .required)
            .field("met", .string, .required)
            .field("notes", .string, .required)
            .field("needs", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = try database.sql
        try await sql.create(index: "visits_grid_day_idx").on("visits").column("grid_path").column("day").run()
        try await sql.create(index: "visits_household_idx").on("visits").column("household_key").column("day").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("visits").delete()
    }
}
