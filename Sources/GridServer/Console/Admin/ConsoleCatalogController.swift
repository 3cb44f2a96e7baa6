import Foundation
import GridCore
import Vapor

/// The admission list in the console (事项准入清单): the tree of classes and items with what
/// each carries, the current list as a CSV to edit, and replacing it from a CSV — a preview that
/// lists every problem by line and column first; only a clean file can be applied, all at once,
/// through `CatalogService.importCSV` like `POST /api/v1/event-types/import`.
struct ConsoleCatalogController {
    static let perPage = 50
    /// How many codes the preview names per kind of change before it only counts.
    static let previewNames = 40

    struct Page: Encodable, Sendable {
        var shell: ShellContext
        var rows: [Row]
        var classes: Int
        var items: Int
        var pager: ConsolePager
        var header: String
        var csv: String
        var preview: Preview?
        var message: String?
        var error: String?
    }

    struct Row: Encodable, Sendable {
        var code: String
        var name: String
        var depth: Int
        /// The code cell's left padding, by depth in the tree.
        var indent: String
        var heading: Bool
        var eventClass: String
        var riskKind: String
        var level: Int
        var deadlines: [String]
        var department: String
        var police: String
        var component: String
        var isPublic: String
    }

    struct Preview: Encodable, Sendable {
        var ok: Bool
        var problems: [AdminRender.Problem]
        var items: Int
        var classes: Int
        var added: Change
        var removed: Change
        var changed: Change
        var csv: String
    }

    /// Codes of one kind of change, the first few named.
    struct Change: Encodable, Sendable {
        var count: Int
        var names: [String]
        var more: Int
    }

    func register(_ routes: any RoutesBuilder) {
        let admin = routes.grouped("console", "admin", "catalog")
        admin.get { req in
            try await gate(req) { shell, _ in try await page(req, shell) }
        }
        admin.get("export") { req in
            try await gate(req) { _, _ in
                let response = Response(status: .ok, body: .init(string: try req.grid.catalog.catalog.csvText))
                response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
                response.headers.contentDisposition = .init(.attachment, filename: "event-types.csv")
                return response
            }
        }
        admin.post("preview") { req in
            try await gate(req) { shell, _ in try await preview(req, shell) }
        }
        admin.post("apply") { req in
            try await gate(req) { shell, principal in try await apply(req, shell, principal) }
        }
    }

    private func gate(_ req: Request, render: (ShellContext, Principal) async throws -> Response) async throws -> Response {
        try await ConsoleGate.page(req, titleKey: "admin_catalog_title", path: "/console/admin", needs: .catalogManage, render: render)
    }

    private func page(
        _ req: Request, _ shell: ShellContext, csv: String = "", preview: Preview? = nil, message: String? = nil, error: String? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let catalog = try req.grid.catalog.catalog
        let language = req.language
        let all = Self.flatten(catalog.tree, depth: 0)
        let total = all.count
        let pages = max(1, (total + Self.perPage - 1) / Self.perPage)
        let number = min(max(1, req.query[Int.self, at: "page"] ?? 1), pages)
        let rows = all.dropFirst((number - 1) * Self.perPage).prefix(Self.perPage).map { node, depth in
            row(node, depth: depth, language: language, shell: shell)
        }
        let context = Page(
            shell: shell, rows: Array(rows), classes: catalog.roots.count, items: catalog.types.count,
            pager: ConsolePager(total: total, page: number, per: Self.perPage, link: "/console/admin/catalog"),
            header: EventCatalog.csvHeader, csv: csv, preview: preview, message: message, error: error)
        return try await AdminRender.page(req, "console/admin-catalog", context, status: status)
    }

    private static func flatten(_ nodes: [EventTypeNode], depth: Int) -> [(EventTypeNode, Int)] {
        nodes.flatMap { [($0, depth)] + flatten($0.children, depth: depth + 1) }
    }

    private func row(_ node: EventTypeNode, depth: Int, language: Language, shell: ShellContext) -> Row {
        let type = node.type
        return Row(
            code: type.code, name: type.name, depth: depth, indent: "\(Double(4 + 12 * depth) / 10)em", heading: !node.reportable,
            eventClass: type.eventClass.label.text(in: language), riskKind: type.riskKind?.label.text(in: language) ?? "",
            level: type.defaultLevel,
            deadlines: EventType.levels.map { type.deadlineRule(forLevel: $0).label.text(in: language) },
            department: type.department ?? "", police: AdminRender.yes(type.isPolice, shell),
            component: AdminRender.yes(type.isComponent, shell), isPublic: AdminRender.yes(type.isPublic, shell))
    }

    // MARK: import

    private func preview(_ req: Request, _ shell: ShellContext) async throws -> Response {
        let services = try req.grid
        let language = req.language
        guard let csv = AdminRender.uploadedCSV(req) else {
            return try await page(req, shell, error: services.strings.text("admin_import_empty", language), status: .unprocessableEntity)
        }
        let check = services.catalog.check(csv)
        let current = services.catalog.catalog
        var preview = Preview(
            ok: check.catalog != nil,
            problems: check.problems.map {
                AdminRender.Problem(line: $0.line, column: $0.column?.header ?? "", message: $0.detail.text(in: language))
            },
            items: 0, classes: 0, added: Self.change([]), removed: Self.change([]), changed: Self.change([]), csv: csv)
        if let catalog = check.catalog {
            preview.items = catalog.types.count
            preview.classes = catalog.roots.count
            let old = Dictionary(current.types.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            let new = Set(catalog.types.map(\.code))
            preview.added = Self.change(catalog.types.filter { old[$0.code] == nil }.map { "\($0.code) \($0.name)" })
            preview.removed = Self.change(current.types.filter { !new.contains($0.code) }.map { "\($0.code) \($0.name)" })
            preview.changed = Self.change(catalog.types.filter { type in
                old[type.code].map { !Self.sameFileColumns($0, type) } ?? false
            }.map { "\($0.code) \($0.name)" })
        }
        return try await page(req, shell, csv: csv, preview: preview, status: preview.ok ? .ok : .unprocessableEntity)
    }

    private func apply(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let services = try req.grid
        let language = req.language
        guard let csv = AdminRender.uploadedCSV(req) else {
            return try await page(req, shell, error: services.strings.text("admin_import_empty", language), status: .unprocessableEntity)
        }
        do {
            let catalog = try await services.catalog.importCSV(
                csv, dryRun: false, actor: principal.auditActor(for: req), now: services.clock.now, on: req.db)
            let message = services.strings.text("admin_catalog_applied", language)
                .replacingOccurrences(of: "{n}", with: String(catalog.types.count))
            return try await page(req, shell, message: message)
        } catch let failure as any UserFacingError {
            return try await page(req, shell, csv: csv, error: failure.reason.text(in: language), status: .unprocessableEntity)
        }
    }

    /// Whether two items agree on everything the file carries (attributes are not in it).
    private static func sameFileColumns(_ a: EventType, _ b: EventType) -> Bool {
        a.name == b.name && a.parentCode == b.parentCode && a.eventClass == b.eventClass && a.riskKind == b.riskKind
            && a.defaultLevel == b.defaultLevel && a.deadlineDays == b.deadlineDays && a.department == b.department
            && a.isPolice == b.isPolice && a.isComponent == b.isComponent && a.isPublic == b.isPublic
    }

    private static func change(_ names: [String]) -> Change {
        Change(count: names.count, names: Array(names.prefix(previewNames)), more: max(0, names.count - previewNames))
    }
}
