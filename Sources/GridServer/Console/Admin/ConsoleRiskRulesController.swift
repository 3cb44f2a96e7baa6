import Foundation
import GridCore
import Vapor

/// The risk rules in the console (风险评估规则, `/console/admin/risk-rules`): the numbers of the
/// aggravating facts and the level thresholds, saved through `RiskRulesService.update` like
/// `PUT /api/v1/risks/rules`. A wrong value answers 422 with its message beside the field and the
/// form as typed; nothing is saved.
struct ConsoleRiskRulesController {
    struct Page: Encodable, Sendable {
        var shell: ShellContext
        var facts: [Field]
        var levels: [Field]
        var message: String?
        var errors: [String: String]
    }

    struct Field: Encodable, Sendable {
        var key: String
        var label: String
        var value: String
        var error: String?
    }

    /// The fields of each section, in `RiskRulesDTO.fields` order.
    static let factFields = ["many_people", "crowd", "repeat_window_days", "repeat_radius", "repeat_threshold", "repeat_surge"]
    static let levelFields = ["important", "major"]

    func register(_ routes: any RoutesBuilder) {
        let admin = routes.grouped("console", "admin", "risk-rules")
        admin.get { req in
            try await gate(req) { shell, _ in
                try await page(req, shell, values: Self.values(try await RiskRulesService.load(on: req.db).settings))
            }
        }
        admin.post { req in
            try await gate(req) { shell, principal in try await save(req, shell, principal) }
        }
    }

    private func gate(_ req: Request, render: (ShellContext, Principal) async throws -> Response) async throws -> Response {
        try await ConsoleGate.page(req, titleKey: "admin_risk_rules_title", path: "/console/admin", needs: .settingsManage, render: render)
    }

    private func save(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let services = try req.grid
        var typed: [String: String] = [:]
        for field in RiskRulesDTO.fields {
            typed[field] = ((try? req.content.get(String.self, at: field)) ?? "").trimmingCharacters(in: .whitespaces)
        }
        func number(_ field: String) -> Int? { typed[field].flatMap { Int($0) } }
        let settings = RiskRulesDTO(
            manyPeople: number("many_people"), crowd: number("crowd"), repeatWindowDays: number("repeat_window_days"),
            repeatRadius: number("repeat_radius"), repeatThreshold: number("repeat_threshold"), repeatSurge: number("repeat_surge"),
            important: number("important"), major: number("major"))
        do {
            let rules = try await RiskRulesService.update(settings, actor: principal.auditActor(for: req), now: services.clock.now, on: req.db)
            return try await page(req, shell, values: Self.values(rules.settings), message: services.strings.text("admin_risk_rules_saved", req.language))
        } catch let failures as ValidationFailures {
            return try await page(
                req, shell, values: typed, errors: ConsolePagesController.fieldErrors(failures.failures, req.language), status: .unprocessableEntity)
        }
    }

    private static func values(_ settings: RiskRulesDTO) -> [String: String] {
        [
            "many_people": settings.manyPeople, "crowd": settings.crowd, "repeat_window_days": settings.repeatWindowDays,
            "repeat_radius": settings.repeatRadius, "repeat_threshold": settings.repeatThreshold, "repeat_surge": settings.repeatSurge,
            "important": settings.important, "major": settings.major,
        ].compactMapValues { $0.map(String.init) }
    }

    private func page(
        _ req: Request, _ shell: ShellContext, values: [String: String], message: String? = nil, errors: [String: String] = [:],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let strings = try req.grid.strings
        let language = req.language
        func fields(_ keys: [String]) -> [Field] {
            keys.map { Field(key: $0, label: strings.text("admin_risk_rules_\($0)", language), value: values[$0] ?? "", error: errors[$0]) }
        }
        let context = Page(shell: shell, facts: fields(Self.factFields), levels: fields(Self.levelFields), message: message, errors: errors)
        return try await AdminRender.page(req, "console/admin-risk-rules", context, status: status)
    }
}
