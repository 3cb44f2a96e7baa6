import Foundation
import GridCore
import GridStore
import Vapor

/// One account in the console (`/console/users/{username}`): who it is, and for administrators
/// a form to change its roles and unit and a button to disable or enable it — through
/// `AccountService.update` like `PATCH /api/v1/users/{id}`, so the checks, the revoked sessions
/// of a disabled account and the audit entry are the same.
struct ConsoleUserAdminController {
    let accounts: AccountService

    struct Page: Encodable, Sendable {
        var shell: ShellContext
        var user: User
        var roles: [Role]
        var unit: String
        var canManage: Bool
        var isSelf: Bool
        var message: String?
        var errors: [String: String]
    }

    struct User: Encodable, Sendable {
        var username: String
        var displayName: String
        var unitName: String
        var unitCode: String
        var roles: String
        var status: String
        var disabled: Bool
    }

    struct Role: Encodable, Sendable {
        var value: String
        var label: String
        var checked: Bool
    }

    func register(_ routes: any RoutesBuilder) {
        let users = routes.grouped("console", "users")
        users.get(":username") { req in
            try await ConsoleGate.page(req, titleKey: "admin_user_title", path: "/console/users", needs: .usersRead) { shell, principal in
                let account = try await visible(req, principal)
                return try await page(req, shell, principal, account)
            }
        }
        users.post(":username") { req in
            try await ConsoleGate.page(req, titleKey: "admin_user_title", path: "/console/users", needs: .usersManage) { shell, principal in
                try await change(req, shell, principal, try await visible(req, principal))
            }
        }
    }

    /// The account named in the path, if it lies inside the viewer's scope (else 404).
    private func visible(_ req: Request, _ principal: Principal) async throws -> UserAccount {
        guard let username = req.parameters.get("username"),
              let account = try await UserStore.find(username: username, on: req.db)
        else { throw GridHTTPError.notFound }
        try principal.requireInScope(account.unit.path)
        return account
    }

    private func change(_ req: Request, _ shell: ShellContext, _ principal: Principal, _ account: UserAccount) async throws -> Response {
        let action = (try? req.content.get(String.self, at: "action")) ?? "save"
        var changes = UpdateUserRequestDTO()
        switch action {
        case "disable": changes.disabled = true
        case "enable": changes.disabled = false
        default:
            changes.roles = ((try? req.content.get([String].self, at: "roles")) ?? []).filter { !$0.isEmpty }
            changes.unit = ((try? req.content.get(String.self, at: "unit")) ?? "").trimmingCharacters(in: .whitespaces)
        }
        let strings = try req.grid.strings
        let language = req.language
        do {
            let updated = try await accounts.update(account.id, changes, scope: principal.unitPath, actor: req.auditActor, on: req.db)
            let key = action == "disable" ? "admin_user_disabled" : action == "enable" ? "admin_user_enabled" : "admin_user_saved"
            return try await page(req, shell, principal, updated, message: strings.text(key, language))
        } catch let failures as ValidationFailures {
            return try await page(
                req, shell, principal, account, submitted: changes,
                errors: ConsolePagesController.fieldErrors(failures.failures, language), status: .unprocessableEntity)
        } catch let failure as ValidationFailure {
            return try await page(
                req, shell, principal, account, submitted: changes,
                errors: ConsolePagesController.fieldErrors([failure], language), status: .unprocessableEntity)
        }
    }

    private func page(
        _ req: Request, _ shell: ShellContext, _ principal: Principal, _ account: UserAccount, submitted: UpdateUserRequestDTO? = nil,
        message: String? = nil, errors: [String: String] = [:], status: HTTPStatus = .ok
    ) async throws -> Response {
        let services = try req.grid
        let language = req.language
        let now = services.clock.now
        let statusKey = account.disabled ? "user_disabled"
            : services.config.loginPolicy.isLocked(account.loginState, now: now) ? "user_locked" : "user_active"
        let checked = Set(submitted?.roles ?? account.roles.map(\.rawValue))
        let context = Page(
            shell: shell,
            user: User(
                username: account.username, displayName: account.displayName, unitName: account.unit.name,
                unitCode: account.unit.code.rawValue,
                roles: account.roles.map { $0.label.text(in: language) }.joined(separator: "、"),
                status: services.strings.text(statusKey, language), disabled: account.disabled),
            roles: GridCore.Role.allCases.map {
                Role(value: $0.rawValue, label: $0.label.text(in: language), checked: checked.contains($0.rawValue))
            },
            unit: submitted?.unit ?? account.unit.code.rawValue,
            canManage: principal.holds(.usersManage, policy: services.policy), isSelf: account.id == principal.id,
            message: message, errors: errors)
        return try await AdminRender.page(req, "console/admin-user", context, status: status)
    }
}
