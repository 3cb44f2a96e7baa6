import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// The indicators page (考核指标): every indicator of a unit for any period, by sub-unit, event
/// type, period, worker or department, each column headed by its definition, exportable as CSV —
/// the same report the API serves (`IndicatorService`).
struct IndicatorsPageController {
    struct Page: Encodable, Sendable {
        var shell: ShellContext
        var units: [ConsoleChoice]
        var breakdowns: [ConsoleChoice]
        var types: [ConsoleChoice]
        var period: String
        /// Whether the register's completeness was read (`completeness=true`).
        var completeness: Bool
        var title: String
        var columns: [Column]
        var total: Row
        var rows: [Row]
        var exportQuery: String

        struct Column: Encodable, Sendable {
            var id: String
            var name: String
            var definition: String
        }

        struct Row: Encodable, Sendable {
            var key: String
            var name: String
            var cells: [String]
            /// The parts of each rate ("12 / 15"), for the hover.
            var parts: [String]
        }
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("console", "indicators") { req in
            try await ConsoleGate.page(req, titleKey: "menu_indicators", path: "/console/indicators", needs: .statsRead) { shell, principal in
                let (report, query) = try await load(req, principal)
                if req.query[String.self, at: "format"] == "csv" { return try await csv(req, principal, report) }
                return try await page(req, shell, principal, report, query)
            }
        }
    }

    private func load(_ req: Request, _ principal: Principal) async throws -> (IndicatorReportDTO, (period: StatPeriod, type: String?, by: IndicatorBreakdown)) {
        let services = try req.grid
        let unit = try await PeopleController.unit(req, principal)
        var query = try StatsController.query(req, today: services.calendar.day(of: services.clock.now))
        if req.query[String.self, at: "by"] == nil { query.by = .unit }
        let report = try await IndicatorService(services: services).report(
            unit: unit, period: query.period, type: query.type, by: query.by, completeness: StatsController.completeness(req),
            now: services.clock.now, language: req.language, on: req.db)
        return (report, query)
    }

    private func page(
        _ req: Request, _ shell: ShellContext, _ principal: Principal, _ report: IndicatorReportDTO,
        _ query: (period: StatPeriod, type: String?, by: IndicatorBreakdown)
    ) async throws -> Response {
        let language = req.language
        let catalog = try req.grid.catalog.catalog
        let units = try await ConsoleChoice.territorialUnits(under: principal.account.unit, selected: nil, on: req.db)
            .map { ConsoleChoice(value: $0.value, label: $0.label, selected: $0.value == report.unitCode) }
        let breakdowns = IndicatorBreakdown.allCases.map {
            ConsoleChoice(value: $0.rawValue, label: Self.label($0).text(in: language), selected: $0 == query.by)
        }
        var types = [ConsoleChoice(value: "", label: LocalizedText(zh: "全部类型", en: "All types").text(in: language), selected: query.type == nil)]
        types += catalog.types.filter { catalog.isReportable($0.code) }.map {
            ConsoleChoice(value: $0.code, label: "\($0.code) \($0.name)", selected: $0.code == query.type)
        }
        let columns = report.indicators.map { Page.Column(id: $0.id, name: $0.name, definition: $0.definition) }
        var components = URLComponents()
        components.queryItems = [
            URLQueryItem(name: "unit", value: report.unitCode), URLQueryItem(name: "period", value: report.period),
            URLQueryItem(name: "by", value: report.by), URLQueryItem(name: "format", value: "csv"),
        ] + (report.type.map { [URLQueryItem(name: "type", value: $0)] } ?? [])
            + (StatsController.completeness(req) ? [URLQueryItem(name: "completeness", value: "true")] : [])
        let page = Page(
            shell: shell, units: units, breakdowns: breakdowns, types: types, period: report.period,
            completeness: StatsController.completeness(req),
            title: "\(report.unitName) · \(report.period)（\(report.from) – \(report.through)）",
            columns: columns, total: Self.row(report.total, report), rows: report.rows.map { Self.row($0, report) },
            exportQuery: components.percentEncodedQuery ?? "")
        return try await req.view.render("console/indicators", page).encodeResponse(for: req)
    }

    private func csv(_ req: Request, _ principal: Principal, _ report: IndicatorReportDTO) async throws -> Response {
        let language = req.language
        // Values, then every measure: whoever checks a figure has its numerator and denominator.
        let measures = Measure.allCases.map(\.column)   // the stocks too: completeness's parts
        var text = CSVText.line(
            [language == .zhHans ? "编码" : "key", language == .zhHans ? "名称" : "name"] + report.indicators.map(\.name) + measures) + "\r\n"
        for row in report.rows + [report.total] {
            text += CSVText.line([row.key, row.name] + report.indicators.map { Self.raw(row.values[$0.id] ?? nil) }
                                 + measures.map { String(row.measures[$0] ?? 0) }) + "\r\n"
        }
        try await AuditLog.record(
            AuditRecord(action: "stats.export", targetType: "unit", targetID: report.unitCode,
                        summary: "indicators \(report.period) by \(report.by)", unitPath: principal.unitPath),
            by: principal.auditActor(for: req), on: req.db, now: try req.grid.clock.now)
        return PeopleController.csvResponse(text, name: "indicators-\(report.unitCode)-\(report.period)-\(report.by).csv")
    }

    static func row(_ row: IndicatorReportDTO.Row, _ report: IndicatorReportDTO) -> Page.Row {
        var cells: [String] = []
        var parts: [String] = []
        for definition in report.indicators {
            let value = row.values[definition.id] ?? nil
            let numerator = row.measures[definition.numerator] ?? 0
            switch definition.kind {
            case "rate": cells.append(RateText.percent(value))
            case "mean", "amount": cells.append(value.map { String(format: "%.1f", $0) } ?? "—")
            default: cells.append(String(numerator))
            }
            parts.append(definition.denominator.map { "\(numerator) / \(row.measures[$0] ?? 0)" } ?? String(numerator))
        }
        return Page.Row(key: row.key, name: row.name, cells: cells, parts: parts)
    }

    /// A value for the CSV: four decimals for fractions, empty when there is none.
    static func raw(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.4f", value)
    }

    static func label(_ breakdown: IndicatorBreakdown) -> LocalizedText {
        switch breakdown {
        case .none: LocalizedText(zh: "仅合计", en: "Total only")
        case .unit: LocalizedText(zh: "按下级单位", en: "By sub-unit")
        case .type: LocalizedText(zh: "按事件类型", en: "By event type")
        case .period: LocalizedText(zh: "按日/月", en: "By day or month")
        case .worker: LocalizedText(zh: "按网格员", en: "By grid worker")
        case .department: LocalizedText(zh: "按处置部门", en: "By handling unit")
        }
    }
}
