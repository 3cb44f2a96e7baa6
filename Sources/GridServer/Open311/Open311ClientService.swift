import FluentKit
import Foundation
import GridCore
import GridStore

/// Issuing and switching Open311 API keys (Open311 接入密钥), for the console, the command line
/// and the demo alike: the key is shown once, stored as SHA-256, and every change is audited.
public struct Open311ClientService: Sendable {
    let services: GridServices

    public init(services: GridServices) {
        self.services = services
    }

    /// Requests a minute a new key may make unless told otherwise.
    public static let defaultRatePerMinute = 60

    /// Creates a client and its key; `key` is for the demo's well-known key, otherwise a random one is made.
    public func create(
        name rawName: String, ratePerMinute: Int = Open311ClientService.defaultRatePerMinute, key fixedKey: String? = nil,
        by actor: AuditActor, on db: any Database
    ) async throws -> (client: Open311Client, key: String) {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else {
            throw ValidationFailure(field: "name", zh: "请填写接入方名称（最多 100 字）", en: "give the client a name (at most 100 characters)")
        }
        guard (1...100_000).contains(ratePerMinute) else {
            throw ValidationFailure(field: "rate_per_minute", zh: "每分钟请求数应为 1–100000", en: "requests a minute must be 1–100000")
        }
        guard try await Open311ClientStore.find(name: name, on: db) == nil else {
            throw ValidationFailure(field: "name", zh: "已有名为“\(name)”的接入方", en: "a client named \"\(name)\" already exists")
        }
        let key = fixedKey ?? "o311_" + TokenStore.randomSecret()
        let now = services.clock.now
        let client = Open311Client(
            id: UUID(), name: name, keyHint: String(key.suffix(4)), ratePerMinute: ratePerMinute, active: true, createdBy: actor.name, createdAt: now)
        try await db.transaction { tx in
            try await Open311ClientStore.insert(client, key: key, on: tx)
            try await AuditLog.record(
                AuditRecord(action: "open311.client_created", targetType: "open311_client", targetID: client.id.uuidString,
                            summary: "Open311 client \(name) (\(ratePerMinute)/min)", unitPath: nil),
                by: actor, on: tx, now: now)
        }
        return (client, key)
    }

    /// Switches a client's key off or on again.
    public func setActive(_ id: UUID, _ active: Bool, by actor: AuditActor, on db: any Database) async throws -> Open311Client {
        guard let client = try await Open311ClientStore.find(id, on: db) else { throw StoreError.notFound(what: "open311 client") }
        let now = services.clock.now
        try await db.transaction { tx in
            try await Open311ClientStore.setActive(id, active, on: tx)
            try await AuditLog.record(
                AuditRecord(action: active ? "open311.client_enabled" : "open311.client_disabled", targetType: "open311_client",
                            targetID: id.uuidString, summary: "Open311 client \(client.name)", unitPath: nil),
                by: actor, on: tx, now: now)
        }
        guard let updated = try await Open311ClientStore.find(id, on: db) else { throw StoreError.notFound(what: "open311 client") }
        return updated
    }
}
