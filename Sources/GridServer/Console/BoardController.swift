import Foundation
import GridCore
import GridStore
import Vapor

/// The responsibility board (网格责任公示牌): one public page per grid, no sign-in, printable on
/// A4 — name and code, outline, who serves it and their work phones, duties, how to report.
struct BoardController {
    struct BoardPage: Encodable, Sendable {
        var t: [String: String]
        var lang: String
        var name: String
        var code: String
        var kind: String
        var trail: String
        var svgPath: String
        var viewBox: String
        var areaKm2: String
        var staff: [Member]
        var duties: [String]

        struct Member: Encodable, Sendable {
            var name: String
            var role: String
            var phone: String
        }
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("board", ":code") { req async throws -> Response in
            guard let code = req.parameters.get("code"), let grid = try await UnitStore.find(code: code, on: req.db), grid.kind.isGrid,
                  let outline = try await GridMapStore.outline(of: grid, on: req.db)
            else { throw GridHTTPError.notFound }
            let language = req.language
            let strings = try req.grid.strings
            let trail = try await UnitStore.ancestors(of: grid, on: req.db).filter { $0.id != grid.id }.map(\.name).joined(separator: " › ")
            let sketch = OutlineSketch(outline.geometry)
            let staff = try await GridMapStore.staff(of: grid, on: req.db).sorted { Self.order($0.role) < Self.order($1.role) }
            let page = BoardPage(
                t: strings.table(language), lang: language.rawValue, name: grid.name, code: grid.code.rawValue,
                kind: grid.kind.label.text(in: language), trail: trail, svgPath: sketch.path, viewBox: sketch.viewBox,
                areaKm2: String(format: "%.2f", outline.area / 1_000_000),
                staff: staff.map { .init(name: $0.name, role: $0.role.label.text(in: language), phone: $0.workPhone ?? "") },
                duties: (1...5).map { strings.text("board_duty_\($0)", language) })
            return try await req.view.render("board", page).encodeResponse(for: req)
        }
    }

    static func order(_ role: StaffRole) -> Int {
        StaffRole.allCases.firstIndex(of: role) ?? 0
    }
}
