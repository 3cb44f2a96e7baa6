import FluentKit
import Foundation
import GridCore

/// Row of `users`. Roles are stored as a space-separated list of role names.
// Fluent's property wrappers cannot be checked Sendable; instances never cross tasks.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "roles") var roles: String
    @Parent(key: "unit_id") var unit: UnitModel
    @Field(key: "disabled") var disabled: Bool
    @Field(key: "failed_attempts") var failedAttempts: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "password_changed_at") var passwordChangedAt: Date
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var roleSet: [Role] { Self.decode(roles: roles) }

    /// The roles of a stored `roles` column (plain SQL reads use it too); unknown names are left out.
    static func decode(roles text: String) -> [Role] {
        text.split(separator: " ").compactMap { Role(rawValue: String($0)) }.sorted()
    }

    static func encode(roles: some Sequence<Role>) -> String {
        Set(roles).sorted().map(\.rawValue).joined(separator: " ")
    }

    func toAccount(unit: OrgUnit) throws(StoreError) -> UserAccount {
        guard let id else { throw StoreError.corruptRow(table: Self.schema, id: "?") }
        return UserAccount(
            id: id, username: username, displayName: displayName, passwordHash: passwordHash,
            roles: roleSet, unit: unit, disabled: disabled,
            loginState: LoginPolicy.AccountState(failedAttempts: failedAttempts, lockedUntil: lockedUntil)
        )
    }
}
