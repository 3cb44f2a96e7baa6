import FluentKit
import Foundation
import GridCore
import GridStore

/// Traces one item of one subject's score in a run to the events, patrols and visits behind it
/// (考核溯源): the candidates are read from their tables and each one's contribution is taken
/// from the cells its facts write (`IndicatorTrace`), so what is listed adds up to what the tables
/// hold. Visits due, records collected and completeness come from the register and are given as
/// counts, not itemised.
struct AssessmentTraceService {
    let services: GridServices

    func trace(
        _ run: AssessmentStore.StoredRun, subject key: String, item: String, page: Int, per: Int, language: Language, on db: any Database
    ) async throws -> AssessmentTraceDTO {
        guard let result = run.results.first(where: { $0.key == key }) else {
            throw ValidationFailure(field: "subject", zh: "该次考核中没有“\(key)”", en: "the run has no subject '\(key)'")
        }
        guard let score = result.items.first(where: { $0.indicator == item }), let indicator = Indicator.find(item) else {
            throw ValidationFailure(field: "item", zh: "该方案没有考核项“\(item)”", en: "the scheme has no item '\(item)'")
        }
        let period = try StatPeriod(parsing: run.period)
        let whose = try await whose(run, key: key, on: db)
        let (numerator, denominator) = (indicator.measures[0], indicator.measures.dropFirst().first)
        let sources = Set(indicator.measures.map(IndicatorTrace.source))
        var traced: [(row: AssessmentTraceDTO.Row, adds: MeasureVector)] = []
        if sources.contains(.events) { traced += try await events(whose, period: period, language: language, on: db) }
        if sources.contains(.patrols) { traced += try await patrols(whose, period: period, on: db) }
        if sources.contains(.visits) { traced += try await visits(whose, period: period, on: db) }
        let rows = traced
            .filter { entry in entry.adds[numerator] != 0 || denominator.map { entry.adds[$0] != 0 } ?? false }
            .map { entry in
                var row = entry.row
                row.numerator = entry.adds[numerator]
                row.denominator = denominator.map { entry.adds[$0] }
                return row
            }
        // A part the register holds is not itemised: the run's own count stands for it.
        func sum(_ measure: Measure, recorded: Int) -> Int {
            IndicatorTrace.source(of: measure) == .register ? recorded : rows.reduce(0) { $0 + (measure == numerator ? $1.numerator : $1.denominator ?? 0) }
        }
        let start = min(rows.count, (page - 1) * per)
        return AssessmentTraceDTO(
            runID: run.id, subject: key, subjectName: result.name, item: item, itemName: indicator.name.text(in: language),
            definition: indicator.definition.text(in: language), period: run.period,
            source: IndicatorTrace.source(of: numerator).rawValue, denominatorSource: denominator.map { IndicatorTrace.source(of: $0).rawValue },
            recorded: .init(numerator: score.numerator, denominator: score.denominator),
            traced: .init(numerator: sum(numerator, recorded: score.numerator),
                          denominator: denominator.map { sum($0, recorded: score.denominator ?? 0) }),
            page: page, per: per, total: rows.count, rows: Array(rows[start..<min(rows.count, start + per)]))
    }

    /// Whose figures the subject's are: a worker's within the run's unit, a unit's territory, a
    /// department's handling — never outside the run's unit.
    func whose(_ run: AssessmentStore.StoredRun, key: String, on db: any Database) async throws -> IndicatorTrace.Whose {
        if run.scheme.subject == .worker { return .worker(key, within: run.unitPath) }
        guard let unit = try await UnitStore.find(code: key, on: db), run.unitPath.contains(unit.path) else {
            throw ValidationFailure(field: "subject", zh: "该次考核中没有“\(key)”", en: "the run has no subject '\(key)'")
        }
        return run.scheme.subject == .department ? .handler(unit.path) : .territory(unit.path)
    }

    private func events(
        _ whose: IndicatorTrace.Whose, period: StatPeriod, language: Language, on db: any Database
    ) async throws -> [(row: AssessmentTraceDTO.Row, adds: MeasureVector)] {
        let catalog = services.catalog.catalog
        return try await EventStore.traceCandidates(whose, period: period, on: db).map { event in
            let s = event.snapshot
            let adds = IndicatorTrace.contribution(
                of: EventFacts.cells(of: s, ratings: event.ratings, day: IndicatorStore.day), to: whose, in: period)
            return (AssessmentTraceDTO.Row(
                kind: "event", id: s.id, label: event.number, typeCode: s.typeCode, typeName: catalog[s.typeCode]?.name,
                state: s.state.label.text(in: language), at: s.reportedAt, until: s.handlingDeadline?.end, numerator: 0, denominator: nil), adds)
        }
    }

    private func patrols(_ whose: IndicatorTrace.Whose, period: StatPeriod, on db: any Database) async throws -> [(row: AssessmentTraceDTO.Row, adds: MeasureVector)] {
        guard let (path, worker) = Self.place(whose) else { return [] }
        // A patrol begun the evening before the period may run into it.
        let patrols = try await PatrolStore.list(under: path, worker: worker, days: period.first.previous...period.last, on: db)
        return patrols.map { stored in
            let adds = IndicatorTrace.contribution(of: PatrolFacts.cells(of: stored.patrol, calendar: IndicatorStore.calendar), to: whose, in: period)
            return (AssessmentTraceDTO.Row(
                kind: "patrol", id: stored.patrol.id, label: stored.workerName, typeCode: stored.patrol.gridPath.codes.last, typeName: nil,
                state: "", at: stored.patrol.startedAt, until: stored.patrol.endedAt, numerator: 0, denominator: nil), adds)
        }
    }

    private func visits(_ whose: IndicatorTrace.Whose, period: StatPeriod, on db: any Database) async throws -> [(row: AssessmentTraceDTO.Row, adds: MeasureVector)] {
        guard let (path, _) = Self.place(whose) else { return [] }
        // Every visit of the windows that end in the period or hold its days, whoever made it:
        // a visit settles an obligation by its place among the household's visits.
        let visits = try await VisitStore.all(under: path, days: VisitSchedule.quarterStart(of: period.first)...period.last, on: db)
        return try await IndicatorStore.visitCells(visits, under: path, on: db).map { visit, cells in
            (AssessmentTraceDTO.Row(
                kind: "visit", id: visit.id, label: visit.visitorName, typeCode: visit.gridPath.codes.last, typeName: nil, state: "",
                at: visit.visitedAt, until: nil, numerator: 0, denominator: nil),
             IndicatorTrace.contribution(of: cells, to: whose, in: period))
        }
    }

    /// Where patrols and visits are looked for, and whose: departments make none.
    static func place(_ whose: IndicatorTrace.Whose) -> (UnitPath, UUID?)? {
        switch whose {
        case .territory(let path): (path, nil)
        case .worker(let id, let path): (path, UUID(uuidString: id))
        case .handler: nil
        }
    }
}
