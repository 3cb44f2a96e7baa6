import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// The population register in the console (实有人口): search by name, ID number or phone (exact,
/// through the keyed hash), care group or address, within the viewer's scope, identifiers masked;
/// one person's page with their record's history, and — for those with the unmask right — the
/// identifiers in clear for one record, with a reason that goes to the audit log.
struct ConsolePeopleController {
    static let perPage = 30

    struct SearchPage: Encodable, Sendable {
        var shell: ShellContext
        var people: [PersonDTO]
        var total: Int
        var pager: ConsolePager
        var query: [String: String]
        var careGroups: [Choice]
        var searched: Bool
        var error: String?
    }

    typealias Choice = ConsoleChoice

    struct PersonPage: Encodable, Sendable {
        var shell: ShellContext
        var person: PersonDTO
        var address: String
        var history: [HistoryRow]
        var mayUnmask: Bool
        var error: String?
    }

    struct HistoryRow: Encodable, Sendable {
        var version: Int
        var at: String
        var by: String
        var summary: String
        var changes: [RecordHistoryDTO.Change]
    }

    func register(_ routes: any RoutesBuilder) {
        let console = routes.grouped("console")
        console.get("people") { req in
            try await ConsoleGate.page(req, titleKey: "menu_people", path: "/console/people", needs: .basicDataRead) { shell, principal in
                try await search(req, shell, principal)
            }
        }
        console.get("people", ":id") { req in
            try await ConsoleGate.page(req, titleKey: "menu_people", path: "/console/people", needs: .basicDataRead) { shell, principal in
                let person = try await visiblePerson(req, principal)
                let today = try req.grid.calendar.day(of: try req.grid.clock.now)
                return try await personPage(req, shell, principal, person, PeopleController.dto(person, clear: nil, today: today, language: req.language), error: nil)
            }
        }
        console.post("people", ":id", "unmask") { req in
            try await ConsoleGate.page(req, titleKey: "menu_people", path: "/console/people", needs: .basicDataRead) { shell, principal in
                let person = try await visiblePerson(req, principal)
                let reason = (try? req.content.get(String.self, at: "reason")) ?? ""
                do {
                    let clear = try await PeopleController.unmasked(person, reason: reason, req, principal)
                    return try await personPage(req, shell, principal, person, clear, error: nil)
                } catch let failure as any UserFacingError {
                    let today = try req.grid.calendar.day(of: try req.grid.clock.now)
                    let response = try await personPage(
                        req, shell, principal, person, PeopleController.dto(person, clear: nil, today: today, language: req.language),
                        error: failure.reason.text(in: req.language))
                    response.status = .unprocessableEntity
                    return response
                }
            }
        }
    }

    private func visiblePerson(_ req: Request, _ principal: Principal) async throws -> PeopleStore.Row {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let person = try await PeopleStore.find(id, on: req.db), principal.unitPath.contains(person.gridPath)
        else { throw GridHTTPError.notFound }
        return person
    }

    private func search(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let language = req.language
        let keys = ["q", "id_number", "phone", "care_group", "address", "unit"]
        var query: [String: String] = [:]
        for key in keys { if let value = req.query[String.self, at: key], !value.isEmpty { query[key] = value } }
        let searched = !query.isEmpty
        var error: String?
        var people: [PersonDTO] = []
        var total = 0
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        if searched {
            do {
                let filter = try await PeopleController.searchFilter(req, principal)
                let (items, count) = try await PeopleStore.list(filter, page: page, per: Self.perPage, on: req.db)
                let today = try req.grid.calendar.day(of: try req.grid.clock.now)
                people = items.map { PeopleController.dto($0, clear: nil, today: today, language: language) }
                total = count
            } catch let failure as any UserFacingError {
                error = failure.reason.text(in: language)
            }
        }
        var components = URLComponents()
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        // The pager repeats the search; an exact identifier is not echoed into the form.
        let base = "/console/people?" + (components.percentEncodedQuery ?? "")
        let context = SearchPage(
            shell: shell, people: people, total: total, pager: ConsolePager(total: total, page: page, per: Self.perPage, link: base),
            query: query,
            careGroups: [Choice(value: "", label: LocalizedText(zh: "全部", en: "All").text(in: language), selected: query["care_group"] == nil)]
                + CareGroup.allCases.map { Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0.rawValue == query["care_group"]) },
            searched: searched, error: error)
        let response = try await req.view.render("console/people", context).encodeResponse(for: req)
        if error != nil { response.status = .unprocessableEntity }
        return response
    }

    private func personPage(
        _ req: Request, _ shell: ShellContext, _ principal: Principal, _ row: PeopleStore.Row, _ person: PersonDTO, error: String?
    ) async throws -> Response {
        var shell = shell
        shell.title = "\(shell.title) · \(person.name)"
        let history = try await PeopleController.history(of: row.id, req)
        let time = ConsoleTime(timeZone: try req.grid.calendar.timeZone)
        let rooms = try await BasicDataStore.roomAddressCodes(of: row.roomID.map { [$0] } ?? [], on: req.db)
        let address = row.roomID.flatMap { rooms[$0] } ?? ""
        let context = PersonPage(
            shell: shell, person: person, address: address, history: history.map { HistoryRow(version: $0.version, at: time.text($0.changedAt), by: $0.changedBy, summary: $0.summary, changes: $0.changes) },
            mayUnmask: principal.holds(.personalDataUnmask, policy: try req.grid.policy), error: error)
        return try await req.view.render("console/person", context).encodeResponse(for: req)
    }
}
