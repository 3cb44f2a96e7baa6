import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// Runs assessment schemes (考核) over the indicator tables: gathers each subject's measures for
/// the unit and period, scores them (`AssessmentRun`), keeps drafts and freezes published runs.
struct AssessmentService {
    let services: GridServices

    /// How many workers the "ten best" report lists (十佳网格员).
    static let topWorkers = 10

    /// Each subject of the scheme's circle under `unit`, with its measures for the period.
    /// The register's stocks are read only when an item scores one (`RegisterStocks.needed`).
    func subjects(of scheme: AssessmentScheme, under unit: OrgUnit, period: StatPeriod, on db: any Database) async throws -> [AssessmentRun.Subject] {
        let stocks = RegisterStocks.needed(by: scheme) && scheme.subject != .department
            ? try await RegisterStocks.byGrid(under: unit.path, services: services, on: db) : nil
        switch scheme.subject {
        case .worker:
            let (byWorker, names) = try await WorkerNames.figures(period, under: unit, stocks: stocks, on: db)
            return byWorker.map { .init(key: $0.key.uuidString.lowercased(), name: names[$0.key] ?? "—", measures: $0.value) }
        case .grid, .community:
            let units = try await UnitStore.subtree(unit.path, on: db)
                .filter { scheme.subject == .grid ? $0.kind.isGrid : $0.kind == .community }
            var byGrid = try await IndicatorStore.sums(period, under: unit.path, subject: .territory, groupBy: .unitPath, on: db)
            for (grid, stock) in stocks ?? [:] { byGrid[grid] = (byGrid[grid] ?? MeasureVector()) + stock }
            let rolled = IndicatorBreakdown.rollUp(byGrid, into: units.map(\.path))
            return units.map { .init(key: $0.code.rawValue, name: $0.name, measures: rolled[$0.path] ?? MeasureVector()) }
        case .department:
            let units = try await UnitStore.subtree(unit.path, on: db).filter { $0.kind == .department || $0.kind == .outsideUnit }
            let byUnit = try await IndicatorStore.sums(period, under: unit.path, subject: .handlers, groupBy: .unitPath, on: db)
            return units.map { .init(key: $0.code.rawValue, name: $0.name, measures: byUnit[$0.path.rawValue] ?? MeasureVector()) }
        }
    }

    /// Scores and keeps a draft; a published run of the same scheme, unit and period is frozen.
    func run(_ request: AssessmentRunRequestDTO, unit: OrgUnit, actor: AuditActor, on db: any Database) async throws -> AssessmentStore.StoredRun {
        guard let scheme = try await AssessmentStore.scheme(request.schemeID, on: db) else {
            throw ValidationFailure(field: "scheme_id", zh: "找不到考核方案", en: "no such assessment scheme")
        }
        let period = try StatPeriod(parsing: request.period)
        let bonuses = request.bonuses ?? []
        for (index, bonus) in bonuses.enumerated() {
            guard bonus.reason.trimmingCharacters(in: .whitespacesAndNewlines).count >= 2 else {
                throw ValidationFailure(field: "bonuses[\(index)].reason", zh: "加减分须说明理由", en: "a bonus needs a reason")
            }
            guard bonus.points.isFinite, abs(bonus.points) <= 20 else {
                throw ValidationFailure(field: "bonuses[\(index)].points", zh: "加减分不超过 20 分", en: "a bonus is at most 20 points either way")
            }
        }
        let now = services.clock.now
        let results = AssessmentRun.score(scheme, subjects: try await subjects(of: scheme, under: unit, period: period, on: db), bonuses: bonuses)
        let draft = AssessmentStore.StoredRun(
            id: UUID(), schemeID: scheme.id, unitPath: unit.path, period: period.description, published: false, scheme: scheme,
            bonuses: bonuses, results: results, computedAt: now, publishedAt: nil, publishedBy: nil)
        return try await db.transaction { tx in
            guard try await AssessmentStore.saveDraft(draft, on: tx) else {
                throw GridHTTPError.conflict(LocalizedText(
                    zh: "该期考核结果已公布，不能重新计算", en: "this period's results are published and frozen"))
            }
            try await AuditLog.record(
                AuditRecord(action: "assessment.run", targetType: "assessment", targetID: scheme.id.uuidString,
                            summary: "\(scheme.name) \(period) \(unit.code.rawValue): \(results.count)", unitPath: unit.path),
                by: actor, on: tx, now: now)
            guard let stored = try await AssessmentStore.run(scheme: scheme.id, unit: unit.path, period: period.description, on: tx) else {
                throw StoreError.notFound(what: "assessment run")
            }
            return stored
        }
    }

