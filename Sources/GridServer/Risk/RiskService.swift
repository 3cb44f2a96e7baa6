import FluentKit
import Foundation
import GridCore
import GridStore

/// The risk register's rules applied to stored events (风险防控): assessing a report in its
/// transaction and warning the district of a major risk, following the event's state, an
/// operator's adjustment and controls, and the backfill of past events.
public struct RiskService: Sendable {
    let services: GridServices
    /// Fixed rules (tests, tools); nil reads the administrators' rules from the database on each
    /// use (`RiskRulesService`), so a change applies to the next report without a restart.
    let fixedRules: RiskRules?

    public init(services: GridServices, rules: RiskRules? = nil) {
        self.services = services
        self.fixedRules = rules
    }

    /// The rules in force.
    public func currentRules(on db: any Database) async throws -> RiskRules {
        if let fixedRules { return fixedRules }
        return try await RiskRulesService.load(on: db)
    }

    // MARK: hooks from EventService (inside its transaction)

    /// Assesses a new report of a risk kind and warns the district at once if it is major. Part
    /// of the report's transaction: `db` is its `tx`.
    func assessReported(_ event: StoredEvent, type: EventType, on db: any Database, now: Date) async throws {
        guard let kind = type.riskKind else { return }
        let rules = try await currentRules(on: db)
        let reportedAt = event.snapshot.reportedAt
        let earlier = try await RiskStore.earlierNearby(
            kind: kind, point: event.mapPoint, radius: rules.repeatRadius, since: reportedAt.addingTimeInterval(-rules.repeatWindow),
            before: reportedAt, excluding: event.snapshot.id, on: db)
        let careGroups = try await RiskStore.careGroupResidents(
            at: event.mapPoint, radius: rules.careSiteRadius, on: WorkingCalendar().day(of: reportedAt), on: db)
        guard let assessment = rules.assess(type: type, attributes: event.attributes, earlierNearby: earlier, careGroupResidents: careGroups)
        else { return }
        let risk = StoredRisk(
            id: event.snapshot.id, eventNumber: event.number, typeCode: type.code, gridPath: event.snapshot.gridPath, mapPoint: event.mapPoint,
            assessment: assessment, level: assessment.level(rules.thresholds),
            state: RiskState.following(event.snapshot.state, hasMeasures: false), reportedAt: reportedAt, createdAt: now, updatedAt: now)
        try await RiskStore.insert(risk, on: db)
        if risk.level == .major { try await RiskStore.warnMajor(risk, on: db, now: now) }
    }

    /// Moves the event's risk with the event (closed when it closes or is rejected).
    func follow(_ snapshot: EventSnapshot, on db: any Database, now: Date) async throws {
        try await RiskStore.follow(snapshot.id, eventState: snapshot.state, on: db, now: now)
    }

    // MARK: reading

    /// A risk the caller may see (its grid in the caller's scope); 404 otherwise.
    public func find(_ id: UUID, by principal: Principal, on db: any Database) async throws -> StoredRisk {
        guard let risk = try await RiskStore.find(id, on: db), principal.scope.unitPath.contains(risk.gridPath) else {
            throw StoreError.notFound(what: "risk")
        }
        return risk
    }

    /// Hot spots under `path` in the last `days` days: at least `repeatThreshold + 1` reports of
    /// one kind within the repeat radius of one another (the same rule that raises a risk).
    public func hotSpots(under path: UnitPath, days: Int, on db: any Database) async throws -> [RiskHotSpots.Spot] {
        let since = services.clock.now.addingTimeInterval(-Double(days) * 86_400)
        let reports = try await RiskStore.reports(under: path, since: since, on: db)
        let rules = try await currentRules(on: db)
        return RiskHotSpots.find(reports, radius: rules.repeatRadius, minimum: rules.repeatThreshold + 1)
    }

    // MARK: operators' writes

