import FluentKit
import Foundation
import SQLKit

/// The stored admission list: one row holding the CSV an administrator imported.
public enum CatalogStore {
    public static func load(on db: any Database) async throws -> String? {
        try await (try db.sql).raw("SELECT csv FROM event_catalog WHERE id = 1").first()?.decode(column: "csv", as: String.self)
    }

    public static func save(_ csv: String, by actor: String, on db: any Database, now: Date) async throws {
        let sql = try db.sql
        try await sql.raw("DELETE FROM event_catalog WHERE id = 1").run()
        try await sql.raw("""
            INSERT INTO event_catalog (id, csv, updated_at, updated_by) VALUES (1, \(bind: csv), \(bind: now), \(bind: actor))
            """).run()
    }
}
