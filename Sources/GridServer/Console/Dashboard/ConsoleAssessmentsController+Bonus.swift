import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// Bonus points with reasons (加减分) on a draft run: the assessor picks a subject, gives points
/// and says why; the run is scored again with every bonus so far, and stays a draft.
extension ConsoleAssessmentsController {
    struct BonusForm: Encodable, Sendable {
        var subjects: [ConsoleChoice] = []
        var subject = ""
        var points = ""
        var reason = ""
        var errors: [String: String] = [:]
    }

    func registerBonus(_ group: any RoutesBuilder) {
        group.post("runs", ":id", "bonus") { req in
            try await gate(req) { shell, principal in
                try req.grid.policy.check(principal.scope, .assessmentManage)
                guard let run = try await AssessmentStore.run(try req.idParameter(), on: req.db), principal.unitPath.contains(run.unitPath),
                      let code = run.unitPath.codes.last, let unit = try await UnitStore.find(code: code, on: req.db) else {
                    throw GridHTTPError.notFound
                }
                let field = { (name: String) in ((try? req.content.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
                let typed = BonusForm(subject: field("subject"), points: field("points"), reason: field("reason"))
                var failures: [ValidationFailure] = []
                if !run.results.contains(where: { $0.key == typed.subject }) {
                    failures.append(ValidationFailure(field: "subject", zh: "请选择加减分的对象", en: "choose whom the bonus is for"))
                }
                let points = AssessmentSchemeForm.number(typed.points, field: "points", failures: &failures)
                let bonuses = run.bonuses + [AssessmentRun.Bonus(key: typed.subject, points: points ?? 0, reason: typed.reason)]
                do {
                    guard failures.isEmpty else { throw ValidationFailures(failures) }
                    _ = try await AssessmentService(services: try req.grid).run(
                        AssessmentRunRequestDTO(schemeID: run.schemeID, period: run.period, bonuses: bonuses),
                        unit: unit, actor: principal.auditActor(for: req), on: req.db)
                    return req.redirect(to: "/console/assessments/runs/\(run.id)")
                } catch let refused as ValidationFailures {
                    return try await refusedBonus(req, shell, principal, typed, refused.failures)
                } catch let refused as ValidationFailure {
                    return try await refusedBonus(req, shell, principal, typed, [refused])
                }
            }
        }
    }

    /// The run page again with the bonus as typed; `bonuses[n].points` is the new bonus's points.
    private func refusedBonus(
        _ req: Request, _ shell: ShellContext, _ principal: Principal, _ typed: BonusForm, _ failures: [ValidationFailure]
    ) async throws -> Response {
        var form = typed
        let placed = failures.map { failure in
            guard let field = failure.field, field.hasPrefix("bonuses["), let part = field.split(separator: ".").last else { return failure }
            return ValidationFailure(field: String(part), reason: failure.reason)
        }
        form.errors = ConsolePagesController.fieldErrors(placed, req.language)
        return try await runPage(req, shell, principal, bonus: form, status: .unprocessableEntity)
    }
}
