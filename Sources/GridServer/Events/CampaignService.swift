import FluentKit
import Foundation
import GridCore
import GridStore

/// Special rectifications (专项整治): a centre starts one with a lead department, brings events
/// under it, and the lead closes it; progress is counted from the member events' own states.
public struct CampaignService: Sendable {
    let services: GridServices

    public init(services: GridServices) {
        self.services = services
    }

    private var calendar: WorkingCalendar { services.calendar }

    /// Starts a campaign; a repeat of the same id returns the first (`created == false`).
    public func create(_ request: CreateCampaignRequestDTO, by principal: Principal, on db: any Database) async throws
        -> (campaign: CampaignStore.StoredCampaign, created: Bool)
    {
        if let existing = try await CampaignStore.find(request.id, on: db) {
            guard visible(existing.campaign, to: principal) else { throw StoreError.notFound(what: "campaign") }
            return (existing, false)
        }
        guard let lead = try await UnitStore.find(idOrCode: request.leadUnit, on: db) else {
            throw ValidationFailure(field: "lead_unit", zh: "找不到牵头单位“\(request.leadUnit)”", en: "no unit '\(request.leadUnit)' was found")
        }
        let scope = try await scopeUnit(request.scopeUnit, principal, on: db)
        let now = services.clock.now
        let today = calendar.day(of: now)
        let startsOn = try request.start.map { try day($0, field: "start") } ?? today
        let campaign = try Campaign.draft(
            id: request.id, name: request.name, summary: request.description ?? "", leadPath: lead.path, leadKind: lead.kind,
            scopePath: scope.path, typeCodes: request.eventTypes ?? [], startsOn: startsOn, dueOn: try day(request.due, field: "due"),
            today: today, catalog: services.catalog.catalog)
        let actor = principal.auditActor
        let name = principal.account.displayName
        let created = try await db.transaction { tx in
            guard try await CampaignStore.insert(campaign, by: name, on: tx, now: now) else { return false }
            try await EventStore.post(
                to: .unit(lead.path, roles: [.departmentHandler]), kind: "campaign_started",
                message: LocalizedText(zh: "您单位牵头的专项整治“\(campaign.name)”已启动，截止 \(campaign.dueOn)",
                                       en: "Your unit leads the campaign “\(campaign.name)”, due \(campaign.dueOn)"),
                eventID: nil, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(action: "campaign.created", targetType: "campaign", targetID: campaign.id.uuidString,
                            summary: "\(campaign.name): lead \(lead.code.rawValue), due \(campaign.dueOn)", unitPath: scope.path),
                by: actor, on: tx, now: now)
            return true
        }
        guard let stored = try await CampaignStore.find(request.id, on: db) else { throw StoreError.notFound(what: "campaign") }
        return (stored, created)
    }

    /// A campaign the principal takes part in, or 404.
    public func find(_ id: UUID, by principal: Principal, on db: any Database) async throws -> CampaignStore.StoredCampaign {
        guard let stored = try await CampaignStore.find(id, on: db), visible(stored.campaign, to: principal) else {
            throw StoreError.notFound(what: "campaign")
        }
        return stored
    }

    /// Brings events under the campaign: all of them or, when any does not fit, none, with each
    /// misfit named (`events[2]`: outside the territory, wrong type, already in a campaign…).
    public func add(_ eventIDs: [UUID], to id: UUID, by principal: Principal, on db: any Database) async throws
        -> CampaignStore.StoredCampaign
    {
        let stored = try await find(id, by: principal, on: db)
        let campaign = stored.campaign
        guard !campaign.isClosed else {
            throw ValidationFailure(field: "campaign", zh: "专项整治已结束，不能再纳入事件", en: "the campaign is closed; no events can join")
        }
        guard !eventIDs.isEmpty, eventIDs.count <= 500 else {
            throw ValidationFailure(field: "events", zh: "一次纳入 1 至 500 个事件", en: "add between 1 and 500 events at a time")
        }
        let now = services.clock.now
        let actor = principal.auditActor
        let name = principal.account.displayName
        try await db.transaction { tx in
            var failures: [ValidationFailure] = []
            for (index, eventID) in eventIDs.enumerated() {
                let field = "events[\(index)]"
                guard let event = try await EventStore.find(eventID, on: tx),
                      EventService.visible(event.snapshot, to: principal.scope.unitPath)
                else {
                    failures.append(ValidationFailure(field: field, zh: "找不到该事件", en: "no such event"))
                    continue
                }
                if let problem = campaign.admissionProblem(for: event.snapshot) {
                    failures.append(ValidationFailure(field: field, zh: "\(event.number)：\(problem.zhHans)", en: "\(event.number): \(problem.en)"))
                } else if let other = try await CampaignStore.campaign(of: eventID, on: tx) {
                    let which = other == campaign.id ? "本专项整治" : "另一个专项整治"
                    failures.append(ValidationFailure(
                        field: field, zh: "\(event.number)：已在\(which)中",
                        en: "\(event.number): already in \(other == campaign.id ? "this" : "another") campaign"))
                }
            }
            if Set(eventIDs).count != eventIDs.count {
                failures.append(ValidationFailure(field: "events", zh: "事件重复列出", en: "an event is listed twice"))
            }
            guard failures.isEmpty else { throw ValidationFailures(failures) }
            _ = try await CampaignStore.add(eventIDs, to: campaign.id, by: name, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(action: "campaign.events_added", targetType: "campaign", targetID: campaign.id.uuidString,
                            summary: "\(campaign.name): +\(eventIDs.count) events", unitPath: campaign.scopePath),
                by: actor, on: tx, now: now)
        }
        return try await find(id, by: principal, on: db)
    }

