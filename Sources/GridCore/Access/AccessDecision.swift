import Foundation

/// Who is asking: the signed-in user's roles and the root of the subtree they may see.
public struct AccessScope: Sendable, Hashable {
    public let roles: Set<Role>
    public let unitPath: UnitPath

    public init(roles: Set<Role>, unitPath: UnitPath) {
        self.roles = roles
        self.unitPath = unitPath
    }
}

/// Why a request is refused. Out-of-scope targets answer "not found" so that their existence
/// does not leak; a missing right answers "forbidden".
public enum AccessDenial: Error, Sendable, Equatable {
    case missingPermission(Permission)
    case outOfScope
}

/// The one decision every route makes: may these roles do this to something at this path?
public struct AccessPolicy: Sendable {
    public let table: PermissionTable

    public init(table: PermissionTable = .standard) {
        self.table = table
    }

    /// Checks the right alone, for actions that do not touch a stored target (lists are then
    /// filtered by scope).
    public func check(_ scope: AccessScope, _ permission: Permission) throws(AccessDenial) {
        guard table.allows(scope.roles, permission) else { throw .missingPermission(permission) }
    }

    /// Checks the right and that the target lies inside the scope. Scope is checked first so that a
    /// user without the right still cannot learn whether an out-of-scope target exists.
    public func check(_ scope: AccessScope, _ permission: Permission, on target: UnitPath) throws(AccessDenial) {
        guard scope.unitPath.contains(target) else { throw .outOfScope }
        try check(scope, permission)
    }
}
