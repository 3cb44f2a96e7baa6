import FluentKit
import Foundation
import GridCore
import GridStore
import GridTestSupport
import SQLKit
import Testing

/// The migrations run on whichever engine the suite is on (SQLite, or PostgreSQL in CI).
@Suite struct MigrationTests {
    @Test("migrating twice changes nothing the second time")
    func idempotent() async throws {
        try await TestDatabase.withMigratedDatabase { db, databases, migrations in
            let location = try #require(Self.location(db))
            let before = try await Self.appliedMigrations(db)
            #expect(before == GridDatabase.migrations.count)
            try await GridDatabase.migrate(databases: databases, migrations: migrations, logger: .init(label: "t"), location: location)
            #expect(try await Self.appliedMigrations(db) == before)
        }
    }

    @Test("the migrations revert and apply again, keeping nothing behind")
    func revertAndReapply() async throws {
        try await TestDatabase.withMigratedDatabase { db, databases, migrations in
            let location = try #require(Self.location(db))
            try await GridDatabase.revertAll(databases: databases, migrations: migrations, logger: .init(label: "t"))
            #expect(try await Self.appliedMigrations(db) == 0)
            try await GridDatabase.migrate(databases: databases, migrations: migrations, logger: .init(label: "t"), location: location)
            #expect(try await Self.appliedMigrations(db) == GridDatabase.migrations.count)
            #expect(try await UnitStore.count(on: db) == 0)
        }
    }

    @Test("two migrations started together on one database both succeed and apply each step once")
    func concurrentMigrations() async throws {
        try await TestDatabase.withMigratedDatabase { db, databases, migrations in
            let location = try #require(Self.location(db))
            try await GridDatabase.revertAll(databases: databases, migrations: migrations, logger: .init(label: "t"))
            async let first: Void = GridDatabase.migrate(databases: databases, migrations: migrations, logger: .init(label: "a"), location: location)
            async let second: Void = GridDatabase.migrate(databases: databases, migrations: migrations, logger: .init(label: "b"), location: location)
            _ = try await (first, second)
            #expect(try await Self.appliedMigrations(db) == GridDatabase.migrations.count)
        }
    }

    @Test("a subtree query does not mistake a code that merely starts the same")
    func subtreeRange() async throws {
        try await TestDatabase.withMigratedDatabase { db, _, _ in
            let now = Date()
            let root = try await UnitStore.create(code: UnitCode("5101"), name: "甲区", kind: .district, parent: nil, on: db, now: now)
            let other = try await UnitStore.create(code: UnitCode("51011"), name: "乙区", kind: .district, parent: nil, on: db, now: now)
            let street = try await UnitStore.create(code: UnitCode("510101"), name: "街道", kind: .street, parent: root, on: db, now: now)
            _ = try await UnitStore.create(code: UnitCode("510111"), name: "别的街道", kind: .street, parent: other, on: db, now: now)
            let subtree = try await UnitStore.subtree(root.path, on: db)
            #expect(subtree.map(\.code.rawValue) == ["5101", "510101"])
            #expect(try await UnitStore.ancestors(of: street, on: db).map(\.name) == ["甲区", "街道"])
            await #expect(throws: ValidationFailures.self) {
                _ = try await UnitStore.create(code: UnitCode("510101"), name: "重复", kind: .street, parent: root, on: db, now: now)
            }
            await #expect(throws: ValidationFailures.self) {
                _ = try await UnitStore.create(code: UnitCode("510199"), name: "网格", kind: .grid, parent: root, on: db, now: now)
            }
        }
    }

    @Test("tokens are stored hashed and stop resolving when revoked or expired")
    func tokens() async throws {
        try await TestDatabase.withMigratedDatabase { db, _, _ in
            let now = Date()
            let root = try await UnitStore.create(code: UnitCode("5101"), name: "甲区", kind: .district, parent: nil, on: db, now: now)
            let user = try await UserStore.create(
                .init(username: "u1", displayName: "U", passwordHash: "x", roles: [.leader], unit: root), on: db, now: now)
            let issued = try await TokenStore.issue(for: user.id, kind: .api, lifetime: 60, clientAddress: nil, on: db, now: now)
            #expect(try await TokenStore.resolve(issued.secret, on: db, now: now)?.userID == user.id)
            #expect(try await TokenStore.resolve(issued.secret, on: db, now: now.addingTimeInterval(61)) == nil)
            let stored = try await (try #require(db as? any SQLDatabase)).raw("SELECT token_hash FROM auth_tokens").all().map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(stored.count == 1)
            #expect(stored.first != issued.secret)
            try await TokenStore.revoke(id: issued.id, on: db, now: now)
            #expect(try await TokenStore.resolve(issued.secret, on: db, now: now) == nil)
        }
    }

    static func location(_ db: any Database) -> DatabaseLocation? {
        if let url = TestDatabase.postgresURL { return .postgres(url: url) }
        return SQLDialectKind(db) == .sqlite ? .sqliteMemory : nil
    }

    static func appliedMigrations(_ db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return -1 }
        return try await sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first()?.decode(column: "n", as: Int.self) ?? -1
    }
}
