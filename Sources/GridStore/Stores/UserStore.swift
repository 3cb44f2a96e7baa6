import FluentKit
import Foundation
import GridCore
import SQLKit

/// Reads and writes accounts. Password hashing happens in the caller (bcrypt lives in the server).
public enum UserStore {
    public struct NewUser: Sendable {
        public var id: UUID
        public var username: String
        public var displayName: String
        public var passwordHash: String
        public var roles: [Role]
        public var unit: OrgUnit

        public init(id: UUID = UUID(), username: String, displayName: String, passwordHash: String, roles: [Role], unit: OrgUnit) {
            self.id = id
            self.username = username
            self.displayName = displayName
            self.passwordHash = passwordHash
            self.roles = roles
            self.unit = unit
        }
    }

    public static func create(_ new: NewUser, on db: any Database, now: Date) async throws -> UserAccount {
        if try await UserModel.query(on: db).filter(\.$username == new.username).count() > 0 {
            throw ValidationFailure(field: "username", zh: "用户名 \(new.username) 已存在", en: "the username \(new.username) is taken")
        }
        let model = UserModel()
        model.id = new.id
        model.username = new.username
        model.displayName = new.displayName
        model.passwordHash = new.passwordHash
        model.roles = UserModel.encode(roles: new.roles)
        model.$unit.id = new.unit.id
        model.disabled = false
        model.failedAttempts = 0
        model.lockedUntil = nil
        model.passwordChangedAt = now
        model.createdAt = now
        model.updatedAt = now
        try await model.create(on: db)
        return try model.toAccount(unit: new.unit)
    }

    public static func find(username: String, on db: any Database) async throws -> UserAccount? {
        try await account(UserModel.query(on: db).filter(\.$username == username).with(\.$unit).first())
    }

    public static func find(id: UUID, on db: any Database) async throws -> UserAccount? {
        // One plain statement with the unit joined: every signed-in request resolves its user here.
        let row = try await (try db.sql).raw("""
            SELECT u.id, u.username, u.display_name, u.password_hash, u.roles, u.disabled, u.failed_attempts, u.locked_until,
              n.id AS unit_id, n.code AS unit_code, n.name AS unit_name, n.kind AS unit_kind, n.parent_id AS unit_parent_id,
              n.path AS unit_path
            FROM users u JOIN units n ON n.id = u.unit_id
            WHERE u.id = \(bind: id)
            LIMIT 1
            """).first()
        guard let row else { return nil }
        return UserAccount(
            id: try row.decode(column: "id", as: UUID.self), username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            roles: UserModel.decode(roles: try row.decode(column: "roles", as: String.self)),
            unit: try UnitStore.unit(row, prefix: "unit_"), disabled: try row.decode(column: "disabled", as: Bool.self),
            loginState: LoginPolicy.AccountState(
                failedAttempts: try row.decode(column: "failed_attempts", as: Int.self),
                lockedUntil: try row.decode(column: "locked_until", as: Date?.self)))
    }

    /// Display names of the given accounts (a ranking's rows); unknown ids are left out.
    public static func displayNames(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for chunk in ids.chunked(into: 500) {
            for row in try await UserModel.query(on: db).filter(\.$id ~~ Array(chunk)).all() {
                if let id = row.id { names[id] = row.displayName }
            }
        }
        return names
    }

    /// Accounts whose scope unit lies at or below `path`, ordered by username.
    public static func list(under path: UnitPath, page: Int, per: Int, on db: any Database) async throws -> (items: [UserAccount], total: Int) {
        let query = UserModel.query(on: db)
            .join(parent: \.$unit)
            .filter(UnitModel.self, \.$path >= path.rawValue)
            .filter(UnitModel.self, \.$path < path.subtreeUpperBound)
        let total = try await query.count()
        let rows = try await query.sort(\.$username).range((page - 1) * per..<page * per).all()
        let items = try rows.map { row in try row.toAccount(unit: row.joined(UnitModel.self).toDomain()) }
        return (items, total)
    }

    public static func saveLoginState(_ id: UUID, _ state: LoginPolicy.AccountState, on db: any Database) async throws {
        try await UserModel.query(on: db).filter(\.$id == id)
            .set(\.$failedAttempts, to: state.failedAttempts)
            .set(\.$lockedUntil, to: state.lockedUntil)
            .update()
    }

    /// The changes an administrator (or the user, for the password) may make.
    public struct Changes: Sendable {
        public var displayName: String?
        public var roles: [Role]?
        public var unit: OrgUnit?
        public var disabled: Bool?
        public var passwordHash: String?

        public init(displayName: String? = nil, roles: [Role]? = nil, unit: OrgUnit? = nil, disabled: Bool? = nil, passwordHash: String? = nil) {
            self.displayName = displayName
            self.roles = roles
            self.unit = unit
            self.disabled = disabled
            self.passwordHash = passwordHash
        }
    }

    public static func update(_ id: UUID, _ changes: Changes, on db: any Database, now: Date) async throws -> UserAccount {
        guard let model = try await UserModel.query(on: db).filter(\.$id == id).with(\.$unit).first() else {
            throw StoreError.notFound(what: "user")
        }
        var unit = try model.unit.toDomain()
        if let name = changes.displayName { model.displayName = name }
        if let roles = changes.roles { model.roles = UserModel.encode(roles: roles) }
        if let newUnit = changes.unit {
            model.$unit.id = newUnit.id
            unit = newUnit
        }
        if let disabled = changes.disabled {
            model.disabled = disabled
            if !disabled {
                // Re-enabling also lifts a lock: the administrator has looked at the account.
                model.failedAttempts = 0
                model.lockedUntil = nil
            }
        }
        if let hash = changes.passwordHash {
            model.passwordHash = hash
            model.passwordChangedAt = now
        }
        model.updatedAt = now
        try await model.save(on: db)
        return try model.toAccount(unit: unit)
    }

    public static func count(on db: any Database) async throws -> Int {
        try await UserModel.query(on: db).count()
    }

    private static func account(_ model: UserModel?) throws -> UserAccount? {
        guard let model else { return nil }
        return try model.toAccount(unit: model.unit.toDomain())
    }
}
