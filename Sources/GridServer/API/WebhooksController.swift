import Foundation
import GridCore
import GridStore
import Vapor

/// Webhook subscriptions for department systems, and their delivery log.
struct WebhooksController {
    let webhooks: WebhookService

    func register(_ api: APIRouter) {
        api.add(.POST, "webhooks", summary: "Subscribe a system to a unit's notices (signed POSTs, retried); the secret is shown once",
                tag: "settings", access: .permission(.settingsManage), body: CreateWebhookRequestDTO.self, status: .created,
                response: WebhookDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            return try await webhooks.create(try req.decodeBody(CreateWebhookRequestDTO.self), by: principal, on: req.db)
        }
        api.add(.GET, "webhooks", summary: "Subscriptions for units in the caller's scope", tag: "settings",
                access: .permission(.settingsManage), response: WebhookListDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            return WebhookListDTO(items: try await WebhookStore.subscriptions(under: principal.unitPath, on: req.db).map(WebhookService.dto))
        }
        for (verb, active) in [("disable", false), ("enable", true)] {
            api.add(.POST, "webhooks/{id}/\(verb)", summary: active ? "Resume sending to a subscription" : "Stop sending to a subscription (kept for the record)",
                    tag: "settings", access: .permission(.settingsManage), response: WebhookDTO.self) { req, principal in
                let principal = try APIRouter.signedIn(principal)
                return try await webhooks.setActive(try req.idParameter(), active, by: principal, on: req.db)
            }
        }
        api.add(.GET, "webhooks/{id}/deliveries", summary: "Messages sent to a subscription and how each attempt went", tag: "settings",
                access: .permission(.settingsManage),
                query: [.query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200")],
                response: PageDTO<WebhookDeliveryDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let subscription = try await webhooks.stored(try req.idParameter(), by: principal, on: req.db)
            let (page, per) = try req.paging()
            let (items, total) = try await WebhookStore.deliveries(of: subscription.subscription.id, page: page, per: per, on: req.db)
            return PageDTO(items: items.map(WebhookService.dto), page: page, per: per, total: total)
        }
    }

}
