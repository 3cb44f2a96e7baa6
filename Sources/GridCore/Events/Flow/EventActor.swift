import Foundation

/// Who acts on an event: the signed-in user, their roles and the root of their scope.
public struct EventActor: Sendable, Hashable {
    public let userID: UUID
    public let roles: Set<Role>
    public let unitPath: UnitPath

    public init(userID: UUID, roles: Set<Role>, unitPath: UnitPath) {
        self.userID = userID
        self.roles = roles
        self.unitPath = unitPath
    }

    /// The role named in a refusal: the first in `Role` order, nil for a user without roles.
    public var primaryRole: Role? { roles.min() }
}
