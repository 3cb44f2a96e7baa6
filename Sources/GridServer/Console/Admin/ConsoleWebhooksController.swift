import Foundation
import GridCore
import GridStore
import Vapor

/// Webhook subscriptions in the console (消息推送订阅): the subscriptions of units in the
/// viewer's scope with the state of each one's last delivery, creating one (its signing secret
/// is shown once, on the page that answers the creation), switching one off and on, and one
/// subscription's delivery log — all through `WebhookService` like `/api/v1/webhooks`.
struct ConsoleWebhooksController {
    let webhooks: WebhookService

    static let perPage = 30

    struct ListPage: Encodable, Sendable {
        var shell: ShellContext
        var items: [Item]
        var total: Int
        var pager: ConsolePager
        var kinds: [Kind]
        var form: Form
        var errors: [String: String]
        var created: Created?
    }

    struct Item: Encodable, Sendable {
        var id: String
        var unit: String
        var url: String
        var kinds: String
        var active: Bool
        var state: String
        var lastDelivery: String
        var createdBy: String
        var createdAt: String
    }

    struct Kind: Encodable, Sendable {
        var value: String
        var label: String
        var checked: Bool
    }

    struct Form: Content, Sendable {
        var url: String?
        var unit: String?
        var kinds: [String]?
    }

    /// The answer to a creation: the only time the secret is shown.
    struct Created: Encodable, Sendable {
        var url: String
        var secret: String
    }

    struct DeliveriesPage: Encodable, Sendable {
        var shell: ShellContext
        var subscription: Item
        var deliveries: [Delivery]
        var total: Int
        var pager: ConsolePager
    }

    struct Delivery: Encodable, Sendable {
        var createdAt: String
        var kind: String
        var event: String
        var status: String
        var attempts: Int
        var lastStatus: String
        var lastError: String
        var deliveredAt: String
        var nextAttemptAt: String
    }

