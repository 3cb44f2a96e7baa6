import FluentKit
import SQLKit

/// The two engines GridGov runs on. Raw SQL that differs between them branches on this, here and
/// nowhere else (swift-notes pitfall 6).
public enum SQLDialectKind: Sendable, Equatable {
    case sqlite
    case postgres

    public init(_ db: any Database) {
        let name = (db as? any SQLDatabase)?.dialect.name ?? ""
        self = name == "postgresql" ? .postgres : .sqlite
    }
}

/// Both engines GridGov supports are SQL databases; this is the one place that relies on it.
struct NotAnSQLDatabase: Error {}

extension Database {
    var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else { throw NotAnSQLDatabase() }
            return sql
        }
    }
}
