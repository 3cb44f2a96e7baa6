import FluentKit
import Foundation
import GridCore
import GridStore

/// Self-declaration (自主申报): residents, landlords and employers declare a new tenant, a
/// move-out or a new employee without an account; the declaration waits in the review queue of
/// the grid it concerns; accepting it applies the change to the register (with history),
/// rejecting it keeps the reason for the declarant, who looks it up with the receipt number.
struct DeclarationService {
    let services: GridServices

    static let unknownRoom = LocalizedText(
        zh: "找不到该地址编码对应的房屋，请核对门牌或联系网格员", en: "no room has this address code; check the door plate or ask your grid worker")
    static let unknownEmployer = LocalizedText(
        zh: "该统一社会信用代码的单位尚未登记，请联系网格员", en: "no organisation is registered with this credit code; ask your grid worker")

    /// Checks and stores a declaration; `submittedBy` is the signed-in user, nil for the public form.
    func submit(_ draft: DeclarationDraft, submittedBy actor: AuditActor?, on db: any Database) async throws -> Declaration {
        let now = services.clock.now
        let content = try draft.validated(today: services.calendar.day(of: now))
        var gridPath: UnitPath
        var roomID: UUID?
        var organizationID: UUID?
        switch content.kind {
        case .newTenant, .movedOut:
            guard let code = content.addressCode, let target = try await BasicDataStore.addresses(codes: [code], on: db)[code],
                  let room = target.roomID
            else { throw ValidationFailure(field: "address_code", reason: Self.unknownRoom) }
            (gridPath, roomID) = (target.gridPath, room)
        case .newEmployee:
            guard let code = content.creditCode?.value, let employer = try await BasicDataStore.organization(creditCode: code, on: db) else {
                throw ValidationFailure(field: "credit_code", reason: Self.unknownEmployer)
            }
            (gridPath, organizationID) = (employer.gridPath, employer.id)
        }
        var generator = SystemRandomNumberGenerator()
        let declaration = Declaration(
            id: UUID(), receipt: DeclarationReceipt.make(using: &generator), content: content, gridPath: gridPath, roomID: roomID,
            organizationID: organizationID, submittedAt: now, submittedBy: actor?.id == nil ? nil : actor?.name)
        let keyRing = services.keyRing
        try await db.transaction { tx in
            try await DeclarationStore.insert(declaration, keyRing: keyRing, on: tx)
            try await AuditLog.record(
                AuditRecord(action: "declaration.submitted", targetType: "declaration", targetID: declaration.id.uuidString,
                            summary: "\(declaration.kind.rawValue) \(declaration.receipt) \(Masking.maskName(content.personName))",
                            unitPath: declaration.gridPath),
                by: actor ?? AuditActor(id: nil, name: "declarant", clientAddress: nil), on: tx, now: now)
        }
        return declaration
    }

    /// Accepts (applying the change) or rejects (with the reason) a pending declaration in `scope`.
    func review(_ id: UUID, _ request: DeclarationReviewDTO, scope: UnitPath, actor: AuditActor, on db: any Database) async throws -> Declaration {
        let keyRing = services.keyRing
        guard let stored = try await DeclarationStore.find(id, keyRing: keyRing, on: db), scope.contains(stored.record.gridPath) else {
            throw GridHTTPError.notFound
        }
        let now = services.clock.now
        let declaration = stored.record
        switch request.decision {
        case "reject":
            let rejected = try declaration.rejected(by: actor.name, at: now, reason: request.reason ?? "")
            try await db.transaction { tx in
                try await Self.save(rejected, over: stored.version, keyRing: keyRing, on: tx)
                try await AuditLog.record(
                    AuditRecord(action: "declaration.rejected", targetType: "declaration", targetID: id.uuidString,
                                summary: "\(declaration.receipt): \(rejected.rejectionReason ?? "")", unitPath: declaration.gridPath),
                    by: actor, on: tx, now: now)
            }
            return rejected
        case "accept":
            return try await accept(stored, actor: actor, on: db)
        default:
            throw ValidationFailure(field: "decision", zh: "审核结论应为 accept（采纳）或 reject（退回）", en: "decision must be accept or reject")
        }
    }

    private func accept(_ stored: BasicDataRecords.Versioned<Declaration>, actor: AuditActor, on db: any Database) async throws -> Declaration {
        let keyRing = services.keyRing
        let now = services.clock.now
        let today = services.calendar.day(of: now)
        let declaration = stored.record
        // The review state is checked before the register is read: a second review is a conflict, not a new person.
        _ = try declaration.accepted(by: actor.name, at: now, personID: UUID())
        let existing = try await BasicDataRecords.person(idHash: keyRing.searchHash(declaration.content.idNumber), keyRing: keyRing, on: db)
        let person = try declaration.effect(
            existing: existing?.record, roomID: declaration.roomID, roomGridPath: declaration.roomID == nil ? nil : declaration.gridPath,
            employerID: declaration.organizationID, employerGridPath: declaration.organizationID == nil ? nil : declaration.gridPath,
            recordedOn: today, newPersonID: UUID())
        let accepted = try declaration.accepted(by: actor.name, at: now, personID: person.id)
        let summary = "declaration \(declaration.receipt) accepted"
        let editor = RecordEditService(services: services)
        try await db.transaction { tx in
            if let existing {
                try await editor.savePerson(person, over: existing, summary: summary, action: "person.edited", actor: actor, on: tx)
            } else {
                try await BasicDataStore.insert(people: [person], keyRing: keyRing, on: tx)
                try await BasicDataStore.recordCreation(.person, id: person.id, summary: summary, by: actor.name, at: now, on: tx)
                try await RecordsCollected.count([person.gridPath], by: actor, at: now, on: tx)
            }
            try await Self.save(accepted, over: stored.version, keyRing: keyRing, on: tx)
            try await AuditLog.record(
                AuditRecord(action: "declaration.accepted", targetType: "declaration", targetID: declaration.id.uuidString,
                            summary: "\(declaration.receipt) → \(person)", unitPath: declaration.gridPath),
                by: actor, on: tx, now: now)
        }
        return accepted
    }

    private static func save(_ declaration: Declaration, over version: Int, keyRing: KeyRing, on db: any Database) async throws {
        guard try await DeclarationStore.update(declaration, expectedVersion: version, keyRing: keyRing, on: db) else {
            throw GridHTTPError.conflict(LocalizedText(zh: "该申报已被他人审核", en: "someone else reviewed this declaration first"))
        }
    }

    /// A declaration by its receipt, only for someone who also knows the declarant's phone.
    func status(receipt: String, phone: String, on db: any Database) async throws -> Declaration {
        guard let normalized = DeclarationReceipt.normalized(receipt),
              let declaration = try await DeclarationStore.find(receipt: normalized, keyRing: services.keyRing, on: db),
              let mobile = try? MobileNumber(phone), mobile == declaration.content.declarantPhone
        else { throw GridHTTPError.notFound }
        return declaration
    }
}
