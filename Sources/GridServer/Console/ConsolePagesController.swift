import Foundation
import GridCore
import GridStore
import Vapor

/// The signed-in console: home, hierarchy browser, users, audit log, own password.
/// Pages check the same permissions as the API; a page the role may not use answers 403.
struct ConsolePagesController {
    let accounts: AccountService

    func register(_ routes: any RoutesBuilder) {
        let console = routes.grouped("console")
        console.get { req in try await page(req, titleKey: "menu_home", path: "/console") { shell, principal in
            try await home(req, shell, principal)
        } }
        console.get("units") { req in try await page(req, titleKey: "menu_units", path: "/console/units", needs: .unitsRead) { shell, principal in
            try await units(req, shell, principal)
        } }
        console.post("units") { req in try await page(req, titleKey: "menu_units", path: "/console/units", needs: .unitsManage) { shell, principal in
            try await createUnit(req, shell, principal)
        } }
        console.post("units", ":id", "rename") { req in try await page(req, titleKey: "menu_units", path: "/console/units", needs: .unitsManage) { shell, principal in
            try await renameUnit(req, shell, principal)
        } }
        console.get("users") { req in try await page(req, titleKey: "menu_users", path: "/console/users", needs: .usersRead) { shell, principal in
            try await users(req, shell, principal, form: nil)
        } }
        console.post("users") { req in try await page(req, titleKey: "menu_users", path: "/console/users", needs: .usersManage) { shell, principal in
            try await createUser(req, shell, principal)
        } }
        console.get("audit") { req in try await page(req, titleKey: "menu_audit", path: "/console/audit", needs: .auditRead) { shell, principal in
            try await audit(req, shell, principal)
        } }
        registerDeclarations(console)
        console.get("password") { req in try await page(req, titleKey: "menu_password", path: "/console/password") { shell, _ in
            try await req.view.render("console/password", PasswordPage(shell: shell, message: nil, error: nil)).encodeResponse(for: req)
        } }
        console.post("password") { req in try await page(req, titleKey: "menu_password", path: "/console/password") { shell, principal in
            try await changePassword(req, shell, principal)
        } }
    }

    func page(
        _ req: Request, titleKey: String, path: String, needs permission: Permission? = nil,
        render: (ShellContext, Principal) async throws -> Response
    ) async throws -> Response {
        try await ConsoleGate.page(req, titleKey: titleKey, path: path, needs: permission, render: render)
    }

    // MARK: home

    struct HomePage: Encodable, Sendable {
        var shell: ShellContext
        var unitCode: String
        var unitPath: String
        var children: [Row]
        var permissions: [String]

        struct Row: Encodable, Sendable {
            var id: String
            var code: String
            var name: String
            var kind: String
        }
    }

    private func home(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let unit = principal.account.unit
        let children = try await UnitStore.children(of: unit.id, on: req.db)
        let language = req.language
        let page = HomePage(
            shell: shell, unitCode: unit.code.rawValue, unitPath: unit.path.rawValue,
            children: children.map { .init(id: $0.id.uuidString, code: $0.code.rawValue, name: $0.name, kind: $0.kind.label.text(in: language)) },
            permissions: try req.grid.policy.table.permissions(of: principal.account.roles).map(\.rawValue).sorted())
        return try await req.view.render("console/home", page).encodeResponse(for: req)
    }

    // MARK: units

    struct UnitsPage: Encodable, Sendable {
        var shell: ShellContext
        var unit: HomePage.Row
        var breadcrumbs: [HomePage.Row]
        var children: [ChildRow]
        /// The add and rename forms, for those who may change the hierarchy.
        var canManage: Bool
        var kinds: [ConsoleChoice]
        var form: [String: String]
        var errors: [String: String]
        var message: String?

        struct ChildRow: Encodable, Sendable {
            var id: String
            var code: String
            var name: String
            var kind: String
            var childCount: Int
            var isGrid: Bool
        }
    }

