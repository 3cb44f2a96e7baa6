import FluentKit
import SQLKit

/// Accounts: bcrypt hash, roles, scope unit, and the lockout counters.
struct M0002CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("roles", .string, .required)
            .field("unit_id", .uuid, .required, .references(UnitModel.schema, "id", onDelete: .restrict))
            .field("disabled", .bool, .required)
            .field("failed_attempts", .int, .required)
            .field("locked_until", .datetime)
            .field("password_changed_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "username")
            .create()
        try await (try database.sql).create(index: "users_unit_idx").on(UserModel.schema).column("unit_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).delete()
    }
}
