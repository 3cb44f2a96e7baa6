import FluentKit
import Foundation
import GridCore
import SQLKit

/// When each event was handled and when its handling was due, as columns beside the snapshot,
/// so that on-time handling (按期处置) is counted by SQL for a district's dashboard instead of
/// decoding every snapshot. Existing rows are filled from their snapshots.
struct M0015AddHandlingTimes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("events").field("handled_at", .datetime).update()
        try await database.schema("events").field("handling_due_at", .datetime).update()
        let sql = try database.sql
        var after = ""
        while true {
            let rows = try await sql.raw("""
                SELECT id, number, snapshot FROM events WHERE number > \(bind: after) ORDER BY number LIMIT 2000
                """).all()
            guard !rows.isEmpty else { break }
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let snapshot = try StoreJSON.decode(EventSnapshot.self, from: try row.decode(column: "snapshot", as: String.self))
                try await sql.raw("""
                    UPDATE events SET handled_at = \(bind: snapshot.handledAt), handling_due_at = \(bind: snapshot.handlingDeadline?.end)
                    WHERE id = \(bind: id)
                    """).run()
            }
            guard let last = rows.last else { break }
            after = try last.decode(column: "number", as: String.self)
        }
        try await sql.create(index: "events_day_grid_idx").on("events").column("day").column("grid_path").run()
    }

    func revert(on database: any Database) async throws {
        try await (try database.sql).drop(index: "events_day_grid_idx").run()
        try await database.schema("events").deleteField("handling_due_at").update()
        try await database.schema("events").deleteField("handled_at").update()
    }
}
