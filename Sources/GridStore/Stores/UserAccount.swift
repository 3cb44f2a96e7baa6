import Foundation
import GridCore

/// A user account as the server needs it, including the password hash (never sent out).
public struct UserAccount: Sendable, Equatable {
    public let id: UUID
    public var username: String
    public var displayName: String
    public var passwordHash: String
    public var roles: [Role]
    public var unit: OrgUnit
    public var disabled: Bool
    public var loginState: LoginPolicy.AccountState

    public init(
        id: UUID, username: String, displayName: String, passwordHash: String, roles: [Role], unit: OrgUnit,
        disabled: Bool, loginState: LoginPolicy.AccountState
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.roles = roles
        self.unit = unit
        self.disabled = disabled
        self.loginState = loginState
    }

    public var scope: AccessScope { AccessScope(roles: Set(roles), unitPath: unit.path) }

    public var dto: UserDTO {
        UserDTO(
            id: id, username: username, displayName: displayName, roles: roles, unit: UnitSummaryDTO(unit),
            disabled: disabled, lockedUntil: loginState.lockedUntil
        )
    }
}
