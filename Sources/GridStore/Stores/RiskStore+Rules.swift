import FluentKit
import Foundation
import GridCore
import SQLKit

/// The risk rules administrators set, kept as one JSON document in the `settings` table (the
/// table `SettingsStore` keeps the overdue policy in) under the name `risk_rules`. Absent means
/// the built-in rules.
extension RiskStore {
    public static let rulesSettingName = "risk_rules"

    /// The stored settings, or nil when none were ever saved.
    public static func loadRuleSettings(on db: any Database) async throws -> RiskRulesDTO? {
        guard let text = try await (try db.sql).raw("SELECT value FROM settings WHERE name = \(bind: rulesSettingName)")
            .first()?.decode(column: "value", as: String.self)
        else { return nil }
        return try StoreJSON.decode(RiskRulesDTO.self, from: text)
    }

    /// Replaces the stored settings, part of the caller's transaction.
    public static func saveRuleSettings(_ settings: RiskRulesDTO, by actor: String, on db: any Database, now: Date) async throws {
        let sql = try db.sql
        try await sql.raw("DELETE FROM settings WHERE name = \(bind: rulesSettingName)").run()
        try await sql.raw("""
            INSERT INTO settings (name, value, updated_at, updated_by)
            VALUES (\(bind: rulesSettingName), \(bind: try StoreJSON.text(settings)), \(bind: now), \(bind: actor))
            """).run()
    }
}
