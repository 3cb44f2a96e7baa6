import FluentKit
import SQLKit

/// The events' covering territory index and reported-at index (migration 16), as one definition
/// for the migration and for bulk loads, which drop them while writing a year of events and build
/// them once after — cheaper than keeping a wide index current row by row.
public enum EventListIndexes {
    public static func create(on db: any Database) async throws {
        let sql = try db.sql
        try await sql.create(index: "events_territory_cover_idx").on("events")
            .column("grid_path").column("type_code").column("day").column("state").column("level")
            .column("deadline_at").column("reported_at").column("handled_at").column("handling_due_at").column("id")
            .run()
        try await sql.create(index: "events_reported_idx").on("events").column("reported_at").column("id").run()
    }

    public static func drop(on db: any Database) async throws {
        let sql = try db.sql
        try await sql.drop(index: "events_reported_idx").run()
        try await sql.drop(index: "events_territory_cover_idx").run()
    }
}
