import Foundation
import GridCore
import GridStore
import Vapor

/// The signed-in user behind a request, with how they signed in.
public struct Principal: Sendable {
    public let account: UserAccount
    public let tokenID: UUID
    public let kind: TokenStore.Kind
    /// The session's CSRF token (console sessions only).
    public let csrfToken: String?

    public var id: UUID { account.id }
    public var scope: AccessScope { account.scope }
    public var unitPath: UnitPath { account.unit.path }

    public var auditActor: AuditActor {
        AuditActor(id: account.id, name: account.username, clientAddress: nil)
    }

    func auditActor(for req: Request) -> AuditActor {
        AuditActor(id: account.id, name: account.username, clientAddress: req.clientAddress)
    }
}

extension Request {
    private struct PrincipalKey: StorageKey {
        typealias Value = Principal
    }

    /// Set by `AuthenticationMiddleware` when the request carries a valid token or session.
    public internal(set) var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The audit actor for this request: the signed-in user, or anonymous.
    var auditActor: AuditActor {
        principal?.auditActor(for: self) ?? AuditActor(id: nil, name: "anonymous", clientAddress: clientAddress)
    }
}