    /// Validates and keeps a scheme (new or changed) with its audit row; the API and the console's
    /// editor both save through here. Runs keep the scheme as it was when they were scored.
    func save(_ scheme: AssessmentScheme, unitPath: UnitPath, actor: AuditActor, on db: any Database) async throws {
        try scheme.validate()
        let now = services.clock.now
        try await db.transaction { tx in
            try await AssessmentStore.save(scheme, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(action: "assessment.scheme", targetType: "assessment_scheme", targetID: scheme.id.uuidString,
                            summary: "\(scheme.name): \(scheme.items.map { "\($0.indicator) \($0.weight)" }.joined(separator: ", "))",
                            unitPath: unitPath),
                by: actor, on: tx, now: now)
        }
    }

    /// Publishes (freezes) a draft run within the caller's scope, with its audit row; 404 outside
    /// the scope, 409 when it is already published.
    func publish(_ id: UUID, by principal: Principal, actor: AuditActor, on db: any Database) async throws -> AssessmentStore.StoredRun {
        guard let run = try await AssessmentStore.run(id, on: db), principal.unitPath.contains(run.unitPath) else {
            throw GridHTTPError.notFound
        }
        let now = services.clock.now
        let name = principal.account.displayName
        try await db.transaction { tx in
            guard try await AssessmentStore.publish(id, by: name, on: tx, now: now) else {
                throw GridHTTPError.conflict(LocalizedText(zh: "该考核结果已公布", en: "this run is already published"))
            }
            try await AuditLog.record(
                AuditRecord(action: "assessment.publish", targetType: "assessment", targetID: id.uuidString,
                            summary: "\(run.scheme.name) \(run.period)", unitPath: run.unitPath),
                by: actor, on: tx, now: now)
        }
        guard let published = try await AssessmentStore.run(id, on: db) else { throw GridHTTPError.notFound }
        return published
    }

    /// The default worker scheme over `unit` for the period, computed now and not kept.
    func topWorkers(under unit: OrgUnit, period: StatPeriod, on db: any Database) async throws -> AssessmentRunDTO {
        let scheme = try await AssessmentStore.scheme(AssessmentStore.defaultWorkerID, on: db) ?? AssessmentStore.defaults[0]
        let results = AssessmentRun.score(scheme, subjects: try await subjects(of: scheme, under: unit, period: period, on: db))
        return AssessmentRunDTO(
            id: nil, schemeID: scheme.id, schemeName: scheme.name, subject: scheme.subject.rawValue, unitPath: unit.path.rawValue,
            period: period.description, state: "live", computedAt: services.clock.now, publishedAt: nil, items: scheme.items,
            results: Array(results.prefix(Self.topWorkers)))
    }

    static func dto(_ run: AssessmentStore.StoredRun) -> AssessmentRunDTO {
        AssessmentRunDTO(
            id: run.id, schemeID: run.schemeID, schemeName: run.scheme.name, subject: run.scheme.subject.rawValue,
            unitPath: run.unitPath.rawValue, period: run.period, state: run.published ? "published" : "draft", computedAt: run.computedAt,
            publishedAt: run.publishedAt, items: run.scheme.items, results: run.results)
    }
}
