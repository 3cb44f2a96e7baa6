import FluentKit
import Foundation
import GridCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// Multi-row inserts, as many rows per statement as the engines' bind limits allow. On SQLite the
/// statement text is written once per shape and the values go to SQLiteNIO already converted
/// (to the values `SQLiteDataEncoder`, which SQLKit uses, gives); SQLKit's per-value expression
/// tree cost more than SQLite's own work on the district demo.
enum BulkInsert {
    /// Binds per statement: under PostgreSQL's 65,535 and SQLite's 32,766.
    static let bindsPerStatement = 12_000

    static func rows(_ rows: [[any Encodable & Sendable]], into table: String, columns: [String], on db: any Database) async throws {
        if let sqlite = db as? any SQLiteDatabase, SQLDialectKind(db) == .sqlite {
            try await write(try sqliteValues(rows), into: table, columns: columns, on: sqlite)
            return
        }
        let perStatement = max(1, bindsPerStatement / columns.count)
        let sql = try db.sql
        let list = SQLList(columns.map { SQLIdentifier($0) })
        for chunk in rows.chunked(into: perStatement) {
            let values = SQLList(chunk.map { row in SQLGroupExpression(row.map { SQLBind($0) }) })
            try await sql.raw("INSERT INTO \(ident: table) (\(list)) VALUES \(values)").run()
        }
    }

    /// Writes rows that may have been converted for SQLite ahead (`BulkRows.encodedForSQLite`).
    static func write(_ rows: BulkRows, on db: any Database) async throws {
        guard let values = rows.sqlite else {
            try await self.rows(rows.rows, into: rows.table, columns: rows.columns, on: db)
            return
        }
        guard let sqlite = db as? any SQLiteDatabase, SQLDialectKind(db) == .sqlite else {
            throw EngineMismatch()
        }
        try await write(values, into: rows.table, columns: rows.columns, on: sqlite)
    }

    /// Rows converted for SQLite handed to another engine: a loader's mistake.
    struct EngineMismatch: Error {}

    /// SQLite's values for `rows`, row after row.
    static func sqliteValues(_ rows: [[any Encodable & Sendable]]) throws -> [SQLiteData] {
        let encoder = SQLiteDataEncoder()
        var values: [SQLiteData] = []
        values.reserveCapacity(rows.count * (rows.first?.count ?? 0))
        for row in rows {
            for value in row { values.append(try sqliteValue(value, encoder)) }
        }
        return values
    }

    /// The common types directly, each as `SQLiteDataEncoder` converts it (a UUID as its string, a
    /// date as seconds since 1970); nil and anything else through the encoder itself. Casting to a
    /// concrete type is far cheaper than the encoder's protocol lookup and its per-value encoder.
    static func sqliteValue(_ value: any Encodable & Sendable, _ encoder: SQLiteDataEncoder) throws -> SQLiteData {
        switch value {
        case let text as String: .text(text)
        case let number as Int: .integer(number)
        case let number as Double: .float(number)
        case let id as UUID: .text(withUnsafeBytes(of: id.uuid) { Hex.uuidString($0) })
        case let date as Date: .float(date.timeIntervalSince1970)
        case let flag as Bool: .integer(flag ? 1 : 0)
        default: try encoder.encode(value)
        }
    }

    private static func write(_ values: [SQLiteData], into table: String, columns: [String], on sqlite: any SQLiteDatabase) async throws {
        let width = columns.count
        let perStatement = max(1, bindsPerStatement / width)
        let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
        let group = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        var cachedText: (count: Int, text: String) = (0, "")
        var start = 0
        while start < values.count {
            let end = min(values.count, start + perStatement * width)
            let count = (end - start) / width
            if cachedText.count != count {
                cachedText = (count, head + Array(repeating: group, count: count).joined(separator: ", "))
            }
            _ = try await sqlite.query(cachedText.text, Array(values[start..<end]))
            start = end
        }
    }
}

/// One table's new rows: the values any engine binds, or — converted ahead on the core that
/// prepared them (`encodedForSQLite`) — SQLite's values, row after row.
struct BulkRows: Sendable {
    let table: String
    let columns: [String]
    let rows: [[any Encodable & Sendable]]
    private(set) var sqlite: [SQLiteData]?

    init(table: String, columns: [String], rows: [[any Encodable & Sendable]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }

    /// Rows already converted to SQLite's values, row after row.
    init(table: String, columns: [String], sqlite: [SQLiteData]) {
        self.init(table: table, columns: columns, rows: [])
        self.sqlite = sqlite
    }

    var isEmpty: Bool { rows.isEmpty && (sqlite?.isEmpty ?? true) }

    /// The same rows as SQLite's values (the clear rows are dropped).
    func encodedForSQLite() throws -> BulkRows {
        guard sqlite == nil else { return self }
        return BulkRows(table: table, columns: columns, sqlite: try BulkInsert.sqliteValues(rows))
    }
}
