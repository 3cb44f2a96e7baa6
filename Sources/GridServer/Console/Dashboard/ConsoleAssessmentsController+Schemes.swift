import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// The scheme editor (考核方案设置): an administrator changes a scheme's indicators, weights,
/// rules, grade lines and forced distribution, or starts a new one (blank or copied). The form
/// is checked on the server; a refused one comes back as typed with each reason by its field.
extension ConsoleAssessmentsController {
    struct SchemePage: Encodable, Sendable {
        var shell: ShellContext
        /// The scheme's id, or "new".
        var id: String
        var heading: String
        var form: AssessmentSchemeForm
        var subjects: [ConsoleChoice]
        var rows: [EditorRow]
        var rowCount: Int
        var bands: [BandField]
        var message: String?
    }

    /// An item row with the indicators and rule kinds to choose from, the row's own selected.
    struct EditorRow: Encodable, Sendable {
        var item: AssessmentSchemeForm.ItemRow
        var indicators: [IndicatorOption]
        var rules: [ConsoleChoice]
    }

    struct IndicatorOption: Encodable, Sendable {
        var value: String
        var label: String
        var title: String
        var selected: Bool
    }

    /// One grade line: the grade's name and its input.
    struct BandField: Encodable, Sendable {
        var key: String
        var label: String
        var value: String
    }

    func registerSchemes(_ group: any RoutesBuilder) {
        group.get("schemes", "new") { req in
            try await gate(req) { shell, principal in
                try req.grid.policy.check(principal.scope, .assessmentManage)
                let source = try await req.query[String.self, at: "from"].flatMap(UUID.init(uuidString:))
                    .asyncMap { try await AssessmentStore.scheme($0, on: req.db) }
                var form = AssessmentSchemeForm(source ?? AssessmentScheme(id: UUID(), name: "", subject: .worker, items: []))
                form.name = try source.map { "\($0.name)\(try req.grid.strings.text("assess_scheme_copy_suffix", req.language))" } ?? ""
                return try await schemePage(req, shell, id: nil, form: form)
            }
        }
        group.get("schemes", ":id") { req in
            try await gate(req) { shell, principal in
                try req.grid.policy.check(principal.scope, .assessmentManage)
                guard let scheme = try await AssessmentStore.scheme(try req.idParameter(), on: req.db) else { throw GridHTTPError.notFound }
                let saved = req.query[String.self, at: "saved"] != nil
                return try await schemePage(
                    req, shell, id: scheme.id, form: AssessmentSchemeForm(scheme),
                    message: saved ? try req.grid.strings.text("assess_scheme_saved", req.language) : nil)
            }
        }
        group.post("schemes", ":id") { req in
            try await gate(req) { shell, principal in
                try req.grid.policy.check(principal.scope, .assessmentManage)
                let raw = req.parameters.get("id") ?? ""
                let existing = raw == "new" ? nil : try req.idParameter()
                let posted = AssessmentSchemeForm { try? req.content.get(String.self, at: $0) }
                switch posted.scheme(id: existing ?? UUID(), language: req.language) {
                case .failure(let refused):
                    return try await schemePage(req, shell, id: existing, form: refused.form, status: .unprocessableEntity)
                case .success(let scheme):
                    try await AssessmentService(services: try req.grid).save(
                        scheme, unitPath: principal.unitPath, actor: principal.auditActor(for: req), on: req.db)
                    return req.redirect(to: "/console/assessments/schemes/\(scheme.id)?saved=1")
                }
            }
        }
    }

    private func schemePage(
        _ req: Request, _ shell: ShellContext, id: UUID?, form: AssessmentSchemeForm, message: String? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let language = req.language
        let strings = try req.grid.strings
        let rules = [("linear", "assess_rule_linear"), ("thresholds", "assess_rule_thresholds"), ("penalty", "assess_rule_penalty")]
        let page = SchemePage(
            shell: shell, id: id?.uuidString ?? "new",
            heading: id == nil ? strings.text("assess_scheme_new", language) : form.name,
            form: form,
            subjects: AssessmentScheme.Subject.allCases.map {
                ConsoleChoice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0.rawValue == form.subject)
            },
            rows: form.items.map { row in
                EditorRow(
                    item: row,
                    indicators: Indicator.all.map {
                        IndicatorOption(value: $0.id, label: $0.name.text(in: language), title: $0.definition.text(in: language),
                                        selected: $0.id == row.indicator)
                    },
                    rules: rules.map { ConsoleChoice(value: $0.0, label: strings.text($0.1, language), selected: $0.0 == row.rule) })
            },
            rowCount: form.items.count,
            bands: [("excellent", Grade.excellent, form.excellent), ("qualified", .qualified, form.qualified), ("basic", .basic, form.basic)]
                .map { BandField(key: $0.0, label: $0.1.label.text(in: language), value: $0.2) },
            message: message)
        return try await req.view.render("console/assessment-scheme", page).encodeResponse(status: status, for: req)
    }
}

private extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
