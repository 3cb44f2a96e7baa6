import Crypto
import FluentKit
import Foundation
import GridCore
import SQLKit

/// Opaque bearer tokens and console sessions. Only the SHA-256 of a secret is stored.
public enum TokenStore {
    public enum Kind: String, Sendable {
        /// `Authorization: Bearer` for the API, the phone app and the SDK.
        case api
        /// The console's session cookie, paired with a CSRF token.
        case session
    }

    /// A freshly issued token: the secret is shown once and never stored.
    public struct Issued: Sendable, Equatable {
        public let id: UUID
        public let secret: String
        public let expiresAt: Date
        public let csrfToken: String?
    }

    /// A token that was presented and is still valid.
    public struct Resolved: Sendable, Equatable {
        public let id: UUID
        public let userID: UUID
        public let kind: Kind
        public let expiresAt: Date
        public let csrfToken: String?
    }

    public static func issue(
        for userID: UUID, kind: Kind, lifetime: TimeInterval, clientAddress: String?, on db: any Database, now: Date
    ) async throws -> Issued {
        let secret = randomSecret()
        let csrf = kind == .session ? randomSecret() : nil
        let model = AuthTokenModel()
        let id = UUID()
        model.id = id
        model.tokenHash = hash(secret)
        model.userID = userID
        model.kind = kind.rawValue
        model.csrfToken = csrf
        model.clientAddress = clientAddress
        model.createdAt = now
        model.expiresAt = now.addingTimeInterval(lifetime)
        try await model.create(on: db)
        return Issued(id: id, secret: secret, expiresAt: model.expiresAt, csrfToken: csrf)
    }

    /// The token for `secret` if it exists, is not revoked and has not expired.
    public static func resolve(_ secret: String, on db: any Database, now: Date) async throws -> Resolved? {
        guard !secret.isEmpty, secret.count <= 200 else { return nil }
        // Plain SQL: every signed-in request comes through here.
        guard let row = try await (try db.sql).raw("""
            SELECT id, user_id, kind, csrf_token, expires_at, revoked_at FROM auth_tokens
            WHERE token_hash = \(bind: hash(secret))
            LIMIT 1
            """).first(),
              try row.decode(column: "revoked_at", as: Date?.self) == nil
        else { return nil }
        let expiresAt = try row.decode(column: "expires_at", as: Date.self)
        guard expiresAt > now, let kind = Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
        return Resolved(
            id: try row.decode(column: "id", as: UUID.self), userID: try row.decode(column: "user_id", as: UUID.self), kind: kind,
            expiresAt: expiresAt, csrfToken: try row.decode(column: "csrf_token", as: String?.self))
    }

    public static func revoke(id: UUID, on db: any Database, now: Date) async throws {
        try await AuthTokenModel.query(on: db).filter(\.$id == id).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    /// Ends every session and token of a user (disabled account, changed password).
    public static func revokeAll(for userID: UUID, except keep: UUID? = nil, on db: any Database, now: Date) async throws {
        let query = AuthTokenModel.query(on: db).filter(\.$userID == userID).filter(\.$revokedAt == nil)
        if let keep { query.filter(\.$id != keep) }
        try await query.set(\.$revokedAt, to: now).update()
    }

    static func hash(_ secret: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(secret.utf8)))
    }

    /// 256 random bits, URL-safe Base64 without padding.
    public static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
