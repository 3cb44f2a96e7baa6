import FluentKit
import SQLKit

/// The patrol log (巡查日志): one row per patrol with its thinned track as JSON, the local day it
/// began on and its length, so a day's hours per worker and grid are one indexed query.
struct M0017CreatePatrols: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let path = PathColumn.type(on: database)
        try await database.schema("patrols")
            .id()
            .field("worker_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .restrict))
            .field("worker_name", .string, .required)
            .field("grid_path", path, .required)
            .field("started_at", .datetime, .required)
            .field("ended_at", .datetime)
            .field("day", .string, .required)
            .field("track", .string, .required)
            .field("distance_m", .double, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = try database.sql
        try await sql.create(index: "patrols_worker_day_idx").on("patrols").column("worker_id").column("day").run()
        try await sql.create(index: "patrols_grid_day_idx").on("patrols").column("grid_path").column("day").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("patrols").delete()
    }
}
