import FluentKit
import FluentPostgresDriver
import Foundation
import GridStore
import NIOCore
import NIOPosix

/// Which engine the suite runs on: SQLite by default, PostgreSQL when
/// `GRIDGOV_TEST_DATABASE_URL` is set (CI runs both). On PostgreSQL every test gets its own
/// schema, dropped afterwards, so suites can run in parallel.
public enum TestDatabase {
    public static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["GRIDGOV_TEST_DATABASE_URL"]
        return value?.isEmpty == false ? value : nil
    }

    public static var engineName: String { postgresURL == nil ? "sqlite" : "postgresql" }

    /// A fresh, empty database for one test: its location and, for PostgreSQL, the schema.
    public struct Lease: Sendable {
        public let location: DatabaseLocation
        public let searchPath: [String]?
        let schema: String?
    }

    public static func lease() async throws -> Lease {
        guard let url = postgresURL else {
            return Lease(location: .sqliteMemory, searchPath: nil, schema: nil)
        }
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await withAdmin(url) { sql in try await sql.raw("CREATE SCHEMA \(ident: schema)").run() }
        return Lease(location: .postgres(url: url), searchPath: [schema], schema: schema)
    }

    public static func release(_ lease: Lease) async {
        guard let schema = lease.schema, let url = postgresURL else { return }
        try? await withAdmin(url) { sql in try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run() }
    }

    private static func withAdmin(_ url: String, _ body: @Sendable (any SQLDatabase) async throws -> Void) async throws {
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        do {
            try GridDatabase.register(.postgres(url: url), in: databases, postgresConnectionsPerLoop: 1)
            guard let db = databases.database(logger: .init(label: "test-admin"), on: MultiThreadedEventLoopGroup.singleton.any()),
                  let sql = db as? any SQLDatabase
            else { throw TestSupportError.noDatabase }
            try await body(sql)
            await databases.shutdownAsync()
        } catch {
            await databases.shutdownAsync()
            throw error
        }
    }

    /// A registered, migrated database without Vapor, for GridStore tests.
    public static func withMigratedDatabase<T: Sendable>(
        _ body: @Sendable (any Database, Databases, Migrations) async throws -> T
    ) async throws -> T {
        let lease = try await lease()
        let databases = Databases(threadPool: .singleton, on: MultiThreadedEventLoopGroup.singleton)
        let migrations = Migrations()
        GridDatabase.addMigrations(to: migrations)
        let logger = Logger(label: "test")
        do {
            try GridDatabase.register(lease.location, in: databases, postgresSearchPath: lease.searchPath)
            try await GridDatabase.migrate(databases: databases, migrations: migrations, logger: logger, location: lease.location)
            guard let db = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()) else {
                throw TestSupportError.noDatabase
            }
            let result = try await body(db, databases, migrations)
            await databases.shutdownAsync()
            await release(lease)
            return result
        } catch {
            await databases.shutdownAsync()
            await release(lease)
            throw error
        }
    }
}

public enum TestSupportError: Error {
    case noDatabase
    case unexpected(String)
}
