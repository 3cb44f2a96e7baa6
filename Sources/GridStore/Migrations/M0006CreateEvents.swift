import FluentKit
import SQLKit

/// Events (事件), their timelines, photos, the reporters' inboxes, and the daily ticket counter.
/// The whole state-machine snapshot is kept as JSON beside the columns that lists filter on.
struct M0006CreateEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let path = PathColumn.type(on: database)
        try await database.schema("events")
            .id()
            .field("number", .string, .required)
            .field("type_code", .string, .required)
            .field("description", .string, .required)
            .field("channel", .string, .required)
            .field("location_lon", .double, .required)
            .field("location_lat", .double, .required)
            .field("location_datum", .string, .required)
            .field("map_lon", .double, .required)
            .field("map_lat", .double, .required)
            .field("grid_id", .uuid, .required, .references(UnitModel.schema, "id", onDelete: .restrict))
            .field("grid_path", path, .required)
            .field("owner_path", path, .required)
            .field("handler_path", path)
            .field("state", .string, .required)
            .field("level", .int, .required)
            .field("reporter_id", .uuid)
            .field("reporter_name", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("reported_at", .datetime, .required)
            .field("deadline_at", .datetime)
            .field("closed_at", .datetime)
            .field("day", .string, .required)
            .field("content_hash", .string, .required)
            .field("attributes", .string, .required)
            .field("snapshot", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "number")
            .create()
        let sql = try database.sql
        for (name, columns) in [
            ("events_owner_idx", ["owner_path"]), ("events_grid_idx", ["grid_path"]), ("events_state_idx", ["state", "deadline_at"]),
            ("events_reporter_idx", ["reporter_id"]), ("events_handler_idx", ["handler_path"]), ("events_day_idx", ["day"]),
            ("events_type_idx", ["type_code"]),
        ] {
            var builder = sql.create(index: name).on("events")
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
        try await database.schema("event_timeline")
            .id()
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .restrict))
            .field("seq", .int, .required)
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("actor_role", .string)
            .field("action", .string, .required)
            .field("from_state", .string)
            .field("to_state", .string, .required)
            .field("note", .string)
            .field("attachments", .string, .required)
            .unique(on: "event_id", "seq")
            .create()
        try await database.schema("event_photos")
            .id()
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .restrict))
            .field("sha256", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int, .required)
            .field("stage", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await sql.create(index: "event_photos_event_idx").on("event_photos").column("event_id").run()
        try await database.schema("inbox")
            .id()
            .field("user_id", .uuid)
            .field("unit_path", path)
            .field("roles", .string)
            .field("event_id", .uuid, .references("events", "id", onDelete: .restrict))
            .field("kind", .string, .required)
            .field("message_zh", .string, .required)
            .field("message_en", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await sql.create(index: "inbox_user_idx").on("inbox").column("user_id").column("read_at").run()
        try await sql.create(index: "inbox_unit_idx").on("inbox").column("unit_path").run()
        try await database.schema("event_numbers")
            .field("day", .string, .identifier(auto: false))
            .field("last", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["event_numbers", "inbox", "event_photos", "event_timeline", "events"] {
            try await database.schema(table).delete()
        }
    }
}
