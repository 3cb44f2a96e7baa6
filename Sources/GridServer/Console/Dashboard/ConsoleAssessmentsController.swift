import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// Assessment in the console (考核评价): the ten best grid workers of a month, the schemes with
/// their weights and rules, a form to run a scheme for a unit and a period, the recent runs, and
/// a run's page — ranks, grades, every item's points with the parts behind them — to publish
/// (freeze) and export as CSV. Runs go through `AssessmentService` like the API.
struct ConsoleAssessmentsController {
    struct HomePage: Encodable, Sendable {
        var shell: ShellContext
        var period: String
        var units: [ConsoleChoice]
        var schemes: [SchemeRow]
        var schemeChoices: [ConsoleChoice]
        var top: [ResultRow]
        var runs: [RunRow]
        /// Whether the viewer may change schemes, publish and give bonuses.
        var canManage: Bool
        var error: String?
    }

    struct SchemeRow: Encodable, Sendable {
        var id: String
        var name: String
        var subject: String
        var items: [String]
        var forced: String?
    }

    struct RunRow: Encodable, Sendable {
        var id: String
        var scheme: String
        var period: String
        var unit: String
        var state: String
        var subjects: Int
    }

    struct ResultRow: Encodable, Sendable {
        var rank: Int
        var key: String
        var name: String
        var total: String
        var grade: String
        var bandGrade: String
        var cells: [Cell]
        var bonus: String
    }

    /// A results column: the item's indicator and the most it gives (or takes), with its rule.
    struct Column: Encodable, Sendable {
        var name: String
        var weight: String
        var rule: String
    }

    struct Cell: Encodable, Sendable {
        /// The item's indicator id (the trace page's `item`).
        var item: String
        var points: String
        /// Value and parts, for the hover: "有效上报率 66.7%（2 / 3）".
        var detail: String
    }

    struct RunPage: Encodable, Sendable {
        var shell: ShellContext
        var id: String
        var title: String
        var state: String
        var canPublish: Bool
        var columns: [Column]
        var rows: [ResultRow]
        /// The bonus form of a draft, for those who may manage assessments; nil otherwise.
        var bonus: BonusForm?
    }

    func register(_ routes: any RoutesBuilder) {
        let group = routes.grouped("console", "assessments")
        group.get { req in
            try await gate(req) { shell, principal in try await home(req, shell, principal) }
        }
        group.post("run") { req in
            try await gate(req) { shell, principal in try await run(req, shell, principal) }
        }
        registerSchemes(group)
        registerBonus(group)
        group.get("runs", ":id") { req in
            try await gate(req) { shell, principal in try await runPage(req, shell, principal) }
        }
        group.get("runs", ":id", "trace") { req in
            try await gate(req) { shell, principal in try await tracePage(req, shell, principal) }
        }
        group.post("runs", ":id", "publish") { req in
            try await gate(req) { _, principal in
                let id = try req.idParameter()
                try req.grid.policy.check(principal.scope, .assessmentManage)
                _ = try await AssessmentService(services: try req.grid).publish(
                    id, by: principal, actor: principal.auditActor(for: req), on: req.db)
                return req.redirect(to: "/console/assessments/runs/\(id)")
            }
        }
    }

    func gate(_ req: Request, render: (ShellContext, Principal) async throws -> Response) async throws -> Response {
        try await ConsoleGate.page(req, titleKey: "menu_assessments", path: "/console/assessments", needs: .statsRead, render: render)
    }

