import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// Basic-data import in the console (批量导入): a clerk picks people, rooms or organisations and a
/// CSV file (Chinese headers, as the template gives them), checks it first — every problem listed
/// by line and column, nothing written — and imports a clean file all or nothing. The checks and
/// the writing are `BasicDataImportService`'s, the same as the API's and `gridgov import`'s.
struct ConsoleImportController {
    struct Page: Encodable, Sendable {
        var shell: ShellContext
        var kinds: [ConsoleChoice]
        var kind: String
        /// The checked file, carried to the confirmation form so the clerk need not choose it again.
        var csv: String?
        var fileName: String
        var checkedRows: Int?
        var imported: Int?
        var problems: [Problem]
        var moreProblems: Int
        var error: String?
        var templates: [Template]
    }

    struct Problem: Encodable, Sendable {
        var row: Int
        var column: String
        var reason: String
    }

    struct Template: Encodable, Sendable {
        var kind: String
        var label: String
        var header: String
    }

    struct Form: Content {
        var kind: String?
        var step: String?
        var file: File?
        var csv: String?
        var file_name: String?
    }

    /// Problems listed on the page at most; the count of the rest is shown.
    static let problemLimit = 500

    func register(_ routes: any RoutesBuilder) {
        let console = routes.grouped("console")
        console.get("import") { req in
            try await ConsoleGate.page(req, titleKey: "menu_import", path: "/console/import", needs: .basicDataWrite) { shell, _ in
                let kind = req.query[String.self, at: "kind"].flatMap(BasicDataImportService.Kind.init(rawValue:)) ?? .people
                return try await render(req, page(shell, kind: kind, language: req.language))
            }
        }
        console.on(.POST, "import", body: .collect(maxSize: "40mb")) { req in
            try await ConsoleGate.page(req, titleKey: "menu_import", path: "/console/import", needs: .basicDataWrite) { shell, principal in
                try await submit(req, shell, principal)
            }
        }
    }

    private func page(_ shell: ShellContext, kind: BasicDataImportService.Kind, language: Language) -> Page {
        Page(
            shell: shell,
            kinds: BasicDataImportService.Kind.allCases.map { ConsoleChoice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == kind) },
            kind: kind.rawValue, csv: nil, fileName: "", checkedRows: nil, imported: nil, problems: [], moreProblems: 0, error: nil,
            templates: BasicDataImportService.Kind.allCases.map { Template(kind: $0.rawValue, label: $0.label.text(in: language), header: $0.templateHeader) })
    }

    private func submit(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let language = req.language
        let form = try req.content.decode(Form.self)
        guard let kind = form.kind.flatMap(BasicDataImportService.Kind.init(rawValue:)) else {
            var page = page(shell, kind: .people, language: language)
            page.error = LocalizedText(zh: "请选择导入的数据类别", en: "choose what the file holds").text(in: language)
            return try await render(req, page, status: .unprocessableEntity)
        }
        var page = page(shell, kind: kind, language: language)
        let fromFile = form.file.flatMap { $0.data.readableBytes > 0 ? String(decoding: $0.data.readableBytesView, as: UTF8.self) : nil }
        guard let csv = fromFile ?? form.csv, !csv.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            page.error = LocalizedText(zh: "请选择 CSV 文件", en: "choose a CSV file").text(in: language)
            return try await render(req, page, status: .unprocessableEntity)
        }
        page.fileName = form.file?.filename ?? form.file_name ?? ""
        let dryRun = form.step != "import"
        do {
            let rows = try await BasicDataImportService(services: try req.grid).run(
                kind, csv: csv, dryRun: dryRun, scope: principal.unitPath, actor: req.auditActor, on: req.db)
            if dryRun {
                page.checkedRows = rows
                page.csv = csv
            } else {
                page.imported = rows
            }
            return try await render(req, page)
        } catch let problems as ImportProblems {
            page.problems = problems.problems.prefix(Self.problemLimit).map {
                Problem(row: $0.row, column: $0.column, reason: $0.reason.text(in: language))
            }
            page.moreProblems = max(0, problems.problems.count - Self.problemLimit)
            return try await render(req, page, status: .unprocessableEntity)
        } catch let failure as any UserFacingError {
            page.error = failure.reason.text(in: language)
            return try await render(req, page, status: .unprocessableEntity)
        }
    }

    private func render(_ req: Request, _ page: Page, status: HTTPResponseStatus = .ok) async throws -> Response {
        let response = try await req.view.render("console/import", page).encodeResponse(for: req)
        response.status = status
        return response
    }
}
