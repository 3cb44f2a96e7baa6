import FluentKit
import Foundation
import GridCore
import SQLKit

/// A resident's typed address (居民填写的地址) matched against the standard address register's
/// buildings: the first building whose address code, name or address contains the text.
public enum PortalAddressLookup {
    public static func building(matching text: String, within scope: UnitPath, on db: any Database) async throws -> Building? {
        let cleaned = text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "").trimmingCharacters(in: .whitespaces)
        guard !cleaned.isEmpty else { return nil }
        let pattern = "%" + cleaned + "%"
        let row = try await (try db.sql).raw("""
            SELECT address_code FROM buildings
            WHERE \(BasicDataRecords.subtree(scope)) AND (address_code LIKE \(bind: pattern) OR name LIKE \(bind: pattern) OR address LIKE \(bind: pattern))
            ORDER BY address_code LIMIT 1
            """).first()
        guard let code = try row?.decode(column: "address_code", as: String.self) else { return nil }
        return try await BasicDataStore.buildings(references: [code], within: scope, on: db)[code]
    }
}
