import FluentKit
import SQLKit

/// Secondary indexes set aside while a bulk load writes their tables, and built again after.
/// Kept current row by row, an index on a random key (an ID hash, a name, a UUID) costs a search
/// and a page write per row; built once, its keys are sorted and its pages written in order (on
/// SQLite with the sorter's helper thread on the other core). Only indexes created by their own
/// statement are set aside: the ones behind primary keys and UNIQUE constraints stay and check
/// as rows go in.
public struct DeferredIndexes: Sendable {
    /// Each index's name and the statement that creates it, as the database reports it.
    let indexes: [Index]

    struct Index: Sendable {
        let name: String
        let create: String
    }

    /// Drops the secondary indexes of `tables` and returns them to be built again (`create`).
    public static func drop(on tables: [String], db: any Database) async throws -> DeferredIndexes {
        guard !tables.isEmpty else { return DeferredIndexes(indexes: []) }
        let sql = try db.sql
        let names = SQLGroupExpression(tables.map { SQLBind($0) })
        let rows: [any SQLRow]
        switch SQLDialectKind(db) {
        case .sqlite:
            rows = try await sql.raw("""
                SELECT name, sql AS definition FROM sqlite_master
                WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN \(names) ORDER BY name
                """).all()
        case .postgres:
            rows = try await sql.raw("""
                SELECT x.relname AS name, pg_get_indexdef(x.oid) AS definition
                FROM pg_index i
                JOIN pg_class x ON x.oid = i.indexrelid
                JOIN pg_class t ON t.oid = i.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND t.relname IN \(names)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.oid)
                ORDER BY x.relname
                """).all()
        }
        let indexes = try rows.map { Index(name: try $0.decode(column: "name", as: String.self), create: try $0.decode(column: "definition", as: String.self)) }
        for index in indexes {
            try await sql.raw("DROP INDEX \(ident: index.name)").run()
        }
        return DeferredIndexes(indexes: indexes)
    }

    /// Builds the indexes set aside by `drop`.
    public func create(on db: any Database) async throws {
        guard !indexes.isEmpty else { return }
        let sql = try db.sql
        let sqlite = SQLDialectKind(db) == .sqlite
        // SQLite's sorter may hand sorting to helper threads, up to this many.
        if sqlite { try await sql.raw("PRAGMA threads = 2").run() }
        for index in indexes {
            try await sql.raw(SQLQueryString(index.create)).run()
        }
        if sqlite { try await sql.raw("PRAGMA threads = 0").run() }
    }
}