    private func units(
        _ req: Request, _ shell: ShellContext, _ principal: Principal, showing shown: OrgUnit? = nil,
        form: [String: String] = ["code": "", "name": "", "kind": ""], errors: [String: String] = [:], message: String? = nil
    ) async throws -> Response {
        var unit = principal.account.unit
        if let shown {
            unit = shown
        } else if let ref = req.query[String.self, at: "unit"] {
            guard let found = try await UnitStore.find(idOrCode: ref, on: req.db) else { throw GridHTTPError.notFound }
            try principal.requireInScope(found.path)
            unit = found
        }
        let language = req.language
        let children = try await UnitStore.children(of: unit.id, on: req.db)
        let counts = try await UnitStore.childCounts(of: children.map(\.id), on: req.db)
        let trail = try await UnitStore.ancestors(of: unit, on: req.db).filter { principal.scope.unitPath.contains($0.path) }
        func row(_ unit: OrgUnit) -> HomePage.Row {
            .init(id: unit.id.uuidString, code: unit.code.rawValue, name: unit.name, kind: unit.kind.label.text(in: language))
        }
        let page = UnitsPage(
            shell: shell, unit: row(unit), breadcrumbs: trail.map(row),
            children: children.map {
                .init(id: $0.id.uuidString, code: $0.code.rawValue, name: $0.name, kind: $0.kind.label.text(in: language),
                      childCount: counts[$0.id] ?? 0, isGrid: $0.kind.isGrid)
            },
            canManage: principal.holds(.unitsManage, policy: try req.grid.policy),
            // Grids come with their outlines, through the grid import; here the levels above and the departments.
            kinds: [UnitKind.street, .community, .department, .outsideUnit].map {
                ConsoleChoice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0.rawValue == form["kind"])
            },
            form: form, errors: errors, message: message)
        let response = try await req.view.render("console/units", page).encodeResponse(for: req)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    struct UnitForm: Content {
        var code: String?
        var name: String?
        var kind: String?
    }