    /// Ends a campaign with a summary: by the lead department or a centre over its territory.
    public func close(_ id: UUID, note: String, by principal: Principal, on db: any Database) async throws -> CampaignStore.StoredCampaign {
        let stored = try await find(id, by: principal, on: db)
        var campaign = stored.campaign
        guard !campaign.isClosed else {
            throw ValidationFailure(field: "campaign", zh: "专项整治已经结束", en: "the campaign is already closed")
        }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else {
            throw ValidationFailure(field: "note", zh: "请填写整治总结", en: "write a closing summary")
        }
        let leads = principal.scope.unitPath.contains(campaign.leadPath) || campaign.leadPath.contains(principal.scope.unitPath)
        let oversees = principal.scope.unitPath.contains(campaign.scopePath)
            && services.policy.table.allows(principal.account.roles, .eventsDispatch)
        guard leads || oversees else { throw AccessDenial.missingPermission(.eventsDispatch) }
        let now = services.clock.now
        campaign.closedAt = now
        campaign.closingNote = note
        let closed = campaign
        let actor = principal.auditActor
        try await db.transaction { tx in
            try await CampaignStore.close(closed, on: tx)
            try await AuditLog.record(
                AuditRecord(action: "campaign.closed", targetType: "campaign", targetID: closed.id.uuidString,
                            summary: "\(closed.name) closed: \(note)", unitPath: closed.scopePath),
                by: actor, on: tx, now: now)
        }
        return try await find(id, by: principal, on: db)
    }

    /// The wire form, with progress counted now.
    public func dtos(_ stored: [CampaignStore.StoredCampaign], language: Language, on db: any Database) async throws -> [CampaignDTO] {
        let now = services.clock.now
        let counts = try await CampaignStore.counts(stored.map(\.campaign.id), now: now, on: db)
        var units: [String: UnitSummaryDTO] = [:]
        func summary(_ path: UnitPath) async throws -> UnitSummaryDTO? {
            guard let code = path.codes.last else { return nil }
            if let known = units[code] { return known }
            let found = try await UnitStore.find(code: code, on: db).map(UnitSummaryDTO.init)
            units[code] = found
            return found
        }
        var result: [CampaignDTO] = []
        for item in stored {
            let count = counts[item.campaign.id] ?? CampaignStore.MemberCounts()
            let progress = CampaignProgress(
                campaign: item.campaign, stateCounts: count.byState, overdue: count.overdue, now: now, calendar: calendar)
            result.append(CampaignDTO(
                campaign: item.campaign, lead: try await summary(item.campaign.leadPath), scope: try await summary(item.campaign.scopePath),
                createdBy: item.createdBy, createdAt: item.createdAt, progress: CampaignProgressDTO(progress, language: language)))
        }
        return result
    }

    // MARK: helpers

    /// Those who lead it, work in its territory or oversee it take part.
    func visible(_ campaign: Campaign, to principal: Principal) -> Bool {
        let scope = principal.scope.unitPath
        return scope.contains(campaign.scopePath) || scope.contains(campaign.leadPath) || campaign.scopePath.contains(scope)
    }

    private func scopeUnit(_ ref: String?, _ principal: Principal, on db: any Database) async throws -> OrgUnit {
        guard let ref else { return principal.account.unit }
        guard let unit = try await UnitStore.find(idOrCode: ref, on: db), principal.scope.unitPath.contains(unit.path) else {
            throw ValidationFailure(field: "scope_unit", zh: "整治范围必须是您辖区内的单位", en: "the territory must be a unit within your scope")
        }
        guard [.district, .street, .community].contains(unit.kind) else {
            throw ValidationFailure(field: "scope_unit", zh: "整治范围应为区、街道或社区", en: "the territory must be a district, street or community")
        }
        return unit
    }

    private func day(_ text: String, field: String) throws -> CalendarDay {
        guard let day = CalendarDay(iso: text) else {
            throw ValidationFailure(field: field, zh: "日期格式应为 YYYY-MM-DD", en: "dates are written YYYY-MM-DD")
        }
        return day
    }
}
