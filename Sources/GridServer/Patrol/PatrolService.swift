import FluentKit
import Foundation
import GridCore
import GridStore

/// The patrol log's writes and reads. A phone sends a patrol's whole state whenever it changes,
/// offline-first: the id is the phone's, a replay changes nothing twice, the first stop stands.
struct PatrolService: Sendable {
    let services: GridServices

    /// Creates or advances patrol `id`; answers it and whether it was new.
    func upsert(_ id: UUID, _ request: PatrolUpsertDTO, by principal: Principal, actor: AuditActor, on db: any Database) async throws -> (StoredPatrol, Bool) {
        let now = services.clock.now
        if let failure = PatrolRules.problem(start: request.startedAt, end: request.endedAt, now: now) { throw failure }
        let calendar = services.calendar
        return try await db.transaction { tx in
            if var stored = try await PatrolStore.find(id, on: tx) {
                // Someone else's patrol id is not this caller's business.
                guard stored.patrol.workerID == principal.account.id else { throw GridHTTPError.notFound }
                let before = stored.patrol
                let ending = stored.patrol.endedAt == nil && request.endedAt != nil
                if ending { stored.patrol.endedAt = request.endedAt }
                stored.patrol.record(request.points ?? [])
                stored.patrol.link(try await Self.ownEvents(request.events, of: principal, besides: stored.patrol.eventIDs, on: tx))
                try await PatrolStore.save(stored.patrol, workerName: stored.workerName, day: stored.day, isNew: false, on: tx, now: now)
                try await IndicatorStore.apply(PatrolFacts.delta(from: before, to: stored.patrol, calendar: IndicatorStore.calendar), on: tx)
                if ending { try await audit("patrol.ended", stored, actor: actor, on: tx, now: now) }
                return (stored, false)
            }
            let grid = try await Self.grid(request.grid, for: principal, on: tx)
            var patrol = Patrol(id: id, workerID: principal.account.id, gridPath: grid.path, startedAt: request.startedAt, endedAt: request.endedAt)
            patrol.record(request.points ?? [])
            patrol.link(try await Self.ownEvents(request.events, of: principal, besides: [], on: tx))
            let stored = StoredPatrol(patrol: patrol, workerName: principal.account.displayName, day: calendar.day(of: patrol.startedAt))
            // A replay racing its original: the original stands, and this answers it.
            guard try await PatrolStore.save(patrol, workerName: stored.workerName, day: stored.day, isNew: true, on: tx, now: now) else {
                guard let original = try await PatrolStore.find(id, on: tx), original.patrol.workerID == principal.account.id else {
                    throw GridHTTPError.notFound
                }
                return (original, false)
            }
            try await IndicatorStore.apply(PatrolFacts.delta(from: nil, to: patrol, calendar: IndicatorStore.calendar), on: tx)
            try await audit("patrol.started", stored, actor: actor, on: tx, now: now)
            if patrol.endedAt != nil { try await audit("patrol.ended", stored, actor: actor, on: tx, now: now) }
            return (stored, true)
        }
    }

    /// The events among `ids` that the caller reported, apart from those already linked. Others
    /// (not yet arrived, refused, someone else's) are left out rather than failing the patrol:
    /// the phone sends its whole list again with the next change.
    static func ownEvents(_ ids: [UUID]?, of principal: Principal, besides linked: [UUID], on db: any Database) async throws -> [UUID] {
        let known = Set(linked)
        var found: [UUID] = []
        for id in Set(ids ?? []).subtracting(known).prefix(PatrolRules.linkedEventLimit) {
            if let event = try await EventStore.find(id, on: db), event.snapshot.reporterID == principal.account.id { found.append(id) }
        }
        return found
    }

    /// The grid patrolled: the one named, which must lie in the caller's scope, else the caller's own.
    static func grid(_ code: String?, for principal: Principal, on db: any Database) async throws -> OrgUnit {
        guard let code, !code.isEmpty else {
            guard principal.account.unit.kind.isGrid else {
                throw ValidationFailure(field: "grid", zh: "请指定巡查的网格", en: "name the grid patrolled")
            }
            return principal.account.unit
        }
        guard let unit = try await UnitStore.find(code: code, on: db), unit.kind.isGrid, principal.unitPath.contains(unit.path) else {
            throw ValidationFailure(field: "grid", zh: "网格“\(code)”不在您的辖区内", en: "grid '\(code)' is not in your area")
        }
        return unit
    }

    private func audit(_ action: String, _ stored: StoredPatrol, actor: AuditActor, on db: any Database, now: Date) async throws {
        try await AuditLog.record(
            AuditRecord(action: action, targetType: "patrol", targetID: stored.patrol.id.uuidString,
                        summary: "\(stored.workerName) \(action == "patrol.started" ? "started" : "ended") a patrol of \(stored.patrol.gridPath.codes.last ?? "")",
                        unitPath: stored.patrol.gridPath),
            by: actor, on: db, now: now)
    }

    func dto(_ stored: StoredPatrol, withTrack: Bool) -> PatrolDTO {
        let now = services.clock.now
        return PatrolDTO(
            id: stored.patrol.id, workerID: stored.patrol.workerID, workerName: stored.workerName, gridPath: stored.patrol.gridPath.rawValue,
            gridCode: stored.patrol.gridPath.codes.last ?? "", day: stored.day.description, startedAt: stored.patrol.startedAt,
            endedAt: stored.patrol.endedAt,
            seconds: Int(stored.patrol.seconds(from: .distantPast, to: .distantFuture, now: now)),
            distanceM: Int(stored.patrol.distance.rounded()), track: withTrack ? stored.patrol.track : nil, eventIDs: stored.patrol.eventIDs)
    }

    /// A day's patrols under `path` (or one worker's) and each worker's time on that local day.
    func day(_ day: CalendarDay, under path: UnitPath, worker: UUID?, on db: any Database) async throws -> PatrolDayDTO {
        // Patrols begun the day before may run past midnight into this day.
        let patrols = try await PatrolStore.list(under: path, worker: worker, days: day.adding(days: -1)...day, on: db)
        let now = services.clock.now
        let calendar = services.calendar
        var workers: [UUID: (name: String, patrols: [Patrol])] = [:]
        for stored in patrols { workers[stored.patrol.workerID, default: (stored.workerName, [])].patrols.append(stored.patrol) }
        let totals = workers.map { id, entry in
            let seconds = Int(PatrolRules.seconds(of: entry.patrols, on: day, calendar: calendar, now: now))
            return PatrolDayDTO.Worker(workerID: id, workerName: entry.name, seconds: seconds, met: Double(seconds) >= PatrolRules.dailyStandard)
        }.sorted { ($0.seconds, $1.workerName) > ($1.seconds, $0.workerName) }
        return PatrolDayDTO(
            day: day.description, standardSeconds: Int(PatrolRules.dailyStandard),
            items: patrols.filter { $0.day == day }.map { dto($0, withTrack: false) }, workers: totals)
    }
}
