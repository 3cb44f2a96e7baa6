import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// Housing in the console (实有房屋): the buildings of the viewer's area with their rooms and
/// residents counted, and one building's page listing each room — its use, whether it is lived
/// in, who lives there (masked) — so a worker sees at a glance an occupied home with nobody
/// registered or a rental without tenants.
struct ConsoleBuildingsController {
    static let perPage = 30

    struct ListPage: Encodable, Sendable {
        var shell: ShellContext
        var q: String
        var buildings: [BuildingRow]
        var total: Int
        var pager: ConsolePager
    }

    struct BuildingRow: Encodable, Sendable {
        var id: String
        var name: String
        var address: String
        var use: String
        var floors: Int
        var rooms: Int
        var residents: Int
    }

    struct BuildingPage: Encodable, Sendable {
        var shell: ShellContext
        var building: BuildingRow
        var rooms: [RoomRow]
    }

    struct RoomRow: Encodable, Sendable {
        var label: String
        var floor: Int
        var use: String
        var occupied: Bool
        var mismatch: Bool
        var area: String
        var residents: [Resident]
    }

    struct Resident: Encodable, Sendable {
        var id: String
        var name: String
        var kind: String
        var idNumber: String
    }

    func register(_ routes: any RoutesBuilder) {
        let console = routes.grouped("console")
        console.get("buildings") { req in
            try await ConsoleGate.page(req, titleKey: "menu_buildings", path: "/console/buildings", needs: .basicDataRead) { shell, principal in
                try await list(req, shell, principal)
            }
        }
        console.get("buildings", ":id") { req in
            try await ConsoleGate.page(req, titleKey: "menu_buildings", path: "/console/buildings", needs: .basicDataRead) { shell, principal in
                try await building(req, shell, principal)
            }
        }
    }

    private func row(_ building: Building, rooms: Int, residents: Int, _ language: Language) -> BuildingRow {
        BuildingRow(
            id: building.id.uuidString, name: building.name, address: building.address.fullText, use: building.use.label.text(in: language),
            floors: building.floors, rooms: rooms, residents: residents)
    }

    private func list(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let q = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let (items, total) = try await BasicDataQueries.buildings(
            .init(under: principal.unitPath, text: q.isEmpty ? nil : q), page: page, per: Self.perPage, on: req.db)
        let base = "/console/buildings?q=\(q.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")"
        let context = ListPage(
            shell: shell, q: q, buildings: items.map { row($0.building, rooms: $0.rooms, residents: $0.residents, req.language) },
            total: total, pager: ConsolePager(total: total, page: page, per: Self.perPage, link: base))
        return try await req.view.render("console/buildings", context).encodeResponse(for: req)
    }

    private func building(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let language = req.language
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let building = try await BasicDataStore.building(id, on: req.db), principal.unitPath.contains(building.gridPath)
        else { throw GridHTTPError.notFound }
        var roomFilter = BasicDataQueries.RoomFilter(under: building.gridPath)
        roomFilter.buildingID = id
        let (rooms, _) = try await BasicDataQueries.rooms(roomFilter, keyRing: try req.grid.keyRing, page: 1, per: 2_000, on: req.db)
        var peopleFilter = PeopleStore.Filter(under: building.gridPath)
        peopleFilter.buildingID = id
        let (people, _) = try await PeopleStore.list(peopleFilter, page: 1, per: 5_000, on: req.db)
        let byRoom = Dictionary(grouping: people, by: { $0.roomID })
        let rows = rooms.sorted { ($0.room.unit, $0.room.floor, $0.room.number) < ($1.room.unit, $1.room.floor, $1.room.number) }.map { item in
            let residents = byRoom[item.room.id] ?? []
            return RoomRow(
                label: [item.room.unit, item.room.number].filter { !$0.isEmpty }.joined(separator: "-"), floor: item.room.floor,
                use: item.room.use.label.text(in: language), occupied: item.room.isOccupied,
                mismatch: item.room.isOccupied == residents.isEmpty,
                area: item.room.area.map { String(format: "%.0f ㎡", $0) } ?? "",
                residents: residents.map { Resident(id: $0.id.uuidString, name: $0.name, kind: $0.residenceKind.label.text(in: language), idNumber: $0.idMasked) })
        }
        var shell = shell
        shell.title = "\(shell.title) · \(building.name)"
        let context = BuildingPage(shell: shell, building: row(building, rooms: rooms.count, residents: people.count, language), rooms: rows)
        return try await req.view.render("console/building", context).encodeResponse(for: req)
    }
}