    private func home(_ req: Request, _ shell: ShellContext, _ principal: Principal, error: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let services = try req.grid
        let language = req.language
        let period = try req.query[String.self, at: "period"].map { try StatPeriod(parsing: $0) } ?? AssessmentsController.lastMonth(services)
        let service = AssessmentService(services: services)
        let top = try await service.topWorkers(under: principal.account.unit, period: period, on: req.db)
        let schemes = try await AssessmentStore.schemeList(on: req.db)
        let runs = try await AssessmentStore.runs(under: principal.unitPath, limit: 20, on: req.db)
        let units = try await ConsoleChoice.territorialUnits(under: principal.account.unit, selected: principal.account.unit.id, on: req.db)
        let page = HomePage(
            shell: shell, period: period.description, units: units,
            schemes: schemes.map { scheme in
                SchemeRow(
                    id: scheme.id.uuidString, name: scheme.name, subject: scheme.subject.label.text(in: language),
                    items: scheme.items.map { Self.describe($0, language: language) },
                    forced: scheme.forced.map {
                        LocalizedText(zh: "强制分布：优秀 ≤ \(Int($0.maxExcellentShare * 100))%，基本合格及以下 ≥ \(Int($0.minBasicShare * 100))%",
                                      en: "forced: excellent ≤ \(Int($0.maxExcellentShare * 100))%, basic or below ≥ \(Int($0.minBasicShare * 100))%")
                            .text(in: language)
                    })
            },
            schemeChoices: schemes.map { ConsoleChoice(value: $0.id.uuidString, label: $0.name, selected: false) },
            top: Self.rows(top.results, items: top.items, language: language),
            runs: runs.map {
                RunRow(id: $0.id.uuidString, scheme: $0.scheme.name, period: $0.period, unit: $0.unitPath.codes.last ?? "",
                       state: Self.stateLabel($0.published).text(in: language), subjects: $0.results.count)
            },
            canManage: principal.holds(.assessmentManage, policy: services.policy),
            error: error)
        return try await req.view.render("console/assessments", page).encodeResponse(status: status, for: req)
    }

    private func run(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let schemeID = (try? req.content.get(String.self, at: "scheme")).flatMap(UUID.init(uuidString:))
        let period = (try? req.content.get(String.self, at: "period")) ?? ""
        let unitRef = try? req.content.get(String.self, at: "unit")
        do {
            guard let schemeID else {
                throw ValidationFailure(field: "scheme", zh: "请选择考核方案", en: "choose a scheme")
            }
            let unit = try await AssessmentsController.unit(unitRef, req, principal)
            let stored = try await AssessmentService(services: try req.grid).run(
                AssessmentRunRequestDTO(schemeID: schemeID, period: period), unit: unit, actor: principal.auditActor(for: req), on: req.db)
            return req.redirect(to: "/console/assessments/runs/\(stored.id)")
        } catch let failure as ValidationFailure {
            return try await home(req, shell, principal, error: failure.reason.text(in: req.language), status: .unprocessableEntity)
        } catch let http as GridHTTPError {
            guard case .conflict(let text) = http else { throw http }
            return try await home(req, shell, principal, error: text.text(in: req.language), status: .conflict)
        }
    }

    func runPage(
        _ req: Request, _ shell: ShellContext, _ principal: Principal, bonus typed: BonusForm? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let language = req.language
        guard let stored = try await AssessmentStore.run(try req.idParameter(), on: req.db), principal.unitPath.contains(stored.unitPath) else {
            throw GridHTTPError.notFound
        }
        if req.query[String.self, at: "format"] == "csv" { return try await csv(req, principal, stored) }
        let policy = try req.grid.policy
        let canPublish = !stored.published && principal.holds(.assessmentManage, policy: policy)
        var bonus = typed ?? BonusForm()
        bonus.subjects = stored.results.map { ConsoleChoice(value: $0.key, label: $0.name, selected: $0.key == bonus.subject) }
        let page = RunPage(
            shell: shell, id: stored.id.uuidString,
            title: "\(stored.scheme.name) · \(stored.period) · \(stored.unitPath.codes.last ?? "")",
            state: Self.stateLabel(stored.published).text(in: language), canPublish: canPublish,
            columns: stored.scheme.items.map { item in
                let penalty = if case .penalty = item.rule { true } else { false }
                return Column(
                    name: Indicator.find(item.indicator)?.name.text(in: language) ?? item.indicator,
                    weight: (penalty ? "−" : "") + AssessmentSchemeForm.text(item.weight), rule: Self.describe(item, language: language))
            },
            rows: Self.rows(stored.results, items: stored.scheme.items, language: language),
            bonus: canPublish ? bonus : nil)
        return try await req.view.render("console/assessment-run", page).encodeResponse(status: status, for: req)
    }

