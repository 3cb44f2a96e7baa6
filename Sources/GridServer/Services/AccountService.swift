import FluentKit
import Foundation
import GridCore
import GridStore

/// Sign-in, sign-out and account administration. Every change is written together with its
/// audit row in one transaction.
public struct AccountService: Sendable {
    let services: GridServices

    public init(services: GridServices) {
        self.services = services
    }

    private var now: Date { services.clock.now }

    /// Checks the password under the lockout policy and issues a token or a session.
    public func login(
        username: String, password: String, kind: TokenStore.Kind, clientAddress: String?, on db: any Database
    ) async throws -> (issued: TokenStore.Issued, account: UserAccount) {
        let policy = services.config.loginPolicy
        let attemptAt = now
        guard let account = try await UserStore.find(username: username, on: db) else {
            // Same cost as a real check, so timing does not reveal which usernames exist.
            _ = await services.passwords.verify(password, hash: services.passwords.decoy)
            try await AuditLog.record(
                AuditRecord(action: "auth.login_failed", targetType: "user", targetID: nil,
                            summary: "unknown username \(username.prefix(40))", unitPath: nil),
                by: AuditActor(id: nil, name: "anonymous", clientAddress: clientAddress), on: db, now: attemptAt)
            throw LoginFailure.invalidCredentials
        }
        let actor = AuditActor(id: account.id, name: account.username, clientAddress: clientAddress)
        if account.disabled {
            try await AuditLog.record(record("auth.login_refused", account, "account disabled"), by: actor, on: db, now: attemptAt)
            throw LoginFailure.disabled
        }
        if policy.isLocked(account.loginState, now: attemptAt), let until = account.loginState.lockedUntil {
            try await AuditLog.record(record("auth.login_refused", account, "account locked"), by: actor, on: db, now: attemptAt)
            throw LoginFailure.locked(until: until)
        }
        guard await services.passwords.verify(password, hash: account.passwordHash) else {
            let next = policy.afterFailure(account.loginState, now: attemptAt)
            try await db.transaction { tx in
                try await UserStore.saveLoginState(account.id, next, on: tx)
                let summary = next.lockedUntil == nil
                    ? "wrong password (\(next.failedAttempts) of \(policy.maxFailures))"
                    : "wrong password; account locked for \(Int(policy.lockDuration / 60)) minutes"
                try await AuditLog.record(
                    record(next.lockedUntil == nil ? "auth.login_failed" : "auth.locked", account, summary),
                    by: actor, on: tx, now: attemptAt)
            }
            if let until = next.lockedUntil { throw LoginFailure.locked(until: until) }
            throw LoginFailure.invalidCredentials
        }
        let lifetime = kind == .api ? services.config.apiTokenLifetime : services.config.sessionLifetime
        let issued = try await db.transaction { tx in
            try await UserStore.saveLoginState(account.id, policy.afterSuccess(account.loginState), on: tx)
            let issued = try await TokenStore.issue(
                for: account.id, kind: kind, lifetime: lifetime, clientAddress: clientAddress, on: tx, now: attemptAt)
            try await AuditLog.record(record("auth.login", account, "signed in (\(kind.rawValue))"), by: actor, on: tx, now: attemptAt)
            return issued
        }
        return (issued, account)
    }

    public func logout(_ principal: Principal, clientAddress: String?, on db: any Database) async throws {
        try await db.transaction { tx in
            try await TokenStore.revoke(id: principal.tokenID, on: tx, now: now)
            try await AuditLog.record(
                record("auth.logout", principal.account, "signed out (\(principal.kind.rawValue))"),
                by: actor(principal, clientAddress), on: tx, now: now)
        }
    }

    /// The signed-in user changes their own password; every other session and token ends.
    public func changePassword(
        _ principal: Principal, current: String, new: String, clientAddress: String?, on db: any Database
    ) async throws {
        guard await services.passwords.verify(current, hash: principal.account.passwordHash) else {
            throw ValidationFailure(field: "current_password", zh: "当前密码不正确", en: "the current password is wrong")
        }
        try PasswordPolicy.validate(new, username: principal.account.username, field: "new_password")
        let hash = try await services.passwords.hash(new)
        try await db.transaction { tx in
            _ = try await UserStore.update(principal.id, .init(passwordHash: hash), on: tx, now: now)
            try await TokenStore.revokeAll(for: principal.id, except: principal.tokenID, on: tx, now: now)
            try await AuditLog.record(
                record("user.password_changed", principal.account, "changed own password"),
                by: actor(principal, clientAddress), on: tx, now: now)
        }
    }

    /// Validated input for a new account.
    public struct NewAccount: Sendable {
        public var username: String
        public var displayName: String?
        public var password: String
        public var roles: [String]
        public var unit: String

        public init(username: String, displayName: String?, password: String, roles: [String], unit: String) {
            self.username = username
            self.displayName = displayName
            self.password = password
            self.roles = roles
            self.unit = unit
        }
    }

