import FluentKit
import Foundation
import GridCore
import GridStore

/// Keeping basic data current (基础数据维护): an edit or a move-out writes the new version only
/// over the version the editor read (else 409), keeps the change in the record's history and in
/// the audit log, and never deletes anyone.
struct RecordEditService {
    let services: GridServices

    static let staleVersion = LocalizedText(
        zh: "该记录已被他人修改，请刷新后重试", en: "someone else changed this record first; reload and try again")

    private var today: CalendarDay { services.calendar.day(of: services.clock.now) }

    /// Applies `update` to the person `id` within `scope`.
    func editPerson(_ id: UUID, update: PersonUpdateDTO, scope: UnitPath, actor: AuditActor, on db: any Database) async throws {
        let current = try await person(id, scope: scope, on: db)
        try Self.requireVersion(update.version, current.version)
        var changed = try update.applied(to: current.record, today: today)
        if let roomID = update.roomID, roomID != current.record.roomID {
            guard let room = try await BasicDataRecords.room(roomID, keyRing: services.keyRing, on: db), scope.contains(room.record.gridPath) else {
                throw ValidationFailure(field: "room_id", zh: "找不到该房屋或不在您的辖区内", en: "no such room in your area")
            }
            changed.gridPath = room.record.gridPath
        }
        try await savePerson(changed, over: current, summary: Self.summary(update.reason, default: "edited"), action: "person.edited", actor: actor, on: db)
    }

    /// Closes the person's residence (迁出) on `request.movedOutOn` (today when absent).
    func moveOut(_ id: UUID, request: MoveOutRequestDTO, scope: UnitPath, actor: AuditActor, on db: any Database) async throws {
        let current = try await person(id, scope: scope, on: db)
        try Self.requireVersion(request.version, current.version)
        var day = today
        if let text = request.movedOutOn {
            guard let parsed = CalendarDay(iso: text.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationFailure(field: "moved_out_on", zh: "日期应为 YYYY-MM-DD 格式的真实日期", en: "must be a real YYYY-MM-DD date")
            }
            day = parsed
        }
        let moved: Person
        do { moved = try current.record.movingOut(on: day, recordedOn: today) } catch {
            throw ValidationFailure(field: "moved_out_on", reason: error.reason)
        }
        try await savePerson(
            moved, over: current, summary: Self.summary(request.reason.map { "moved out: \($0)" }, default: "moved out"),
            action: "person.moved_out", actor: actor, on: db)
    }

    /// Writes a person's new version (used by edits, move-outs and accepted declarations).
    func savePerson(
        _ changed: Person, over current: BasicDataRecords.Versioned<Person>, summary: String, action: String, actor: AuditActor,
        on db: any Database
    ) async throws {
        let diff = RecordDiff(from: current.record, to: changed)
        let keyRing = services.keyRing
        let now = services.clock.now
        try await commit(diff, action: action, target: ("person", changed.id, changed.description, changed.gridPath), summary: summary, actor: actor, on: db) { tx in
            try await BasicDataStore.update(
                person: changed, expectedVersion: current.version, summary: summary, diff: diff, by: actor.name, at: now, keyRing: keyRing, on: tx)
        }
    }

    func editRoom(_ id: UUID, update: RoomUpdateDTO, scope: UnitPath, actor: AuditActor, on db: any Database) async throws {
        guard let current = try await BasicDataRecords.room(id, keyRing: services.keyRing, on: db), scope.contains(current.record.gridPath),
              let building = try await BasicDataStore.building(current.record.buildingID, on: db)
        else { throw GridHTTPError.notFound }
        try Self.requireVersion(update.version, current.version)
        let changed = try update.applied(to: current.record, in: building, today: today)
        let diff = RecordDiff(from: current.record, to: changed)
        let summary = Self.summary(update.reason, default: "edited")
        let (keyRing, now) = (services.keyRing, services.clock.now)
        let description = changed.address(in: building).fullText
        try await commit(diff, action: "room.edited", target: ("room", id, description, changed.gridPath), summary: summary, actor: actor, on: db) { tx in
            try await BasicDataStore.update(
                room: changed, in: building, expectedVersion: current.version, summary: summary, diff: diff, by: actor.name, at: now,
                keyRing: keyRing, on: tx)
        }
    }

    func editOrganization(_ id: UUID, update: OrganizationUpdateDTO, scope: UnitPath, actor: AuditActor, on db: any Database) async throws {
        guard let current = try await BasicDataRecords.organization(id, keyRing: services.keyRing, on: db), scope.contains(current.record.gridPath)
        else { throw GridHTTPError.notFound }
        try Self.requireVersion(update.version, current.version)
        let changed = try update.applied(to: current.record, today: today)
        let diff = RecordDiff(from: current.record, to: changed)
        let summary = Self.summary(update.reason, default: "edited")
        let (keyRing, now) = (services.keyRing, services.clock.now)
        try await commit(diff, action: "organization.edited", target: ("organization", id, changed.name, changed.gridPath), summary: summary, actor: actor, on: db) { tx in
            try await BasicDataStore.update(
                organization: changed, expectedVersion: current.version, summary: summary, diff: diff, by: actor.name, at: now,
                keyRing: keyRing, on: tx)
        }
    }

    private func person(_ id: UUID, scope: UnitPath, on db: any Database) async throws -> BasicDataRecords.Versioned<Person> {
        guard let current = try await BasicDataRecords.person(id, keyRing: services.keyRing, on: db), scope.contains(current.record.gridPath) else {
            throw GridHTTPError.notFound
        }
        return current
    }

    /// Runs `write` (false: the version moved on) and the audit entry in one transaction; nothing
    /// when nothing changed.
    private func commit(
        _ diff: RecordDiff, action: String, target: (type: String, id: UUID, description: String, path: UnitPath), summary: String,
        actor: AuditActor, on db: any Database, write: @escaping @Sendable (any Database) async throws -> Bool
    ) async throws {
        guard !diff.isEmpty else { return }
        let now = services.clock.now
        try await db.transaction { tx in
            guard try await write(tx) else { throw GridHTTPError.conflict(Self.staleVersion) }
            try await AuditLog.record(
                AuditRecord(action: action, targetType: target.type, targetID: target.id.uuidString,
                            summary: "\(target.description) [\(diff.fields.joined(separator: ","))]: \(summary)", unitPath: target.path),
                by: actor, on: tx, now: now)
        }
    }

    /// The editor's version must be the stored one: a stale form is refused before it is checked.
    static func requireVersion(_ sent: Int, _ stored: Int) throws {
        guard sent == stored else { throw GridHTTPError.conflict(staleVersion) }
    }

    static func summary(_ reason: String?, default fallback: String) -> String {
        reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty ?? fallback
    }
}