    private func csv(_ req: Request, _ principal: Principal, _ run: AssessmentStore.StoredRun) async throws -> Response {
        let language = req.language
        let names = run.scheme.items.map { Indicator.find($0.indicator)?.name.text(in: language) ?? $0.indicator }
        let zh = language == .zhHans
        var text = CSVText.line(
            [zh ? "名次" : "rank", zh ? "编码" : "key", zh ? "名称" : "name"] + names.flatMap { [$0, $0 + (zh ? "得分" : " points")] }
            + [zh ? "加减分" : "bonus", zh ? "总分" : "total", zh ? "等级" : "grade"]) + "\r\n"
        for result in run.results {
            var fields = [String(result.rank), result.key, result.name]
            for item in result.items {
                fields += [item.value.map { String(format: "%.4f", $0) } ?? "", String(format: "%.2f", item.points)]
            }
            fields += [String(format: "%.2f", result.bonus), String(format: "%.2f", result.total), result.grade.label.text(in: language)]
            text += CSVText.line(fields) + "\r\n"
        }
        try await AuditLog.record(
            AuditRecord(action: "assessment.export", targetType: "assessment", targetID: run.id.uuidString,
                        summary: "\(run.scheme.name) \(run.period)", unitPath: run.unitPath),
            by: principal.auditActor(for: req), on: req.db, now: try req.grid.clock.now)
        return PeopleController.csvResponse(text, name: "assessment-\(run.period).csv")
    }

    static func rows(_ results: [AssessmentRun.Result], items: [AssessmentScheme.Item], language: Language) -> [ResultRow] {
        results.map { result in
            ResultRow(
                rank: result.rank, key: result.key, name: result.name, total: String(format: "%.2f", result.total),
                grade: result.grade.label.text(in: language), bandGrade: result.bandGrade.label.text(in: language),
                cells: result.items.map { item in
                    let indicator = Indicator.find(item.indicator)
                    let value: String = switch indicator?.kind {
                    case .rate: RateText.percent(item.value)
                    case .mean, .amount: item.value.map { String(format: "%.1f", $0) } ?? "—"
                    default: String(item.numerator)
                    }
                    let parts = item.denominator.map { "（\(item.numerator) / \($0)）" } ?? ""
                    return Cell(item: item.indicator, points: String(format: "%.2f", item.points),
                                detail: "\(indicator?.name.text(in: language) ?? item.indicator) \(value)\(parts)")
                },
                bonus: result.bonus == 0 ? "" : String(format: "%+.1f %@", result.bonus, result.bonusReasons.joined(separator: "；")))
        }
    }

    static func describe(_ item: AssessmentScheme.Item, language: Language) -> String {
        let name = Indicator.find(item.indicator)?.name.text(in: language) ?? item.indicator
        let weight = item.weight.formatted()
        let rule: LocalizedText = switch item.rule {
        case .linear(let zeroAt, let fullAt):
            LocalizedText(zh: "\(zeroAt.formatted()) 得 0 分，\(fullAt.formatted()) 得满分，之间按比例",
                          en: "0 at \(zeroAt.formatted()), full at \(fullAt.formatted()), linear between")
        case .thresholds(let steps):
            LocalizedText(zh: "分档：" + steps.map { "≥\($0.atLeast.formatted()) 得 \($0.points.formatted())" }.joined(separator: "，"),
                          en: "steps: " + steps.map { "≥\($0.atLeast.formatted()) → \($0.points.formatted())" }.joined(separator: ", "))
        case .penalty(let each):
            LocalizedText(zh: "每个扣 \(each.formatted()) 分，最多扣 \(weight) 分", en: "−\(each.formatted()) each, at most −\(weight)")
        }
        return "\(name) \(weight) · \(rule.text(in: language))"
    }

    static func stateLabel(_ published: Bool) -> LocalizedText {
        published ? LocalizedText(zh: "已公布（冻结）", en: "published (frozen)") : LocalizedText(zh: "草稿", en: "draft")
    }
}