    /// Creates an account. `scope` limits where the new account may be placed (nil: anywhere,
    /// for the command line run by whoever holds the server).
    public func create(
        _ new: NewAccount, scope: UnitPath?, actor: AuditActor, on db: any Database
    ) async throws -> UserAccount {
        var failures: [ValidationFailure] = []
        let username = new.username.trimmingCharacters(in: .whitespaces)
        do { try PasswordPolicy.validateUsername(username) } catch { failures.append(error) }
        do { try PasswordPolicy.validate(new.password, username: username) } catch { failures.append(error) }
        let roles = parseRoles(new.roles, into: &failures)
        let unit = try await UnitStore.find(idOrCode: new.unit, on: db)
        let unitInScope = unit.map { found in scope.map { $0.contains(found.path) } ?? true } ?? false
        if !unitInScope {
            failures.append(ValidationFailure(field: "unit", zh: "找不到单位“\(new.unit)”", en: "no unit '\(new.unit)' was found"))
        }
        guard failures.isEmpty, let unit else { throw ValidationFailures(failures) }
        let hash = try await services.passwords.hash(new.password)
        let displayName = new.displayName?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? username
        return try await db.transaction { tx in
            let account = try await UserStore.create(
                .init(username: username, displayName: displayName, passwordHash: hash, roles: roles, unit: unit), on: tx, now: now)
            try await AuditLog.record(
                record("user.created", account, "created \(username) as \(roles.map(\.rawValue).joined(separator: ",")) in \(unit.code)"),
                by: actor, on: tx, now: now)
            return account
        }
    }

    /// Changes an account. The target and any new unit must lie inside `scope`.
    public func update(
        _ id: UUID, _ changes: UpdateUserRequestDTO, scope: UnitPath?, actor: AuditActor, on db: any Database
    ) async throws -> UserAccount {
        guard let current = try await UserStore.find(id: id, on: db),
              scope.map({ $0.contains(current.unit.path) }) ?? true
        else { throw StoreError.notFound(what: "user") }
        var failures: [ValidationFailure] = []
        var storeChanges = UserStore.Changes(displayName: changes.displayName?.trimmingCharacters(in: .whitespaces), disabled: changes.disabled)
        if let roles = changes.roles { storeChanges.roles = parseRoles(roles, into: &failures) }
        if let unitRef = changes.unit {
            let unit = try await UnitStore.find(idOrCode: unitRef, on: db)
            if let unit, scope.map({ $0.contains(unit.path) }) ?? true {
                storeChanges.unit = unit
            } else {
                failures.append(ValidationFailure(field: "unit", zh: "找不到单位“\(unitRef)”", en: "no unit '\(unitRef)' was found"))
            }
        }
        if let password = changes.password {
            do {
                try PasswordPolicy.validate(password, username: current.username)
                storeChanges.passwordHash = try await services.passwords.hash(password)
            } catch let failure as ValidationFailure { failures.append(failure) }
        }
        if let name = storeChanges.displayName, name.isEmpty || name.count > 60 {
            failures.append(ValidationFailure(field: "display_name", zh: "姓名须为 1–60 个字", en: "the display name must be 1–60 characters"))
        }
        guard failures.isEmpty else { throw ValidationFailures(failures) }
        let finalChanges = storeChanges
        return try await db.transaction { tx in
            let updated = try await UserStore.update(id, finalChanges, on: tx, now: now)
            if finalChanges.disabled == true || finalChanges.passwordHash != nil {
                try await TokenStore.revokeAll(for: id, on: tx, now: now)
            }
            try await AuditLog.record(record("user.updated", updated, Self.describe(changes)), by: actor, on: tx, now: now)
            return updated
        }
    }

    private func parseRoles(_ names: [String], into failures: inout [ValidationFailure]) -> [Role] {
        if names.isEmpty {
            failures.append(ValidationFailure(field: "roles", zh: "至少选择一个角色", en: "choose at least one role"))
        }
        var roles: [Role] = []
        for name in names {
            do { roles.append(try Role.parse(name)) } catch { failures.append(error) }
        }
        return roles
    }

    private static func describe(_ changes: UpdateUserRequestDTO) -> String {
        var parts: [String] = []
        if let name = changes.displayName { parts.append("display_name=\(name)") }
        if let roles = changes.roles { parts.append("roles=\(roles.joined(separator: ","))") }
        if let unit = changes.unit { parts.append("unit=\(unit)") }
        if let disabled = changes.disabled { parts.append(disabled ? "disabled" : "enabled") }
        if changes.password != nil { parts.append("password reset") }
        return parts.isEmpty ? "no change" : parts.joined(separator: "; ")
    }

    private func record(_ action: String, _ account: UserAccount, _ summary: String) -> AuditRecord {
        AuditRecord(action: action, targetType: "user", targetID: account.id.uuidString, summary: summary, unitPath: account.unit.path)
    }

    private func actor(_ principal: Principal, _ clientAddress: String?) -> AuditActor {
        AuditActor(id: principal.id, name: principal.account.username, clientAddress: clientAddress)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
