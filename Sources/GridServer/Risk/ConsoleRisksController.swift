import Foundation
import GridCore
import GridStore
import Vapor

/// The risk register in the console (风险台账, `/console/risks`): the unit's risks by level with
/// the responsible person and measures, filters, open major risks at the top with their plan,
/// the hot spots of the last 30 days, and a risk's page with the adjustment and controls forms
/// (validated on the server, errors beside their fields) — all through `RiskService`.
struct ConsoleRisksController {
    let risks: RiskService

    static let perPage = 30

    func register(_ routes: any RoutesBuilder) {
        let pages = routes.grouped("console", "risks")
        pages.get { req in
            try await gate(req) { shell, principal in try await list(req, shell, principal) }
        }
        pages.get(":id") { req in
            try await gate(req) { shell, principal in
                let saved = req.query[String.self, at: "saved"] != nil
                return try await detail(
                    req, shell, principal, id: try Self.id(req), message: saved ? try req.grid.strings.text("risks_saved", req.language) : nil)
            }
        }
        pages.post(":id", "adjust") { req in
            try await gate(req) { shell, principal in try await adjust(req, shell, principal) }
        }
        pages.post(":id", "measures") { req in
            try await gate(req) { shell, principal in try await measures(req, shell, principal) }
        }
    }

    private func gate(_ req: Request, render: (ShellContext, Principal) async throws -> Response) async throws -> Response {
        try await ConsoleGate.page(req, titleKey: "risks_title", path: "/console/risks", needs: .risksRead, render: render)
    }

