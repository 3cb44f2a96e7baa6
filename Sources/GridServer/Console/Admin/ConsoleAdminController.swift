import Foundation
import GridCore
import Vapor

/// The console's administration (系统设置): a landing page linking the admission list, the
/// holiday calendar, the overdue policy, webhook subscriptions and user accounts, each shown to
/// those who hold its right. The pages change things through the same services as the API, so
/// the checks and the audit log are the same whichever way an administrator goes.
struct ConsoleAdminController {
    let accounts: AccountService
    let webhooks: WebhookService

    /// The administration pages: path, title key, description key and the right each needs
    /// (the right of the API route that makes the page's change).
    static let pages: [(href: String, key: String, description: String, permission: Permission)] = [
        ("/console/admin/catalog", "admin_catalog_title", "admin_catalog_about", .catalogManage),
        ("/console/admin/calendar", "admin_calendar_title", "admin_calendar_about", .calendarManage),
        ("/console/admin/overdue", "admin_overdue_title", "admin_overdue_about", .settingsManage),
        ("/console/admin/risk-rules", "admin_risk_rules_title", "admin_risk_rules_about", .settingsManage),
        ("/console/admin/webhooks", "admin_webhooks_title", "admin_webhooks_about", .settingsManage),
        ("/console/admin/open311", "admin_open311_title", "admin_open311_about", .settingsManage),
        ("/console/users", "admin_users_title", "admin_users_about", .usersManage),
    ]

    /// Whoever holds one of these sees the 系统设置 menu entry and may open the landing page.
    static let rights: [Permission] = [.catalogManage, .calendarManage, .settingsManage, .usersManage]

    struct LandingPage: Encodable, Sendable {
        struct Link: Encodable, Sendable {
            var href: String
            var title: String
            var description: String
        }

        var shell: ShellContext
        var links: [Link]
    }

    func register(_ routes: any RoutesBuilder) {
        routes.grouped("console").get("admin") { req in
            try await ConsoleGate.page(req, titleKey: "admin_menu", path: "/console/admin") { shell, principal in
                let services = try req.grid
                let held = Self.pages.filter { principal.holds($0.permission, policy: services.policy) }
                guard !held.isEmpty else { throw AccessDenial.missingPermission(Self.rights[0]) }
                let language = req.language
                let page = LandingPage(shell: shell, links: held.map {
                    .init(href: $0.href, title: services.strings.text($0.key, language), description: services.strings.text($0.description, language))
                })
                return try await AdminRender.page(req, "console/admin-home", page)
            }
        }
        ConsoleCatalogController().register(routes)
        ConsoleCalendarController().register(routes)
        ConsoleOverdueController().register(routes)
        ConsoleRiskRulesController().register(routes)
        ConsoleWebhooksController(webhooks: webhooks).register(routes)
        ConsoleOpen311Controller(clients: Open311ClientService(services: accounts.services)).register(routes)
        ConsoleUserAdminController(accounts: accounts).register(routes)
    }
}

/// What the administration pages share: rendering with a status, reading an uploaded CSV, and
/// one line of an import preview.
enum AdminRender {
    static func page(_ req: Request, _ template: String, _ context: some Encodable & Sendable, status: HTTPStatus = .ok) async throws -> Response {
        let response = try await req.view.render(template, context).encodeResponse(for: req)
        response.status = status
        return response
    }

    /// The CSV an administrator sent: the uploaded file (`file`, multipart) if it has content,
    /// else the pasted text (`csv`). Nil when both are empty.
    static func uploadedCSV(_ req: Request) -> String? {
        if let file = try? req.content.get(File.self, at: "file"), file.data.readableBytes > 0 {
            return String(decoding: file.data.readableBytesView, as: UTF8.self)
        }
        if let text = try? req.content.get(String.self, at: "csv"), !text.allSatisfy(\.isWhitespace) {
            return text
        }
        return nil
    }

    /// One problem of an import file, as the preview lists it.
    struct Problem: Encodable, Sendable {
        var line: Int
        var column: String
        var message: String
    }

    /// The text shown for a yes/no flag in a table.
    static func yes(_ flag: Bool, _ shell: ShellContext) -> String {
        flag ? shell.t["admin_yes"] ?? "是" : ""
    }
}
