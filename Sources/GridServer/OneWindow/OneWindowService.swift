import FluentKit
import Foundation
import GridCore
import GridStore

/// The one-window desk (一窗式受理) over the store: the front desk registers a resident's request
/// (the person sealed, the phone also hashed for the resident's lookup), hands it to the back
/// office, which completes or declines it; each step under the request's version, with its audit row.
struct OneWindowService: Sendable {
    let services: GridServices

    /// Largest queue a page or the API answers.
    static let queueLimit = 500

    /// Registers a request at the desk of `principal`'s unit; a repeat of the same client id
    /// answers the first request (`created == false`).
    func register(_ body: OneWindowRegisterDTO, by principal: Principal, actor: AuditActor, on db: any Database) async throws -> (OneWindowRequest, Bool) {
        if let id = body.id, let existing = try await OneWindowStore.find(id, on: db) {
            guard principal.unitPath.contains(existing.unitPath) else { throw GridHTTPError.notFound }
            return (existing, false)
        }
        let draft = try OneWindowRules.draft(service: body.service, applicantName: body.applicantName, phone: body.phone, note: body.note ?? "")
        let photos = PhotoStore(dataDirectory: services.config.dataDirectory, policy: PhotoPolicy(maxBytes: 8 * 1024 * 1024, maxPerSubmission: 9))
        let encoded = body.documents ?? []
        guard encoded.count <= photos.policy.maxPerSubmission else {
            throw ValidationFailure(field: "documents", zh: "材料照片最多 \(photos.policy.maxPerSubmission) 张", en: "at most \(photos.policy.maxPerSubmission) photos")
        }
        let documents = try encoded.enumerated().map { index, text in
            guard let data = Data(base64Encoded: text) else {
                throw ValidationFailure(field: "documents[\(index)]", zh: "照片应为 Base64 编码", en: "a photo must be Base64")
            }
            return try photos.save(data, field: "documents[\(index)]")
        }
        let now = services.clock.now
        let keyRing = services.keyRing
        let day = services.calendar.day(of: now)
        let request: OneWindowRequest = try await db.transaction { tx in
            let request = OneWindowRequest(
                id: body.id ?? UUID(), number: try await OneWindowStore.nextNumber(day: day, on: tx), unitPath: principal.unitPath,
                serviceCode: draft.item.code, applicantMasked: Masking.maskName(draft.applicantName), phoneMasked: draft.phone.masked,
                note: draft.note, registeredBy: principal.account.displayName, registeredAt: now)
            try await OneWindowStore.insert(
                request, applicantSealed: try keyRing.seal(draft.applicantName), phoneHash: keyRing.searchHash(draft.phone.value),
                phoneSealed: try keyRing.seal(draft.phone.value), on: tx)
            for document in documents {
                try await OneWindowStore.addDocument(request.id, .init(sha256: document.sha256, kind: document.kind, size: document.size), on: tx, now: now)
            }
            try await AuditLog.record(
                AuditRecord(action: "one_window.registered", targetType: "one_window", targetID: request.id.uuidString,
                            summary: "\(request.number) \(draft.item.name.zhHans) \(request.applicantMasked)", unitPath: request.unitPath),
                by: actor, on: tx, now: now)
            return request
        }
        return (request, true)
    }

    /// Applies a step named on the wire (`hand_over`, `complete`, `reject`).
    func act(_ id: UUID, action name: String, input: OneWindowActionDTO, by principal: Principal, actor: AuditActor, on db: any Database) async throws -> OneWindowRequest {
        guard let request = try await OneWindowStore.find(id, on: db), principal.unitPath.contains(request.unitPath) else {
            throw GridHTTPError.notFound
        }
        if let version = input.version, version != request.version {
            throw GridHTTPError.conflict(LocalizedText(zh: "该受理件已被他人处理，请刷新后重试", en: "someone else changed this request; reload and try again"))
        }
        let action: OneWindowAction
        switch name {
        case "hand_over": action = .handOver
        case "complete": action = .complete(outcome: input.outcome ?? "")
        case "reject": action = .reject(reason: input.reason ?? "")
        default: throw GridHTTPError.notFound
        }
        let now = services.clock.now
        let next: OneWindowRequest
        do {
            next = try OneWindowRules.apply(action, to: request, by: principal.account.displayName, now: now, calendar: services.calendar)
        } catch let refusal as OneWindowRefusal {
            throw GridHTTPError.conflict(refusal.reason)
        }
        let saved: Bool = try await db.transaction { tx in
            guard try await OneWindowStore.update(next, fromVersion: request.version, on: tx) else { return false }
            try await AuditLog.record(
                AuditRecord(action: "one_window.\(action.name)", targetType: "one_window", targetID: id.uuidString,
                            summary: "\(request.number) \(request.state.rawValue) → \(next.state.rawValue)" + (next.outcome.map { ": \($0)" } ?? ""),
                            unitPath: request.unitPath),
                by: actor, on: tx, now: now)
            return true
        }
        guard saved else {
            throw GridHTTPError.conflict(LocalizedText(zh: "该受理件已被他人处理，请刷新后重试", en: "someone else changed this request; reload and try again"))
        }
        return next
    }

    /// The queue of the desks at or below `unit`, with its counts and times.
    func queue(under path: UnitPath, on db: any Database) async throws -> (requests: [OneWindowRequest], stats: OneWindowQueueStats) {
        let requests = try await OneWindowStore.list(under: path, limit: Self.queueLimit, on: db)
        let calendar = services.calendar
        return (requests, OneWindowQueueStats(requests, today: calendar.day(of: services.clock.now), calendar: calendar))
    }

    func dto(_ request: OneWindowRequest, language: Language, on db: any Database) async throws -> OneWindowRequestDTO {
        let documents = try await OneWindowStore.documents(request.id, on: db).map(\.sha256)
        return OneWindowRequestDTO(request, documents: documents, today: services.calendar.day(of: services.clock.now), language: language)
    }

    /// The resident's lookup (portal): the request with this ticket if `phone` is its phone.
    func lookup(ticket: String, phone: String, on db: any Database) async throws -> OneWindowRequest? {
        guard let mobile = try? MobileNumber(phone), let (request, hash) = try await OneWindowStore.find(number: ticket, on: db),
              constantTimeEquals(hash, services.keyRing.searchHash(mobile.value))
        else { return nil }
        return request
    }
}
