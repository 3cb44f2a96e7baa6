import FluentKit
import Foundation
import SQLKit
import SQLiteKit
import SQLiteNIO

/// Multi-row inserts, as many rows per statement as the engines' bind limits allow. On SQLite the
/// statement text is written once per shape and the values go to SQLiteNIO already converted
/// (by the same `SQLiteDataEncoder` SQLKit uses, so the stored values are identical); SQLKit's
/// per-value expression tree cost more than SQLite's own work on the district demo.
enum BulkInsert {
    /// Binds per statement: under PostgreSQL's 65,535 and SQLite's 32,766.
    static let bindsPerStatement = 12_000

    static func rows(_ rows: [[any Encodable & Sendable]], into table: String, columns: [String], on db: any Database) async throws {
        let perStatement = max(1, bindsPerStatement / columns.count)
        if let sqlite = db as? any SQLiteDatabase, SQLDialectKind(db) == .sqlite {
            let encoder = SQLiteDataEncoder()
            let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
            let group = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            var cachedText: (count: Int, text: String) = (0, "")
            for chunk in rows.chunked(into: perStatement) {
                if cachedText.count != chunk.count {
                    cachedText = (chunk.count, head + Array(repeating: group, count: chunk.count).joined(separator: ", "))
                }
                var binds: [SQLiteData] = []
                binds.reserveCapacity(chunk.count * columns.count)
                for row in chunk {
                    for value in row { binds.append(try encoder.encode(value)) }
                }
                _ = try await sqlite.query(cachedText.text, binds)
            }
            return
        }
        let sql = try db.sql
        let list = SQLList(columns.map { SQLIdentifier($0) })
        for chunk in rows.chunked(into: perStatement) {
            let values = SQLList(chunk.map { row in SQLGroupExpression(row.map { SQLBind($0) }) })
            try await sql.raw("INSERT INTO \(ident: table) (\(list)) VALUES \(values)").run()
        }
    }
}
