import Foundation
import GridCore
import Vapor

/// Who may call an endpoint. Every `/api/v1` route declares one, and `APIRouter` checks it
/// before the handler runs: the one guard of the platform.
public enum EndpointAccess: Sendable, Equatable {
    /// No sign-in (login, health, public pages).
    case `public`
    /// Any signed-in user.
    case signedIn
    /// A signed-in user holding the permission. Targets are then checked against the user's scope
    /// with `Principal.requireInScope`.
    case permission(Permission)

    var permission: Permission? {
        if case .permission(let permission) = self { return permission }
        return nil
    }

    /// Returns the principal the handler may act as, or throws 401 / 403.
    func authorize(_ request: Request) throws -> Principal? {
        switch self {
        case .public:
            return request.principal
        case .signedIn:
            guard let principal = request.principal else { throw GridHTTPError.unauthenticated }
            return principal
        case .permission(let permission):
            guard let principal = request.principal else { throw GridHTTPError.unauthenticated }
            try request.grid.policy.check(principal.scope, permission)
            return principal
        }
    }
}

extension Principal {
    /// Throws "not found" unless `path` lies in the user's subtree, so that nothing outside it
    /// can even be confirmed to exist.
    public func requireInScope(_ path: UnitPath) throws {
        guard scope.unitPath.contains(path) else { throw AccessDenial.outOfScope }
    }

    /// Throws unless the user holds `permission` on something at `path`.
    public func require(_ permission: Permission, on path: UnitPath, policy: AccessPolicy) throws {
        try policy.check(scope, permission, on: path)
    }

    public func holds(_ permission: Permission, policy: AccessPolicy) -> Bool {
        policy.table.allows(scope.roles, permission)
    }
}
