import FluentKit
import Foundation
import GridCore
import GridStore

/// One option of a console select box.
struct ConsoleChoice: Encodable, Sendable {
    var value: String
    var label: String
    var selected: Bool
}

extension ConsoleChoice {
    /// The district, streets and communities from `scope` down, indented by depth: the unit
    /// picker of the map and the dashboard.
    static func territorialUnits(under scope: OrgUnit, selected: UUID?, on db: any Database) async throws -> [ConsoleChoice] {
        try await UnitStore.subtree(scope.path, maxDepth: 2, on: db)
            .filter { [.district, .street, .community].contains($0.kind) }
            .map { unit in
                ConsoleChoice(
                    value: unit.code.rawValue, label: String(repeating: "　", count: unit.path.depth - scope.path.depth) + unit.name,
                    selected: unit.id == selected)
            }
    }
}

/// A long list's page links: "page N of M", previous and next.
struct ConsolePager: Encodable, Sendable {
    var page: Int
    var pages: Int
    var previous: String?
    var next: String?

    /// `link` is the list's URL with its query; `page=` is added to it.
    init(total: Int, page: Int, per: Int, link: String) {
        self.page = page
        pages = max(1, (total + per - 1) / per)
        let joiner = !link.contains("?") ? "?" : (link.hasSuffix("?") || link.hasSuffix("&") ? "" : "&")
        previous = page > 1 ? "\(link)\(joiner)page=\(page - 1)" : nil
        next = page < pages ? "\(link)\(joiner)page=\(page + 1)" : nil
    }
}
