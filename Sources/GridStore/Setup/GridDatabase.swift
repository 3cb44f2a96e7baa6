import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import GridCore
import Logging
import NIOCore
import SQLKit

/// Registers the database, runs the migrations under a lock, and answers the health check.
/// One code path for SQLite and PostgreSQL; the few dialect differences live in `SQLDialectKind`.
public enum GridDatabase {
    /// Registers `location` as the default database.
    /// - Parameter postgresSearchPath: a schema to use instead of `public` (tests give each run its own).
    public static func register(
        _ location: DatabaseLocation,
        in databases: Databases,
        postgresSearchPath: [String]? = nil,
        postgresConnectionsPerLoop: Int = 4
    ) throws(ConfigurationError) {
        switch location {
        case .sqliteFile(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                throw ConfigurationError.databaseUnreachable(location.description, detail: "directory \(directory) does not exist")
            }
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .sqliteMemory:
            databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            do {
                var configuration = try SQLPostgresConfiguration(url: url)
                configuration.searchPath = postgresSearchPath
                databases.use(
                    .postgres(
                        configuration: configuration,
                        maxConnectionsPerEventLoop: postgresConnectionsPerLoop,
                        connectionPoolTimeout: .seconds(20),
                        sqlLogLevel: .trace
                    ),
                    as: .psql
                )
            } catch {
                throw ConfigurationError.badDatabaseURL(location.description, reason: LocalizedText(zh: "\(error)", en: "\(error)"))
            }
        }
    }

    /// Every migration, in order. Never edit a migration once it has landed: add a new one.
    public static var migrations: [any Migration] {
        [
            M0001CreateUnits(),
            M0002CreateUsers(),
            M0003CreateAuthTokens(),
            M0004CreateAuditLog(),
            M0005CreateGridMap(),
            M0006CreateEvents(),
            M0007AddEventRatings(),
            M0008AddSweepMark(),
            M0009CreateEventCatalog(),
            M0010CreateSettings(),
            M0011CreateCampaigns(),
            M0012CreateWebhooks(),
            M0013CreateBasicData(),
            M0014CreateDeclarations(),
            M0015AddHandlingTimes(),
            M0016AddEventListIndex(),
            M0017CreatePatrols(),
            M0018CreateVisits(),
            M0019CreateOpen311Clients(),
            M0020AddPatrolEvents(),
            M0021CreateIndicatorCells(),
            M0024CreateAssessments(),
            M0022CreateRisks(),
            M0023CreatePortalAndOneWindow(),
            M0025CreateTasks(),
            M0028AddOpenEventAndNameIndexes(),
            M0026AddWorkMeasures(),
            M0029AddBuildingPointIndex(),
        ]
    }

    /// Adds the migrations to Fluent's list.
    public static func addMigrations(to list: Migrations) {
        list.add(migrations)
    }

    /// Checks that the database answers, turning driver errors into one sentence.
    public static func checkReachable(_ db: any Database, location: DatabaseLocation) async throws(ConfigurationError) {
        do {
            try await (try db.sql).raw("SELECT 1 AS ok").run()
        } catch {
            throw ConfigurationError.databaseUnreachable(location.description, detail: describe(error))
        }
    }

    /// Runs pending migrations. On PostgreSQL an advisory lock makes two instances starting
    /// together take turns: the second finds the work done. SQLite turns on WAL first.
    public static func migrate(
        databases: Databases, migrations: Migrations, logger: Logger, location: DatabaseLocation
    ) async throws {
        guard let db = databases.database(logger: logger, on: databases.eventLoopGroup.any()) else {
            throw ConfigurationError.databaseUnreachable(location.description, detail: "no database registered")
        }
        try await checkReachable(db, location: location)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: databases.eventLoopGroup.any())
        switch SQLDialectKind(db) {
        case .sqlite:
            var file: String?
            if case .sqliteFile(let path) = location {
                file = path
                try await (try db.sql).raw("PRAGMA journal_mode=WAL").run()
            }
            try await SQLiteExclusiveLock.shared.withLock(file: file.map { $0 + ".migrate" }) {
                try await migrator.setupIfNeeded().flatMap { migrator.prepareBatch() }.get()
            }
        case .postgres:
            try await db.withConnection { conn in
                let sql = try conn.sql
                try await sql.raw("SELECT pg_advisory_lock(\(literal: migrationLockKey))").run()
                do {
                    try await migrator.setupIfNeeded().flatMap { migrator.prepareBatch() }.get()
                } catch {
                    try? await sql.raw("SELECT pg_advisory_unlock(\(literal: migrationLockKey))").run()
                    throw error
                }
                try await sql.raw("SELECT pg_advisory_unlock(\(literal: migrationLockKey))").run()
            }
        }
    }

    /// Reverts every migration (tests use it to prove the migrations go both ways).
    public static func revertAll(databases: Databases, migrations: Migrations, logger: Logger) async throws {
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: databases.eventLoopGroup.any())
        try await migrator.setupIfNeeded().flatMap { migrator.revertAllBatches() }.get()
    }

    /// An arbitrary constant: "GRIDGOV" in ASCII digits, the key of the migration lock.
    static let migrationLockKey: Int64 = 7_182_073_716_786

    /// A short, readable description of a driver error (PostgresNIO's are verbose).
    public static func describe(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            return "\(psql.code)"
        }
        let text = String(describing: error)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}