    private static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw GridHTTPError.notFound }
        return id
    }

    // MARK: the register

    private func list(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let services = try req.grid
        let language = req.language
        let time = ConsoleTime(timeZone: services.calendar.timeZone)
        let strings = services.strings
        var query: RiskQuery
        var error: String?
        do {
            query = try await RiskQuery.parse(req, principal)
        } catch let failure as ValidationFailure {
            error = failure.reason.text(in: language)
            query = RiskQuery(unit: principal.account.unit, filter: RiskStore.Filter(under: principal.unitPath))
        }
        // The register lists open risks unless a state is chosen.
        let stateText = req.query[String.self, at: "state"] ?? "open,controlled"
        if req.query[String.self, at: "state"] == nil { query.filter.states = [.open, .controlled] }
        let number = max(1, req.query[Int.self, at: "page"] ?? 1)
        let (items, total) = try await RiskStore.list(query.filter, page: number, per: Self.perPage, on: req.db)
        var countFilter = query.filter
        countFilter.levels = nil
        let counts = try await RiskStore.countsByLevel(countFilter, on: req.db)
        var majorFilter = RiskStore.Filter(under: query.unit.path, levels: [.major], states: [.open, .controlled])
        majorFilter.kind = query.filter.kind
        let majors = try await RiskStore.list(majorFilter, page: 1, per: 20, on: req.db).items
        let now = services.clock.now
        let rules = try await risks.currentRules(on: req.db)
        let reports = try await RiskStore.reports(under: query.unit.path, since: now.addingTimeInterval(-rules.repeatWindow), on: req.db)
        let spots = RiskHotSpots.find(reports, radius: rules.repeatRadius, minimum: rules.repeatThreshold + 1)
            .prefix(20).map { spot in
                Spot(kind: spot.kind.label.text(in: language), grid: spot.gridPath.codes.last ?? "",
                     place: String(format: "%.5f, %.5f", spot.centre.lon, spot.centre.lat), count: spot.count,
                     first: time.text(spot.first), last: time.text(spot.last),
                     events: zip(spot.reportIDs, spot.numbers).prefix(10).map { SpotEvent(id: $0.uuidString, number: $1) })
            }
        let chosenLevels = Set((query.filter.levels ?? []).map(\.rawValue))
        let link = "/console/risks?unit=\(query.unit.code.rawValue)&state=\(stateText)"
            + (query.filter.levels.map { "&level=" + $0.map(\.rawValue).joined(separator: ",") } ?? "")
            + (query.filter.kind.map { "&kind=\($0.rawValue)" } ?? "")
        let context = ListPage(
            shell: shell, unit: query.unit.code.rawValue, unitName: query.unit.name,
            levels: [Option(value: "", label: strings.text("risks_all", language), selected: chosenLevels.isEmpty)]
                + RiskLevel.allCases.reversed().map { Option(value: $0.rawValue, label: $0.label.text(in: language), selected: chosenLevels == [$0.rawValue]) },
            states: [
                Option(value: "open,controlled", label: strings.text("risks_state_current", language), selected: stateText == "open,controlled"),
            ] + RiskState.allCases.map { Option(value: $0.rawValue, label: $0.label.text(in: language), selected: stateText == $0.rawValue) }
                + [Option(value: "open,controlled,closed", label: strings.text("risks_all", language), selected: stateText == "open,controlled,closed")],
            kinds: [Option(value: "", label: strings.text("risks_all", language), selected: query.filter.kind == nil)]
                + RiskKind.allCases.map { Option(value: $0.rawValue, label: $0.label.text(in: language), selected: query.filter.kind == $0) },
            counts: RiskLevel.allCases.reversed().map { Count(level: $0.rawValue, label: $0.label.text(in: language), count: counts[$0] ?? 0) },
            majors: majors.map { Self.row($0, language: language, time: time) },
            rows: items.map { Self.row($0, language: language, time: time) }, total: total,
            pager: ConsolePager(total: total, page: number, per: Self.perPage, link: link), spots: Array(spots), error: error)
        return try await AdminRender.page(req, "console/risks", context, status: error == nil ? .ok : .unprocessableEntity)
    }

    // MARK: one risk

    private func detail(
        _ req: Request, _ shell: ShellContext, _ principal: Principal, id: UUID, adjust: AdjustForm? = nil, control: MeasuresForm? = nil,
        errors: [String: String] = [:], errorForm: String = "", message: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let services = try req.grid
        let language = req.language
        let time = ConsoleTime(timeZone: services.calendar.timeZone)
        let risk = try await risks.find(id, by: principal, on: req.db)
        let a = risk.assessment
        let context = DetailPage(
            shell: shell, risk: Self.row(risk, language: language, time: time), kindCategory: a.kind.category.label.text(in: language),
            facts: a.facts.map { $0.label.text(in: language) },
            adjustments: a.adjustments.reversed().map {
                Adjustment(from: "\($0.fromLikelihood) × \($0.fromSeverity)", to: "\($0.likelihood) × \($0.severity)", reason: $0.reason,
                           by: $0.byName, at: time.text($0.at))
            },
            canManage: principal.holds(.risksManage, policy: services.policy), scale: RiskAssessment.scale.map(String.init),
            adjust: adjust ?? AdjustForm(likelihood: String(a.likelihood), severity: String(a.severity), reason: ""),
            control: control ?? MeasuresForm(
                measures: risk.control?.measures ?? "", responsibleUnit: risk.control?.responsibleUnit.codes.last ?? "",
                responsiblePerson: risk.control?.responsiblePerson ?? "", plan: risk.control?.plan ?? ""),
            errors: errors, errorForm: errorForm, message: message)
        return try await AdminRender.page(req, "console/risk", context, status: status)
    }

    private struct AdjustInput: Content {
        var likelihood: String?
        var severity: String?
        var reason: String?
    }

    private struct MeasuresInput: Content {
        var measures: String?
        var responsible_unit: String?
        var responsible_person: String?
        var plan: String?
    }

    private func adjust(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let id = try Self.id(req)
        try req.grid.policy.check(principal.scope, .risksManage)
        let input = (try? req.content.decode(AdjustInput.self)) ?? AdjustInput()
        let form = AdjustForm(likelihood: input.likelihood ?? "", severity: input.severity ?? "", reason: input.reason ?? "")
        let request = AdjustRiskRequestDTO(
            likelihood: input.likelihood.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
            severity: input.severity.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }, reason: input.reason)
        do {
            _ = try await risks.adjust(id, request, by: principal, on: req.db)
            return req.redirect(to: "/console/risks/\(id.uuidString)?saved=adjust", redirectType: .normal)
        } catch let failures as ValidationFailures {
            return try await detail(
                req, shell, principal, id: id, adjust: form, errors: ConsolePagesController.fieldErrors(failures.failures, req.language),
                errorForm: "adjust", status: .unprocessableEntity)
        }
    }

    private func measures(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let id = try Self.id(req)
        try req.grid.policy.check(principal.scope, .risksManage)
        let input = (try? req.content.decode(MeasuresInput.self)) ?? MeasuresInput()
        let form = MeasuresForm(
            measures: input.measures ?? "", responsibleUnit: input.responsible_unit ?? "", responsiblePerson: input.responsible_person ?? "",
            plan: input.plan ?? "")
        let request = RiskMeasuresRequestDTO(
            measures: input.measures, responsibleUnit: input.responsible_unit, responsiblePerson: input.responsible_person, plan: input.plan)
        do {
            _ = try await risks.control(id, request, by: principal, on: req.db)
            return req.redirect(to: "/console/risks/\(id.uuidString)?saved=measures", redirectType: .normal)
        } catch let failures as ValidationFailures {
            return try await detail(
                req, shell, principal, id: id, control: form, errors: ConsolePagesController.fieldErrors(failures.failures, req.language),
                errorForm: "measures", status: .unprocessableEntity)
        }
    }
}