    /// Adds a unit under the one shown (a street, community, department or outside unit).
    private func createUnit(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let form = try req.content.decode(UnitForm.self)
        let parentRef = req.query[String.self, at: "unit"] ?? principal.account.unit.id.uuidString
        guard let parent = try await UnitStore.find(idOrCode: parentRef, on: req.db) else { throw GridHTTPError.notFound }
        try principal.requireInScope(parent.path)
        let values = ["code": form.code ?? "", "name": form.name ?? "", "kind": form.kind ?? ""]
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            return try await units(req, shell, principal, showing: parent, form: values,
                                   errors: ["name": LocalizedText(zh: "请填写单位名称", en: "enter the unit's name").text(in: req.language)])
        }
        do {
            let created = try await UnitService(services: try req.grid).create(
                CreateUnitRequestDTO(code: (form.code ?? "").trimmingCharacters(in: .whitespaces), name: name, kind: form.kind ?? "",
                                     parent: parent.id.uuidString),
                scope: principal.unitPath, actor: req.auditActor, on: req.db)
            let done = LocalizedText(zh: "已添加：\(created.name)（\(created.code)）", en: "Added: \(created.name) (\(created.code))")
            return try await units(req, shell, principal, showing: parent, message: done.text(in: req.language))
        } catch let failures as ValidationFailures {
            return try await units(req, shell, principal, showing: parent, form: values, errors: Self.fieldErrors(failures.failures, req.language))
        } catch let failure as ValidationFailure {
            return try await units(req, shell, principal, showing: parent, form: values, errors: Self.fieldErrors([failure], req.language))
        }
    }

    private func renameUnit(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let unit = try await UnitStore.find(id: id, on: req.db)
        else { throw GridHTTPError.notFound }
        try principal.requireInScope(unit.path)
        let name = ((try? req.content.get(String.self, at: "name")) ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            return try await units(req, shell, principal, showing: unit,
                                   errors: ["rename": LocalizedText(zh: "请填写新名称", en: "enter the new name").text(in: req.language)])
        }
        let renamed = try await UnitService(services: try req.grid).rename(unit, to: name, actor: req.auditActor, on: req.db)
        let done = LocalizedText(zh: "已改名为 \(renamed.name)", en: "Renamed to \(renamed.name)")
        return try await units(req, shell, principal, showing: renamed, message: done.text(in: req.language))
    }

    // MARK: users

    struct UsersPage: Encodable, Sendable {
        var shell: ShellContext
        var users: [Row]
        var total: Int
        var page: Int
        var pages: Int
        var canManage: Bool
        var roles: [Choice]
        var form: UserForm?
        var errors: [String: String]
        var created: String?

        struct Row: Encodable, Sendable {
            var username: String
            var displayName: String
            var roles: String
            var unit: String
            var status: String
        }

        struct Choice: Encodable, Sendable {
            var value: String
            var label: String
        }
    }

    struct UserForm: Content {
        var username: String
        var display_name: String?
        var password: String
        var role: String
        var unit: String
    }

    private func users(_ req: Request, _ shell: ShellContext, _ principal: Principal, form: UserForm?,
                       errors: [String: String] = [:], created: String? = nil) async throws -> Response {
        let services = try req.grid
        let language = req.language
        let pageNumber = max(1, req.query[Int.self, at: "page"] ?? 1)
        let (items, total) = try await UserStore.list(under: principal.unitPath, page: pageNumber, per: 50, on: req.db)
        let now = services.clock.now
        let page = UsersPage(
            shell: shell,
            users: items.map { account in
                let status = account.disabled ? "user_disabled"
                    : services.config.loginPolicy.isLocked(account.loginState, now: now) ? "user_locked" : "user_active"
                return .init(
                    username: account.username, displayName: account.displayName,
                    roles: account.roles.map { $0.label.text(in: language) }.joined(separator: "、"),
                    unit: account.unit.name, status: services.strings.text(status, language))
            },
            total: total, page: pageNumber, pages: max(1, (total + 49) / 50),
            canManage: principal.holds(.usersManage, policy: services.policy),
            roles: Role.allCases.map { .init(value: $0.rawValue, label: $0.label.text(in: language)) },
            form: form, errors: errors, created: created)
        let response = try await req.view.render("console/users", page).encodeResponse(for: req)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    private func createUser(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let form = try req.content.decode(UserForm.self)
        let new = AccountService.NewAccount(
            username: form.username, displayName: form.display_name, password: form.password, roles: [form.role], unit: form.unit)
        do {
            let account = try await accounts.create(new, scope: principal.unitPath, actor: req.auditActor, on: req.db)
            return try await users(req, shell, principal, form: nil, created: account.username)
        } catch let failures as ValidationFailures {
            return try await users(req, shell, principal, form: form, errors: Self.fieldErrors(failures.failures, req.language))
        } catch let failure as ValidationFailure {
            return try await users(req, shell, principal, form: form, errors: Self.fieldErrors([failure], req.language))
        }
    }

    static func fieldErrors(_ failures: [ValidationFailure], _ language: Language) -> [String: String] {
        failures.reduce(into: [:]) { errors, failure in
            let field = failure.field ?? "form"
            errors[field] = [errors[field], failure.reason.text(in: language)].compactMap { $0 }.joined(separator: "；")
        }
    }

    // MARK: audit

    struct AuditPage: Encodable, Sendable {
        var shell: ShellContext
        var entries: [Row]
        var total: Int
        var page: Int
        var pages: Int
        var action: String

        struct Row: Encodable, Sendable {
            var at: String
            var actor: String
            var action: String
            var target: String
            var summary: String
            var address: String
        }
    }

    private func audit(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let pageNumber = max(1, req.query[Int.self, at: "page"] ?? 1)
        let action = req.query[String.self, at: "action"].flatMap { $0.isEmpty ? nil : $0 }
        let result = try await AuditLog.list(
            .init(action: action, scope: principal.unitPath), page: pageNumber, per: 50, on: req.db)
        let time = ConsoleTime(timeZone: try req.grid.calendar.timeZone, seconds: true)
        let page = AuditPage(
            shell: shell,
            entries: result.items.map {
                .init(at: time.text($0.at), actor: $0.actor, action: $0.action,
                      target: [$0.targetType, $0.targetID].compactMap { $0 }.joined(separator: " "),
                      summary: $0.summary, address: $0.clientAddress ?? "")
            },
            total: result.total, page: pageNumber, pages: max(1, (result.total + 49) / 50), action: action ?? "")
        return try await req.view.render("console/audit", page).encodeResponse(for: req)
    }

    // MARK: password

    struct PasswordPage: Encodable, Sendable {
        var shell: ShellContext
        var message: String?
        var error: String?
    }

    struct PasswordForm: Content {
        var current_password: String
        var new_password: String
        var confirm_password: String
    }

    private func changePassword(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let form = try req.content.decode(PasswordForm.self)
        let strings = try req.grid.strings
        let language = req.language
        guard form.new_password == form.confirm_password else {
            let page = PasswordPage(shell: shell, message: nil, error: strings.text("password_mismatch", language))
            let response = try await req.view.render("console/password", page).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
        do {
            try await accounts.changePassword(
                principal, current: form.current_password, new: form.new_password, clientAddress: req.clientAddress, on: req.db)
            let page = PasswordPage(shell: shell, message: strings.text("password_changed", language), error: nil)
            return try await req.view.render("console/password", page).encodeResponse(for: req)
        } catch let failure as ValidationFailure {
            let page = PasswordPage(shell: shell, message: nil, error: failure.reason.text(in: language))
            let response = try await req.view.render("console/password", page).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
    }
}
