import Foundation
import GridCore
import Vapor

/// The overdue policy in the console (超期处置): for each stage (受理派遣, 处置, 核查, 结案) what the
/// platform does when its deadline passes, offering only the responses the stage allows, saved
/// through `OverduePolicyService.update` like `PUT /api/v1/settings/overdue-policy`; and, read
/// only, the deadlines of each level as the admission list defines them.
struct ConsoleOverdueController {
    /// How many item codes a level's row names before it only counts.
    static let namedItems = 12

    struct Page: Encodable, Sendable {
        var shell: ShellContext
        var stages: [Stage]
        var levels: [Level]
        var message: String?
        var errors: [String: String]
    }

    struct Stage: Encodable, Sendable {
        var key: String
        var label: String
        var states: String
        var options: [ConsoleChoice]
        var error: String?
    }

    struct Level: Encodable, Sendable {
        var level: Int
        var who: String
        var standard: String
        var items: Int
        var range: String
        /// The items whose deadline at this level is not the standard, the first few named.
        var differing: String
        var more: Int
    }

    func register(_ routes: any RoutesBuilder) {
        let admin = routes.grouped("console", "admin", "overdue")
        admin.get { req in
            try await gate(req) { shell, _ in
                try await page(req, shell, policy: try await OverduePolicyService.load(on: req.db))
            }
        }
        admin.post { req in
            try await gate(req) { shell, principal in try await save(req, shell, principal) }
        }
    }

    private func gate(_ req: Request, render: (ShellContext, Principal) async throws -> Response) async throws -> Response {
        try await ConsoleGate.page(req, titleKey: "admin_overdue_title", path: "/console/admin", needs: .settingsManage, render: render)
    }

    private func save(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let services = try req.grid
        var changes: [String: String] = [:]
        for stage in OverduePolicy.Stage.allCases {
            if let value = try? req.content.get(String.self, at: stage.rawValue) { changes[stage.rawValue] = value }
        }
        do {
            let policy = try await OverduePolicyService.update(
                changes, actor: principal.auditActor(for: req), now: services.clock.now, on: req.db)
            return try await page(req, shell, policy: policy, message: services.strings.text("admin_overdue_saved", req.language))
        } catch let failures as ValidationFailures {
            return try await page(
                req, shell, policy: try await OverduePolicyService.load(on: req.db),
                errors: ConsolePagesController.fieldErrors(failures.failures, req.language), status: .unprocessableEntity)
        }
    }

    private func page(
        _ req: Request, _ shell: ShellContext, policy: OverduePolicy, message: String? = nil, errors: [String: String] = [:],
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let services = try req.grid
        let language = req.language
        let catalog = services.catalog.catalog
        let stages = OverduePolicy.Stage.allCases.map { stage in
            let current = policy.response(for: stage)
            return Stage(
                key: stage.rawValue, label: stage.label.text(in: language),
                states: stage.states.map { $0.label.text(in: language) }.joined(separator: "、"),
                options: stage.allowedResponses.map {
                    ConsoleChoice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == current)
                },
                error: errors[stage.rawValue])
        }
        let reportable = catalog.reportableTypes
        let levels = EventType.levels.map { level in
            let standard = DeadlineRule.standard(forLevel: level) ?? .sameWorkingDay
            let days = reportable.map { $0.deadlineRule(forLevel: level).workingDays }
            let differing = reportable.filter { $0.deadlineRule(forLevel: level) != standard }.map { "\($0.code) \($0.name)" }
            return Level(
                level: level, who: services.strings.text("admin_level_\(level)", language),
                standard: standard.label.text(in: language),
                items: reportable.filter { $0.defaultLevel == level }.count,
                range: Self.range(days, language: language),
                differing: differing.prefix(Self.namedItems).joined(separator: "、"), more: max(0, differing.count - Self.namedItems))
        }
        let context = Page(shell: shell, stages: stages, levels: levels, message: message, errors: errors)
        return try await AdminRender.page(req, "console/admin-overdue", context, status: status)
    }

    /// "当日办结", "3 个工作日" or "当日办结 – 5 个工作日" for the days items allow at a level.
    private static func range(_ days: [Int], language: Language) -> String {
        guard let low = days.min(), let high = days.max(),
              let lowRule = try? DeadlineRule(workingDays: low), let highRule = try? DeadlineRule(workingDays: high)
        else { return "" }
        return low == high ? lowRule.label.text(in: language) : "\(lowRule.label.text(in: language)) – \(highRule.label.text(in: language))"
    }
}
