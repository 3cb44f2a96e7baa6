import Crypto
import FluentKit
import Foundation
import GridCore
import GridStore

/// Reporting and acting on events: loads what the rules need, asks `EventMachine`, and writes the
/// transition, its timeline entry, notices, photos and audit row in one transaction under the
/// event's version.
public struct EventService: Sendable {
    let services: GridServices

    public init(services: GridServices) {
        self.services = services
    }

    /// The list in use now (administrators may replace it at any time).
    var catalog: EventCatalog { services.catalog.catalog }

    var calendar: WorkingCalendar { services.calendar }

    // MARK: report

    /// Files a report. A repeat with the same id and content returns the first event
    /// (`created == false`); the same id with other content is a conflict.
    public func report(_ request: ReportEventRequestDTO, by principal: Principal, on db: any Database) async throws -> (event: StoredEvent, created: Bool) {
        guard let type = catalog[request.type], catalog.isReportable(request.type) else {
            throw ValidationFailure(field: "type", zh: "准入清单中没有可上报的事项“\(request.type)”", en: "the admission list has no reportable item '\(request.type)'")
        }
        try type.validate(attributes: request.attributes ?? [:])
        let datum = try Datum(parsing: request.location.datum, field: "location.datum")
        let point = Coordinate(lon: request.location.lon, lat: request.location.lat)
        guard point.isValidGeographic else {
            throw ValidationFailure(field: "location", zh: "经纬度超出范围", en: "the coordinates are out of range")
        }
        let mapPoint = DatumConverter.convert(point, from: datum, to: .gcj02)
        let grid = try await grid(for: request, mapPoint: mapPoint, datum: datum, on: db)
        let anywhere = principal.holds(.eventsReportAnywhere, policy: services.policy)
        if !anywhere && !principal.scope.unitPath.contains(grid.path) {
            throw ValidationFailure(field: "location", zh: "该位置不在您的辖区内", en: "this place lies outside your area")
        }
        let photos = try decodePhotos(request.photos, field: "photos")
        let hash = contentHash(request, photoHashes: photos.map(\.sha256))
        let now = services.clock.now
        let occurredAt = min(request.occurredAt ?? now, now)
        let transition = try EventMachine.report(
            EventReport(id: request.id, gridPath: grid.path, solvedOnSpot: request.solvedOnSpot ?? false,
                        description: request.description, photos: photos.map(\.sha256)),
            type: type, by: actor(principal), now: now, calendar: calendar)
        let channel = request.channel ?? Self.defaultChannel(principal.account.roles)
        let actorName = principal.account.displayName
        let audit = principal.auditActor
        // A repeat (same id) is found by the insert itself, which then writes nothing; the
        // transaction is rolled back so that not even its ticket number is taken.
        let inserted: StoredEvent?
        do {
            inserted = try await SQLiteWriterGate.reports.run(on: db) { try await db.transaction { tx in
                let number = try await EventStore.nextNumber(day: calendar.day(of: now), on: tx)
                let stored = StoredEvent(
                    snapshot: transition.event, number: number, description: request.description, channel: channel, location: point,
                    locationDatum: datum, mapPoint: mapPoint, gridID: grid.id, occurredAt: occurredAt, reporterName: actorName,
                    attributes: request.attributes ?? [:], contentHash: hash)
                guard let saved = try await EventStore.insertReturning(stored, entry: transition.entry, actorName: actorName, on: tx, now: now)
                else { throw RepeatedReport() }
                for photo in photos {
                    try await EventStore.addPhoto(request.id, sha256: photo.sha256, kind: photo.kind, size: photo.size, stage: "report", on: tx, now: now)
                }
                for notice in transition.notifications { try await EventStore.notify(notice, on: tx, now: now) }
                try await RiskService(services: services).assessReported(stored, type: type, on: tx, now: now)
                try await AuditLog.record(
                    AuditRecord(action: "event.report", targetType: "event", targetID: request.id.uuidString,
                                summary: "\(number) \(type.name) in \(grid.code)", unitPath: grid.path),
                    by: audit, on: tx, now: now)
                return saved
            } }
        } catch is RepeatedReport {
            inserted = nil
        }
        // Answered from the row the insert wrote (read back by the insert itself).
        if let inserted { return (inserted, true) }
        // A repeat, or a concurrent twin that won the insert: same content is the same report,
        // other content a conflict.
        guard let existing = try await EventStore.find(request.id, on: db) else { throw StoreError.notFound(what: "event") }
        guard existing.contentHash == hash else { throw EventConflictError.differentContent(existing) }
        return (existing, false)
    }

    /// Rolls the report's transaction back when its id is taken.
    private struct RepeatedReport: Error {}

    private func grid(for request: ReportEventRequestDTO, mapPoint: Coordinate, datum: Datum, on db: any Database) async throws -> OrgUnit {
        if let code = request.grid {
            guard let unit = try await UnitStore.find(idOrCode: code, on: db), unit.kind.isGrid else {
                throw ValidationFailure(field: "grid", zh: "找不到网格“\(code)”", en: "no grid '\(code)' was found")
            }
            return unit
        }
        let located = services.map.locate(mapPoint, datum: .gcj02)
        guard let ref = located.grid ?? located.specialGrids.first, let unit = try await UnitStore.find(id: ref.id, on: db) else {
            throw ValidationFailure(field: "location", zh: "该位置不在任何网格内", en: "the place lies outside every grid")
        }
        return unit
    }