    /// 人工研判调整: new likelihood and severity with a reason, kept with who and when. A risk that
    /// becomes major warns the district as a reported one does.
    public func adjust(_ id: UUID, _ request: AdjustRiskRequestDTO, by principal: Principal, on db: any Database) async throws -> StoredRisk {
        let risk = try await find(id, by: principal, on: db)
        let now = services.clock.now
        let next = try risk.assessment.adjusted(
            likelihood: request.likelihood, severity: request.severity, reason: request.reason, byID: principal.id,
            byName: principal.account.displayName, at: now)
        let level = next.level(try await currentRules(on: db).thresholds)
        let audit = principal.auditActor
        try await db.transaction { tx in
            guard try await RiskStore.saveAssessment(next, level: level, of: risk, on: tx, now: now) else { throw Self.changedMeanwhile }
            if level == .major && risk.level != .major && risk.state != .closed {
                var warned = risk
                warned.level = level
                try await RiskStore.warnMajor(warned, on: tx, now: now)
            }
            try await AuditLog.record(
                AuditRecord(
                    action: "risk.adjust", targetType: "risk", targetID: id.uuidString,
                    summary: "\(risk.eventNumber) L\(risk.assessment.likelihood)×S\(risk.assessment.severity) → L\(next.likelihood)×S\(next.severity) \(level.rawValue): \(next.adjustments.last?.reason ?? "")",
                    unitPath: risk.gridPath),
                by: audit, on: tx, now: now)
        }
        return try await find(id, by: principal, on: db)
    }

    /// 管控措施: measures, responsible unit and person, and the plan a major risk needs.
    public func control(_ id: UUID, _ request: RiskMeasuresRequestDTO, by principal: Principal, on db: any Database) async throws -> StoredRisk {
        let risk = try await find(id, by: principal, on: db)
        let unitText = request.responsibleUnit?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var unit: (path: UnitPath, name: String)?
        if !unitText.isEmpty, let found = try await UnitStore.find(idOrCode: unitText, on: db) {
            unit = (found.path, found.name)
        }
        let control = try RiskControl.draft(
            measures: request.measures, unitText: unitText, unit: unit, person: request.responsiblePerson, plan: request.plan, level: risk.level)
        let state: RiskState = risk.state == .closed ? .closed : .controlled
        let now = services.clock.now
        let audit = principal.auditActor
        try await db.transaction { tx in
            guard try await RiskStore.saveControl(control, state: state, of: risk, on: tx, now: now) else { throw Self.changedMeanwhile }
            try await AuditLog.record(
                AuditRecord(
                    action: "risk.measures", targetType: "risk", targetID: id.uuidString,
                    summary: "\(risk.eventNumber) \(control.responsibleUnitName) \(control.responsiblePerson): \(control.measures)"
                        + (control.plan.map { " 预案 \($0)" } ?? ""),
                    unitPath: risk.gridPath),
                by: audit, on: tx, now: now)
        }
        return try await find(id, by: principal, on: db)
    }

    /// 409: the risk changed between reading and writing (another adjustment, or its event moved).
    static let changedMeanwhile = GridHTTPError.conflict(LocalizedText(
        zh: "该风险刚被他人修改，请刷新后重试", en: "The risk was changed meanwhile; reload it and try again"))

    // MARK: backfill

    /// Assesses every stored event of a risk kind that has none yet (the demo's year after its
    /// bulk load). Returns how many risks were written.
    @discardableResult
    public func backfill(on db: any Database) async throws -> Int {
        let catalog = services.catalog.catalog
        let types = Dictionary(catalog.types.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        return try await RiskStore.backfill(types: types, rules: try await currentRules(on: db), on: db, now: services.clock.now)
    }

    // MARK: presentation

    func dto(_ risk: StoredRisk, language: Language) -> RiskDTO {
        let a = risk.assessment
        return RiskDTO(
            id: risk.id, eventNumber: risk.eventNumber, type: risk.typeCode, kind: a.kind.rawValue, kindLabel: a.kind.label.text(in: language),
            category: a.kind.category.rawValue, gridPath: risk.gridPath.rawValue, likelihood: a.likelihood, severity: a.severity,
            score: a.score, level: risk.level.rawValue, levelLabel: risk.level.label.text(in: language),
            facts: a.facts.map {
                RiskDTO.Fact(code: $0.code.rawValue, count: $0.count, likelihood: $0.likelihood, severity: $0.severity, label: $0.label.text(in: language))
            },
            adjustments: a.adjustments, measures: risk.control?.measures, responsibleUnit: risk.control?.responsibleUnit.rawValue,
            responsibleUnitName: risk.control?.responsibleUnitName, responsiblePerson: risk.control?.responsiblePerson,
            plan: risk.control?.plan, state: risk.state.rawValue, reportedAt: risk.reportedAt, warnedAt: risk.warnedAt, updatedAt: risk.updatedAt)
    }
}
