import FluentKit
import SQLKit

/// Bearer tokens and console sessions, stored as SHA-256 of the secret so a stolen database
/// does not yield working tokens.
struct M0003CreateAuthTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuthTokenModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("csrf_token", .string)
            .field("client_address", .string)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await (try database.sql).create(index: "auth_tokens_user_idx").on(AuthTokenModel.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuthTokenModel.schema).delete()
    }
}