    // MARK: actions

    /// Applies an action named on the wire (`accept`, `dispatch`, …) with its inputs.
    public func act(_ id: UUID, action name: String, input: EventActionRequestDTO, by principal: Principal, on db: any Database) async throws -> StoredEvent {
        if name == "rate" { return try await rate(id, input: input, by: principal, on: db) }
        guard let event = try await EventStore.find(id, on: db), Self.visible(event.snapshot, to: principal.scope.unitPath) else {
            throw StoreError.notFound(what: "event")
        }
        if let version = input.version, version != event.snapshot.version { throw EventConflictError.stale(event) }
        let action = try await parse(name, input, on: db)
        let type = catalog[event.snapshot.typeCode]
        let now = services.clock.now
        let transition = try EventMachine.apply(
            action, to: event.snapshot, by: actor(principal), now: now, calendar: calendar, deadlineDays: type?.deadlineDays ?? [:])
        let photos = try decodePhotos(input.photos, field: "photos")
        let actorName = principal.account.displayName
        let audit = principal.auditActor
        let saved: Bool = try await db.transaction { tx in
            guard try await EventStore.update(
                transition.event, from: event, entry: transition.entry, actorName: actorName, on: tx, now: now)
            else { return false }
            for photo in photos {
                try await EventStore.addPhoto(id, sha256: photo.sha256, kind: photo.kind, size: photo.size, stage: transition.entry.action.rawValue, on: tx, now: now)
            }
            for notice in transition.notifications { try await EventStore.notify(notice, on: tx, now: now) }
            try await RiskService(services: services).follow(transition.event, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(action: "event.\(transition.entry.action.rawValue)", targetType: "event", targetID: id.uuidString,
                            summary: "\(event.number) \(event.snapshot.state.rawValue) → \(transition.event.state.rawValue)" + (transition.entry.note.map { ": \($0)" } ?? ""),
                            unitPath: event.snapshot.gridPath),
                by: audit, on: tx, now: now)
            return true
        }
        guard let current = try await EventStore.find(id, on: db) else { throw StoreError.notFound(what: "event") }
        guard saved else { throw EventConflictError.stale(current) }
        return current
    }

    /// Records discovery stars and/or the party's satisfaction (→ disposal stars).
    public func rate(_ id: UUID, input: EventActionRequestDTO, by principal: Principal, on db: any Database) async throws -> StoredEvent {
        guard let event = try await EventStore.find(id, on: db), Self.visible(event.snapshot, to: principal.scope.unitPath) else {
            throw StoreError.notFound(what: "event")
        }
        var satisfaction: Satisfaction?
        if let raw = input.satisfaction {
            guard let value = Satisfaction(rawValue: raw) else {
                throw ValidationFailure(field: "satisfaction", zh: "满意度应为 unsatisfied、none、fair 或 very", en: "satisfaction must be unsatisfied, none, fair or very")
            }
            satisfaction = value
        }
        let now = services.clock.now
        let ratings = try EventRatingRules.rate(
            event.snapshot, current: event.ratings, by: actor(principal), discoveryStars: input.stars, satisfaction: satisfaction,
            disposalOverride: input.disposalStars, reason: input.reason, calendar: calendar)
        let next = { var copy = event.snapshot; copy.version += 1; return copy }()
        let note = [ratings.discoveryStars.map { "发现 \($0)★" }, ratings.disposalStars.map { "处置 \($0)★" }].compactMap { $0 }.joined(separator: "，")
        let entry = TimelineEntry(
            at: now, actorID: principal.id, actorRole: principal.account.roles.first, action: .rate, from: event.snapshot.state,
            to: event.snapshot.state, note: note)
        let actorName = principal.account.displayName
        let audit = principal.auditActor
        let saved: Bool = try await db.transaction { tx in
            guard try await EventStore.saveRatings(ratings, of: next, from: event, entry: entry, actorName: actorName, on: tx, now: now)
            else { return false }
            try await AuditLog.record(
                AuditRecord(action: "event.rate", targetType: "event", targetID: id.uuidString, summary: "\(event.number) \(note)", unitPath: event.snapshot.gridPath),
                by: audit, on: tx, now: now)
            return true
        }
        guard let current = try await EventStore.find(id, on: db) else { throw StoreError.notFound(what: "event") }
        guard saved else { throw EventConflictError.stale(current) }
        return current
    }

    /// Everyone who works in the grid's territory sees it, and so does the unit handling it.
    static func visible(_ event: EventSnapshot, to scope: UnitPath) -> Bool {
        scope.contains(event.gridPath) || scope.contains(event.ownerPath)
            || (event.handlingUnit.map { scope.contains($0.path) } ?? false)
            || event.coHandlers.contains { scope.contains($0.path) }
    }

