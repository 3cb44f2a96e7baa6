import Foundation
import GridCore
import GridStore
import Vapor

/// The console's map (网格地图): the user's grids as vector polygons on Leaflet from Debian's
/// libjs-leaflet, coloured by a chosen figure, with a card per grid, search and zoom to a unit.
/// Data comes from the same `/api/v1/grids` the API serves (the session cookie signs the calls).
struct MapPageController {
    struct MapPage: Encodable, Sendable {
        var shell: ShellContext
        var unitCode: String
        var units: [ConsoleChoice]
        /// The event layer's type filter: every reportable type of the admission list.
        var types: [ConsoleChoice]
        var tileURL: String
        var strings: String
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("console", "map") { req async throws -> Response in
            guard let principal = req.principal, principal.kind == .session else {
                return req.redirect(to: "/login?next=%2Fconsole%2Fmap")
            }
            try req.grid.policy.check(principal.scope, .gridsRead)
            let shell = try ShellContext(req: req, principal: principal, titleKey: "menu_map", activePath: "/console/map")
            let scope = principal.account.unit
            var shown = scope
            if let ref = req.query[String.self, at: "unit"], !ref.isEmpty {
                guard let unit = try await UnitStore.find(idOrCode: ref, on: req.db) else { throw GridHTTPError.notFound }
                try principal.requireInScope(unit.path)
                shown = unit
            }
            let units = try await ConsoleChoice.territorialUnits(under: scope, selected: shown.id, on: req.db)
            let strings = try req.grid.strings
            let keys = ["map_card_code", "map_card_parent", "map_card_area", "map_card_staff", "map_card_board", "map_card_page", "map_none",
                        "map_no_full_time", "map_search_none", "map_legend_staffed", "map_legend_unstaffed", "map_legend_special",
                        "map_loading", "map_loaded", "map_km2", "map_card_open", "map_card_overdue", "map_no_leaflet",
                        "map_events_loaded", "map_events_partial", "map_events_cluster", "map_events_overdue_mark",
                        "map_buildings_floors", "map_buildings_partial"]
            let table = Dictionary(uniqueKeysWithValues: keys.map { ($0, strings.text($0, req.language)) })
            let page = MapPage(
                shell: shell, unitCode: shown.code.rawValue, units: units,
                types: [ConsoleChoice(value: "", label: strings.text("map_events_all_types", req.language), selected: true)]
                    + (try req.grid.catalog.catalog.reportableTypes).map { ConsoleChoice(value: $0.code, label: "\($0.code) \($0.name)", selected: false) },
                tileURL: try req.grid.config.mapTileURL ?? "",
                strings: String(decoding: try JSONEncoder().encode(table), as: UTF8.self))
            return try await req.view.render("console/map", page).encodeResponse(for: req)
        }
    }
}
