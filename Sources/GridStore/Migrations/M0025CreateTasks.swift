import FluentKit
import SQLKit

/// Tasks pushed down by departments (部门下派任务) and each target grid's progress on them.
/// A task's target grids are its `task_progress` rows, made with it at version 0.
struct M0025CreateTasks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let path = PathColumn.type(on: database)
        try await database.schema("tasks")
            .id()
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("issuing_unit_path", path, .required)
            .field("issuing_unit_name", .string, .required)
            // The checklist's items as a JSON array of strings.
            .field("checklist", .string, .required)
            .field("due_day", .string, .required)
            .field("created_by", .uuid, .required, .references(UserModel.schema, "id", onDelete: .restrict))
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("task_progress")
            .id()
            .field("task_id", .uuid, .required, .references("tasks", "id", onDelete: .cascade))
            .field("grid_path", path, .required)
            // Checked item indexes, space-separated and ascending.
            .field("checked", .string, .required)
            .field("done", .bool, .required)
            .field("note", .string, .required)
            .field("updated_at", .datetime)
            .field("version", .int, .required)
            .unique(on: "task_id", "grid_path")
            .create()
        let sql = try database.sql
        try await sql.create(index: "tasks_issuer_idx").on("tasks").column("issuing_unit_path").column("created_at").run()
        try await sql.create(index: "task_progress_grid_idx").on("task_progress").column("grid_path").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("task_progress").delete()
        try await database.schema("tasks").delete()
    }
}
