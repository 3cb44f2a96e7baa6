import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// Actual organisations in the console (实有单位): search by name, exact credit code or kind
/// within the viewer's scope (or one unit of it), phones masked, the list as CSV through the
/// audited export; one organisation's page with its registered employees and record history.
struct ConsoleOrganizationsController {
    static let perPage = 30

    struct ListPage: Encodable, Sendable {
        var shell: ShellContext
        var q: String
        var creditCode: String
        var kinds: [ConsoleChoice]
        var organizations: [OrganizationDTO]
        var total: Int
        var pager: ConsolePager
        var exportHref: String
        var error: String?
    }

    struct DetailPage: Encodable, Sendable {
        var shell: ShellContext
        var organization: OrganizationDTO
        var history: [ConsolePeopleController.HistoryRow]
    }

    func register(_ routes: any RoutesBuilder) {
        let console = routes.grouped("console")
        console.get("organizations") { req in
            try await ConsoleGate.page(req, titleKey: "menu_organizations", path: "/console/organizations", needs: .basicDataRead) { shell, principal in
                try await list(req, shell, principal)
            }
        }
        console.get("organizations", ":id") { req in
            try await ConsoleGate.page(req, titleKey: "menu_organizations", path: "/console/organizations", needs: .basicDataRead) { shell, principal in
                try await detail(req, shell, principal)
            }
        }
    }

    private func list(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let language = req.language
        func given(_ name: String) -> String {
            (req.query[String.self, at: name] ?? "").trimmingCharacters(in: .whitespaces)
        }
        let q = given("q"), code = given("credit_code"), kindRaw = given("kind"), unitRef = given("unit")
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        var error: String?
        var organizations: [OrganizationDTO] = []
        var total = 0
        var area = principal.unitPath
        do {
            if !unitRef.isEmpty {
                guard let unit = try await UnitStore.find(idOrCode: unitRef, on: req.db) else {
                    throw ValidationFailure(field: "unit", zh: "找不到单位“\(unitRef)”", en: "no unit '\(unitRef)' was found")
                }
                try principal.requireInScope(unit.path)
                area = unit.path
            }
            var filter = BasicDataQueries.OrganizationFilter(under: area)
            filter.name = q.isEmpty ? nil : q
            if !code.isEmpty { filter.creditCode = (try? SocialCreditCode(code))?.value ?? code.uppercased() }
            if !kindRaw.isEmpty {
                guard let kind = OrganizationKind(cell: kindRaw) else {
                    throw ValidationFailure(field: "kind", zh: "未知的单位类型“\(kindRaw)”", en: "unknown organisation kind '\(kindRaw)'")
                }
                filter.kind = kind
            }
            let (items, count) = try await BasicDataQueries.organizations(filter, keyRing: try req.grid.keyRing, page: page, per: Self.perPage, on: req.db)
            organizations = items.map { OrganizationDTO($0.organization, registeredEmployees: $0.employees, version: $0.version, language: language) }
            total = count
        } catch let failure as any UserFacingError {
            error = failure.reason.text(in: language)
        }
        var components = URLComponents()
        components.queryItems = [("q", q), ("credit_code", code), ("kind", kindRaw), ("unit", unitRef)]
            .filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) }
        let query = components.percentEncodedQuery ?? ""
        var export = URLComponents()
        export.queryItems = [URLQueryItem(name: "unit", value: unitRef.isEmpty ? principal.account.unit.code.rawValue : unitRef)]
        let context = ListPage(
            shell: shell, q: q, creditCode: code,
            kinds: [ConsoleChoice(value: "", label: LocalizedText(zh: "全部类型", en: "All kinds").text(in: language), selected: kindRaw.isEmpty)]
                + OrganizationKind.allCases.map { ConsoleChoice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0.rawValue == kindRaw) },
            organizations: organizations, total: total,
            pager: ConsolePager(total: total, page: page, per: Self.perPage, link: "/console/organizations?\(query)"),
            exportHref: "/api/v1/organizations/export?\(export.percentEncodedQuery ?? "")", error: error)
        let response = try await req.view.render("console/organizations", context).encodeResponse(for: req)
        if error != nil { response.status = .unprocessableEntity }
        return response
    }

    private func detail(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw GridHTTPError.notFound }
        let organization = try await OrganizationsController.organization(id, req, principal)
        let history = try await PeopleController.history(of: id, req)
        let time = ConsoleTime(timeZone: try req.grid.calendar.timeZone)
        var shell = shell
        shell.title = "\(shell.title) · \(organization.name)"
        let context = DetailPage(
            shell: shell, organization: organization,
            history: history.map { .init(version: $0.version, at: time.text($0.changedAt), by: $0.changedBy, summary: $0.summary, changes: $0.changes) })
        return try await req.view.render("console/organization", context).encodeResponse(for: req)
    }
}