    private func parse(_ name: String, _ input: EventActionRequestDTO, on db: any Database) async throws -> EventAction {
        func text(_ value: String?, _ field: String) throws -> String {
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !trimmed.isEmpty else {
                throw ValidationFailure(field: field, zh: "请填写\(field == "reason" ? "理由" : "说明")", en: "the \(field) is required")
            }
            return trimmed
        }
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch name {
        case "accept": return .accept(level: input.level)
        case "reject": return .reject(reason: try text(input.reason, "reason"))
        case "request_check": return .requestCheck(note: note)
        case "confirm_check":
            guard let real = input.real else { throw ValidationFailure(field: "real", zh: "请说明是否属实", en: "say whether the report is real") }
            return .confirmCheck(real: real, note: note)
        case "dispatch":
            let lead = try await handlingUnit(input.unit, field: "unit", on: db)
            var co: [HandlingUnitRef] = []
            for (index, ref) in (input.coHandlers ?? []).enumerated() { co.append(try await handlingUnit(ref, field: "co_handlers[\(index)]", on: db)) }
            return .dispatch(lead: lead, coHandlers: co, note: note)
        case "take": return .take
        case "return": return .returnDispatch(reason: try text(input.reason, "reason"))
        case "handle": return .handle(feedback: try text(input.note, "note"), photos: [])
        case "verify":
            guard let passed = input.passed else { throw ValidationFailure(field: "passed", zh: "请选择核查是否通过", en: "say whether the fix passed") }
            return .verify(passed: passed, note: note)
        case "close": return .close(note: note)
        case "reopen": return .reopen(reason: try text(input.reason, "reason"))
        case "escalate": return .escalate(reason: try text(input.reason, "reason"))
        case "urge": return .urge(note: note)
        case "supervise": return .supervise(note: note)
        case "extend", "request_extension":
            guard let days = input.days, (1...30).contains(days) else {
                throw ValidationFailure(field: "days", zh: "延期天数应为 1–30 个工作日", en: "days must be 1–30 working days")
            }
            return .requestExtension(days: days, reason: try text(input.reason, "reason"))
        case "approve_extension": return .approveExtension
        case "deny_extension": return .denyExtension(reason: try text(input.reason, "reason"))
        case "request_void": return .requestVoid(reason: try text(input.reason, "reason"))
        case "approve_void": return .approveVoid
        case "deny_void": return .denyVoid(reason: try text(input.reason, "reason"))
        case "request_park": return .requestPark(reason: try text(input.reason, "reason"))
        case "approve_park": return .approvePark
        case "deny_park": return .denyPark(reason: try text(input.reason, "reason"))
        case "resume": return .resume(note: note)
        case "merge":
            guard let target = input.target else { throw ValidationFailure(field: "target", zh: "请指定合并到的事件", en: "name the event to merge into") }
            guard try await EventStore.find(target, on: db) != nil else {
                throw ValidationFailure(field: "target", zh: "找不到要合并到的事件", en: "the event to merge into was not found")
            }
            return .mergeInto(target: target)
        case "archive": return .archive
        default:
            throw EventConflictError.unknownAction(name)
        }
    }

    private func handlingUnit(_ ref: String?, field: String, on db: any Database) async throws -> HandlingUnitRef {
        guard let ref, let unit = try await UnitStore.find(idOrCode: ref, on: db) else {
            throw ValidationFailure(field: field, zh: "找不到处置单位“\(ref ?? "")”", en: "no handling unit '\(ref ?? "")' was found")
        }
        return HandlingUnitRef(unit)
    }

    // MARK: helpers

    func actor(_ principal: Principal) -> EventActor {
        EventActor(userID: principal.id, roles: Set(principal.account.roles), unitPath: principal.unitPath)
    }

    static func defaultChannel(_ roles: [Role]) -> String {
        if roles.contains(.resident) { return "resident" }
        if roles.contains(.departmentHandler) { return "department" }
        return "grid_worker"
    }

    private func decodePhotos(_ encoded: [String]?, field: String) throws -> [PhotoStore.Stored] {
        let store = PhotoStore(dataDirectory: services.config.dataDirectory)
        let list = encoded ?? []
        guard list.count <= store.policy.maxPerSubmission else {
            throw ValidationFailure(field: field, zh: "照片最多 \(store.policy.maxPerSubmission) 张", en: "at most \(store.policy.maxPerSubmission) photos")
        }
        return try list.enumerated().map { index, text in
            guard let data = Data(base64Encoded: text) else {
                throw ValidationFailure(field: "\(field)[\(index)]", zh: "照片应为 Base64 编码", en: "a photo must be Base64")
            }
            return try store.save(data, field: "\(field)[\(index)]")
        }
    }

    /// What makes two submissions "the same report": everything the reporter sent.
    private func contentHash(_ request: ReportEventRequestDTO, photoHashes: [String]) -> String {
        var copy = request
        copy.photos = photoHashes
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(copy)) ?? Data()
        return Hex.lowercase(SHA256.hash(data: data))
    }
}

/// Conflicts the event API answers with 409 and the current event.
enum EventConflictError: Error {
    case differentContent(StoredEvent)
    case stale(StoredEvent)
    case unknownAction(String)
}