    func register(_ routes: any RoutesBuilder) {
        let admin = routes.grouped("console", "admin", "webhooks")
        admin.get { req in
            try await gate(req) { shell, principal in try await list(req, shell, principal) }
        }
        admin.post { req in
            try await gate(req) { shell, principal in try await create(req, shell, principal) }
        }
        admin.get(":id") { req in
            try await gate(req) { shell, principal in try await deliveries(req, shell, principal) }
        }
        for (verb, active) in [("disable", false), ("enable", true)] {
            admin.post(":id", .constant(verb)) { req in
                try await gate(req) { _, principal in
                    guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw GridHTTPError.notFound }
                    _ = try await webhooks.setActive(id, active, by: principal, on: req.db)
                    return req.redirect(to: "/console/admin/webhooks", redirectType: .normal)
                }
            }
        }
    }

    private func gate(_ req: Request, render: (ShellContext, Principal) async throws -> Response) async throws -> Response {
        try await ConsoleGate.page(req, titleKey: "admin_webhooks_title", path: "/console/admin", needs: .settingsManage, render: render)
    }

    // MARK: list and create

    private func list(
        _ req: Request, _ shell: ShellContext, _ principal: Principal, form: Form = Form(), errors: [String: String] = [:],
        created: Created? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let language = req.language
        let all = try await WebhookStore.subscriptions(under: principal.unitPath, on: req.db)
        let pages = max(1, (all.count + Self.perPage - 1) / Self.perPage)
        let number = min(max(1, req.query[Int.self, at: "page"] ?? 1), pages)
        var items: [Item] = []
        for stored in all.dropFirst((number - 1) * Self.perPage).prefix(Self.perPage) {
            items.append(try await item(stored, req, shell))
        }
        let chosen = Set(form.kinds ?? [])
        let context = ListPage(
            shell: shell, items: items, total: all.count,
            pager: ConsolePager(total: all.count, page: number, per: Self.perPage, link: "/console/admin/webhooks"),
            kinds: EventNotice.Kind.allCases.map {
                Kind(value: $0.rawValue, label: $0.message.text(in: language), checked: chosen.contains($0.rawValue))
            },
            form: form, errors: errors, created: created)
        return try await AdminRender.page(req, "console/admin-webhooks", context, status: status)
    }

    private func create(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let unit = form.unit?.trimmingCharacters(in: .whitespaces)
        let request = CreateWebhookRequestDTO(
            url: form.url ?? "", unit: unit?.isEmpty == false ? unit : nil, kinds: form.kinds?.filter { !$0.isEmpty })
        do {
            let created = try await webhooks.create(request, by: principal, on: req.db)
            return try await list(req, shell, principal, created: Created(url: created.url, secret: created.secret ?? ""))
        } catch let failures as ValidationFailures {
            return try await list(
                req, shell, principal, form: form, errors: ConsolePagesController.fieldErrors(failures.failures, req.language),
                status: .unprocessableEntity)
        } catch let failure as ValidationFailure {
            return try await list(
                req, shell, principal, form: form, errors: ConsolePagesController.fieldErrors([failure], req.language),
                status: .unprocessableEntity)
        }
    }

    private func item(_ stored: WebhookStore.StoredSubscription, _ req: Request, _ shell: ShellContext) async throws -> Item {
        let services = try req.grid
        let language = req.language
        let time = ConsoleTime(timeZone: services.calendar.timeZone)
        let subscription = stored.subscription
        var unit: OrgUnit?
        if let code = subscription.unitPath.codes.last { unit = try await UnitStore.find(code: code, on: req.db) }
        let last = try await WebhookStore.deliveries(of: subscription.id, page: 1, per: 1, on: req.db).items.first
        let lastDelivery = last.map { delivery in
            [time.text(delivery.createdAt), Self.statusText(delivery.status, services.strings, language)].joined(separator: " ")
        } ?? services.strings.text("admin_webhooks_never", language)
        return Item(
            id: subscription.id.uuidString,
            unit: unit.map { "\($0.name)（\($0.code.rawValue)）" } ?? subscription.unitPath.rawValue,
            url: subscription.url.absoluteString,
            kinds: subscription.kinds.isEmpty ? services.strings.text("admin_webhooks_all_kinds", language)
                : subscription.kinds.joined(separator: ", "),
            active: subscription.active,
            state: services.strings.text(subscription.active ? "admin_webhooks_active" : "admin_webhooks_inactive", language),
            lastDelivery: lastDelivery, createdBy: stored.createdBy, createdAt: time.text(stored.createdAt))
    }

    private static func statusText(_ status: WebhookStore.Status, _ strings: PageStrings, _ language: Language) -> String {
        strings.text("admin_webhooks_status_\(status.rawValue)", language)
    }

    // MARK: deliveries

    private func deliveries(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw GridHTTPError.notFound }
        let stored = try await webhooks.stored(id, by: principal, on: req.db)
        let services = try req.grid
        let language = req.language
        let time = ConsoleTime(timeZone: services.calendar.timeZone, seconds: true)
        let number = max(1, req.query[Int.self, at: "page"] ?? 1)
        let (items, total) = try await WebhookStore.deliveries(of: id, page: number, per: Self.perPage, on: req.db)
        let context = DeliveriesPage(
            shell: shell, subscription: try await item(stored, req, shell),
            deliveries: items.map { delivery in
                Delivery(
                    createdAt: time.text(delivery.createdAt), kind: delivery.kind, event: delivery.eventID?.uuidString ?? "",
                    status: Self.statusText(delivery.status, services.strings, language), attempts: delivery.attempts,
                    lastStatus: delivery.lastStatus.map(String.init) ?? "", lastError: delivery.lastError ?? "",
                    deliveredAt: time.text(delivery.deliveredAt),
                    nextAttemptAt: delivery.status == .pending ? time.text(delivery.nextAttemptAt) : "")
            },
            total: total, pager: ConsolePager(total: total, page: number, per: Self.perPage, link: "/console/admin/webhooks/\(id.uuidString)"))
        return try await AdminRender.page(req, "console/admin-webhook", context)
    }
}
