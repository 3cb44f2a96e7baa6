import Foundation
import GridCore
import GridStore
import Vapor

/// Open311 clients in the console (Open311 接入): the clients with their key's last characters,
/// rate and last use; issuing a key (shown once, on the page that answers the creation); and
/// switching a key off and on — through `Open311ClientService` like `gridgov open311 key create`.
struct ConsoleOpen311Controller {
    let clients: Open311ClientService

    struct ListPage: Encodable, Sendable {
        var shell: ShellContext
        var endpoint: String
        var items: [Item]
        var total: Int
        var form: Form
        var errors: [String: String]
        var created: Created?
    }

    struct Item: Encodable, Sendable {
        var id: String
        var name: String
        var keyHint: String
        var rate: Int
        var active: Bool
        var state: String
        var lastUsed: String
        var createdBy: String
        var createdAt: String
    }

    struct Form: Content, Sendable {
        var name: String?
        var rate: Int?
    }

    /// The answer to a creation: the only time the key is shown.
    struct Created: Encodable, Sendable {
        var name: String
        var key: String
    }

    func register(_ routes: any RoutesBuilder) {
        let admin = routes.grouped("console", "admin", "open311")
        admin.get { req in
            try await gate(req) { shell, _ in try await list(req, shell) }
        }
        admin.post { req in
            try await gate(req) { shell, principal in try await create(req, shell, principal) }
        }
        for (verb, active) in [("disable", false), ("enable", true)] {
            admin.post(":id", .constant(verb)) { req in
                try await gate(req) { _, principal in
                    guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw GridHTTPError.notFound }
                    _ = try await clients.setActive(id, active, by: principal.auditActor(for: req), on: req.db)
                    return req.redirect(to: "/console/admin/open311", redirectType: .normal)
                }
            }
        }
    }

    private func gate(_ req: Request, render: (ShellContext, Principal) async throws -> Response) async throws -> Response {
        try await ConsoleGate.page(req, titleKey: "admin_open311_title", path: "/console/admin", needs: .settingsManage, render: render)
    }

    private func list(
        _ req: Request, _ shell: ShellContext, form: Form = Form(), errors: [String: String] = [:], created: Created? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let services = try req.grid
        let language = req.language
        let time = ConsoleTime(timeZone: services.calendar.timeZone)
        let all = try await Open311ClientStore.all(on: req.db)
        let items = all.map { client in
            Item(
                id: client.id.uuidString, name: client.name, keyHint: "…" + client.keyHint, rate: client.ratePerMinute, active: client.active,
                state: services.strings.text(client.active ? "admin_open311_active" : "admin_open311_inactive", language),
                lastUsed: client.lastUsedAt.map { time.text($0) } ?? services.strings.text("admin_open311_never", language),
                createdBy: client.createdBy, createdAt: time.text(client.createdAt))
        }
        let host = req.headers.first(name: .host) ?? "\(services.config.hostname):\(services.config.port)"
        let context = ListPage(
            shell: shell, endpoint: "http://\(host)/open311/v2", items: items, total: all.count,
            form: Form(name: form.name, rate: form.rate ?? Open311ClientService.defaultRatePerMinute), errors: errors, created: created)
        return try await AdminRender.page(req, "console/admin-open311", context, status: status)
    }

    private func create(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let form = (try? req.content.decode(Form.self)) ?? Form()
        do {
            let (client, key) = try await clients.create(
                name: form.name ?? "", ratePerMinute: form.rate ?? Open311ClientService.defaultRatePerMinute,
                by: principal.auditActor(for: req), on: req.db)
            return try await list(req, shell, created: Created(name: client.name, key: key))
        } catch let failure as ValidationFailure {
            let field = failure.field == "rate_per_minute" ? "rate" : (failure.field ?? "form")
            return try await list(req, shell, form: form, errors: [field: failure.reason.text(in: req.language)], status: .unprocessableEntity)
        }
    }
}
