import FluentKit
import Foundation
import GridCore
import GridStore

/// Builds indicator reports from the indicator tables: the one query path behind the API, the
/// dashboard, the rankings and their CSV export.
struct IndicatorService {
    let services: GridServices

    /// Read on each use: administrators edit the admission list while the server runs.
    var catalog: EventCatalog { services.catalog.catalog }

    /// - Parameter completeness: also read the register's stocks (`RegisterStocks`) for the total
    ///   and the rows by sub-unit or worker; left out, completeness has no denominator ("—").
    func report(
        unit: OrgUnit, period: StatPeriod, type: String?, by breakdown: IndicatorBreakdown, completeness: Bool = false, now: Date,
        language: Language, on db: any Database
    ) async throws -> IndicatorReportDTO {
        if let type, catalog[type] == nil {
            throw ValidationFailure(field: "type", zh: "找不到事件类型“\(type)”", en: "no event type '\(type)' was found")
        }
        if type != nil, breakdown == .worker || breakdown == .department {
            throw ValidationFailure(
                field: "type", zh: "按网格员或部门排名时不能再按事件类型筛选", en: "worker and department rankings cannot be filtered by event type")
        }
        let stocks = completeness && type == nil ? try await RegisterStocks.byGrid(under: unit.path, services: services, on: db) : nil
        var total = try await IndicatorStore.total(period, under: unit.path, type: type, on: db)
        if let stocks { total += RegisterStocks.total(stocks) }
        let rows = try await rows(unit: unit, period: period, type: type, by: breakdown, stocks: stocks, language: language, on: db)
        var overdue = EventStore.Filter()
        overdue.gridUnder = unit.path
        overdue.overdueAt = now
        overdue.typeCode = type
        return IndicatorReportDTO(
            unitCode: unit.code.rawValue, unitName: unit.name, period: period.description, from: period.first.description,
            through: period.last.description, type: type, by: breakdown.rawValue, indicators: Self.definitions(in: language),
            total: Self.row(key: unit.code.rawValue, name: unit.name, total), rows: rows,
            overdueNow: try await EventStore.count(overdue, on: db))
    }

    private func rows(
        unit: OrgUnit, period: StatPeriod, type: String?, by breakdown: IndicatorBreakdown, stocks: [String: MeasureVector]?,
        language: Language, on db: any Database
    ) async throws -> [IndicatorReportDTO.Row] {
        switch breakdown {
        case .none:
            return []
        case .unit:
            let children = try await UnitStore.children(of: unit.id, on: db).filter { $0.kind.isTerritorial }
            var byGrid = try await IndicatorStore.sums(period, under: unit.path, subject: .territory, type: type, groupBy: .unitPath, on: db)
            for (grid, stock) in stocks ?? [:] { byGrid[grid] = (byGrid[grid] ?? MeasureVector()) + stock }
            let rolled = IndicatorBreakdown.rollUp(byGrid, into: children.map(\.path))
            return children.map { Self.row(key: $0.code.rawValue, name: $0.name, rolled[$0.path] ?? MeasureVector()) }
        case .type:
            let byType = try await IndicatorStore.sums(
                period, under: unit.path, subject: .territory, type: type, typed: true, groupBy: .typeCode, on: db)
            return byType.keys.sorted().map { code in
                Self.row(key: code, name: catalog[code]?.name ?? code, byType[code] ?? MeasureVector())
            }
        case .period:
            let byPeriod = try await IndicatorStore.sums(period, under: unit.path, subject: .territory, type: type, groupBy: .period, on: db)
            return byPeriod.keys.sorted().map { Self.row(key: $0, name: $0, byPeriod[$0] ?? MeasureVector()) }
        case .worker:
            let (byWorker, names) = try await WorkerNames.figures(period, under: unit, stocks: stocks, on: db)
            return byWorker.map { Self.row(key: $0.key.uuidString.lowercased(), name: names[$0.key] ?? "—", $0.value) }
                .sorted { ($0.name, $0.key) < ($1.name, $1.key) }
        case .department:
            let byUnit = try await IndicatorStore.sums(period, under: unit.path, subject: .handlers, groupBy: .unitPath, on: db)
            let units = Dictionary(
                try await UnitStore.subtree(unit.path, on: db).map { ($0.path.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
            return byUnit.compactMap { path, vector in
                units[path].map { Self.row(key: $0.code.rawValue, name: $0.name, vector) }
            }.sorted { ($0.name, $0.key) < ($1.name, $1.key) }
        }
    }

    static func row(key: String, name: String, _ vector: MeasureVector) -> IndicatorReportDTO.Row {
        IndicatorReportDTO.Row(
            key: key, name: name,
            measures: Dictionary(uniqueKeysWithValues: Measure.allCases.map { ($0.column, vector[$0]) }),
            values: Dictionary(uniqueKeysWithValues: Indicator.all.map { ($0.id, $0.value(of: vector)) }))
    }

    /// The kind of an indicator as the API names it, with its measures.
    static func kind(of indicator: Indicator) -> (kind: String, numerator: Measure, denominator: Measure?) {
        switch indicator.kind {
        case .count(let m): ("count", m, nil)
        case .amount(let m, _): ("amount", m, nil)
        case .rate(let n, let d): ("rate", n, d)
        case .mean(let n, let d, _): ("mean", n, d)
        }
    }

    static func definitions(in language: Language) -> [IndicatorReportDTO.Definition] {
        Indicator.all.map { indicator in
            let (kind, numerator, denominator) = kind(of: indicator)
            return IndicatorReportDTO.Definition(
                id: indicator.id, name: indicator.name.text(in: language), definition: indicator.definition.text(in: language),
                kind: kind, numerator: numerator.column, denominator: denominator?.column, unit: indicator.unit?.text(in: language))
        }
    }
}
