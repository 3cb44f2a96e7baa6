import FluentKit
import Foundation

/// Row of `auth_tokens`: an API bearer token or a console session.
// Fluent's property wrappers cannot be checked Sendable; instances never cross tasks.
final class AuthTokenModel: Model, @unchecked Sendable {
    static let schema = "auth_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "csrf_token") var csrfToken: String?
    @OptionalField(key: "client_address") var clientAddress: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}
