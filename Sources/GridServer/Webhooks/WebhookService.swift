import FluentKit
import Foundation
import GridCore
import GridStore

/// Subscriptions of department systems: created by administrators for a unit, switched off and
/// on (never deleted, so the delivery record stays), and their delivery log.
public struct WebhookService: Sendable {
    let services: GridServices

    public init(services: GridServices) {
        self.services = services
    }

    public func create(_ request: CreateWebhookRequestDTO, by principal: Principal, on db: any Database) async throws -> WebhookDTO {
        let unit: OrgUnit
        if let ref = request.unit {
            guard let found = try await UnitStore.find(idOrCode: ref, on: db), principal.scope.unitPath.contains(found.path) else {
                throw ValidationFailure(field: "unit", zh: "找不到您辖区内的单位“\(ref)”", en: "no unit '\(ref)' within your scope")
            }
            unit = found
        } else {
            unit = principal.account.unit
        }
        let secret = request.secret ?? WebhookSignature.makeSecret()
        guard secret.count >= 16 else {
            throw ValidationFailure(field: "secret", zh: "签名密钥至少 16 个字符", en: "the secret must be at least 16 characters")
        }
        let subscription = try WebhookSubscription.draft(id: UUID(), unitPath: unit.path, url: request.url, kinds: request.kinds ?? [])
        let sealed = try services.keyRing.seal(secret)
        let now = services.clock.now
        let actor = principal.auditActor
        let name = principal.account.username
        try await db.transaction { tx in
            try await WebhookStore.insert(subscription, sealedSecret: sealed, by: name, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(action: "webhook.created", targetType: "webhook", targetID: subscription.id.uuidString,
                            summary: "\(unit.code.rawValue) → \(subscription.url.absoluteString)", unitPath: unit.path),
                by: actor, on: tx, now: now)
        }
        var dto = try await find(subscription.id, by: principal, on: db)
        dto.secret = secret
        return dto
    }

    public func find(_ id: UUID, by principal: Principal, on db: any Database) async throws -> WebhookDTO {
        Self.dto(try await stored(id, by: principal, on: db))
    }

    public func setActive(_ id: UUID, _ active: Bool, by principal: Principal, on db: any Database) async throws -> WebhookDTO {
        let current = try await stored(id, by: principal, on: db)
        let now = services.clock.now
        let actor = principal.auditActor
        try await db.transaction { tx in
            try await WebhookStore.setActive(id, active, on: tx)
            try await AuditLog.record(
                AuditRecord(action: active ? "webhook.enabled" : "webhook.disabled", targetType: "webhook", targetID: id.uuidString,
                            summary: current.subscription.url.absoluteString, unitPath: current.subscription.unitPath),
                by: actor, on: tx, now: now)
        }
        return try await find(id, by: principal, on: db)
    }

    func stored(_ id: UUID, by principal: Principal, on db: any Database) async throws -> WebhookStore.StoredSubscription {
        guard let stored = try await WebhookStore.find(id, on: db), principal.scope.unitPath.contains(stored.subscription.unitPath) else {
            throw StoreError.notFound(what: "webhook")
        }
        return stored
    }

    static func dto(_ stored: WebhookStore.StoredSubscription) -> WebhookDTO {
        WebhookDTO(
            id: stored.subscription.id, url: stored.subscription.url.absoluteString, unitPath: stored.subscription.unitPath.rawValue,
            kinds: stored.subscription.kinds, active: stored.subscription.active, createdBy: stored.createdBy, createdAt: stored.createdAt)
    }

    static func dto(_ delivery: WebhookStore.Delivery) -> WebhookDeliveryDTO {
        WebhookDeliveryDTO(
            id: delivery.id, kind: delivery.kind, eventID: delivery.eventID, status: delivery.status.rawValue, attempts: delivery.attempts,
            nextAttemptAt: delivery.status == .pending ? delivery.nextAttemptAt : nil, lastStatus: delivery.lastStatus,
            lastError: delivery.lastError, createdAt: delivery.createdAt, deliveredAt: delivery.deliveredAt)
    }
}
