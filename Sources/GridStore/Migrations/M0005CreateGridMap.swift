import FluentKit
import SQLKit

/// The one map: versioned outlines of units, the changes that made them (with crosswalks), and the
/// people assigned to grids.
struct M0005CreateGridMap: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("grid_changes")
            .id()
            .field("kind", .string, .required)
            .field("effective_date", .string, .required)
            .field("summary", .string, .required)
            .field("actor_name", .string, .required)
            .field("unit_path", PathColumn.type(on: database))
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(UnitGeometryModel.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnitModel.schema, "id", onDelete: .restrict))
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .field("source_datum", .string, .required)
            .field("geometry", .string, .required)
            .field("area_m2", .double, .required)
            .field("centroid_lon", .double, .required)
            .field("centroid_lat", .double, .required)
            .field("min_lon", .double, .required)
            .field("min_lat", .double, .required)
            .field("max_lon", .double, .required)
            .field("max_lat", .double, .required)
            .field("change_id", .uuid, .references("grid_changes", "id", onDelete: .restrict))
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("grid_crosswalk")
            .id()
            .field("change_id", .uuid, .required, .references("grid_changes", "id", onDelete: .cascade))
            .field("old_code", .string, .required)
            .field("new_code", .string, .required)
            .field("share", .double, .required)
            .field("area_m2", .double, .required)
            .create()
        try await database.schema(GridStaffModel.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnitModel.schema, "id", onDelete: .restrict))
            .field("user_id", .uuid, .references(UserModel.schema, "id", onDelete: .setNull))
            .field("name", .string, .required)
            .field("work_phone", .string)
            .field("role", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .field("created_at", .datetime, .required)
            .create()
        let sql = try database.sql
        try await sql.create(index: "unit_geometries_unit_idx").on(UnitGeometryModel.schema).column("unit_id").column("valid_to").run()
        try await sql.create(index: "grid_crosswalk_change_idx").on("grid_crosswalk").column("change_id").run()
        try await sql.create(index: "grid_staff_unit_idx").on(GridStaffModel.schema).column("unit_id").run()
        try await sql.create(index: "grid_staff_user_idx").on(GridStaffModel.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(GridStaffModel.schema).delete()
        try await database.schema("grid_crosswalk").delete()
        try await database.schema(UnitGeometryModel.schema).delete()
        try await database.schema("grid_changes").delete()
    }
}
