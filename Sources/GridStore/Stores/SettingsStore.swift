import FluentKit
import Foundation
import SQLKit

/// Run-time settings as JSON documents by key. Absent keys mean the built-in default.
public enum SettingsStore {
    public enum Key: String, Sendable {
        /// `OverduePolicy.settings`: stage → response.
        case overduePolicy = "overdue_policy"
        /// Holiday arrangements administrators added (CSV text in the shared format).
        case holidays
    }

    public static func load<Value: Decodable>(_ key: Key, as type: Value.Type, on db: any Database) async throws -> Value? {
        guard let text = try await (try db.sql).raw("SELECT value FROM settings WHERE name = \(bind: key.rawValue)")
            .first()?.decode(column: "value", as: String.self)
        else { return nil }
        return try StoreJSON.decode(Value.self, from: text)
    }

    public static func save(_ key: Key, _ value: some Encodable, by actor: String, on db: any Database, now: Date) async throws {
        let text = try StoreJSON.text(value)
        let sql = try db.sql
        try await sql.raw("DELETE FROM settings WHERE name = \(bind: key.rawValue)").run()
        try await sql.raw("""
            INSERT INTO settings (name, value, updated_at, updated_by) VALUES (\(bind: key.rawValue), \(bind: text), \(bind: now), \(bind: actor))
            """).run()
    }
}
