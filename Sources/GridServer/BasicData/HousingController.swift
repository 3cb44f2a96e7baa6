import Foundation
import GridCore
import GridStore
import Vapor

/// Actual housing (实有房屋) and standard addresses (一标) over the API: addresses by code or
/// text, buildings and rooms of an area with their residents counted, a room's changes.
struct HousingController {
    /// Buildings the map layer answers at most; the answer's `total` says when there are more.
    static let mapLimit = 5_000

    func register(_ api: APIRouter) {
        api.add(.GET, "addresses", summary: "Standard addresses by exact code, or containing the text q, in the caller's scope",
                tag: "basic-data", access: .permission(.basicDataRead),
                query: [.query("code", .string(), "Exact address code"), .query("q", .string(), "Address, building name or code contains")],
                response: [AddressDTO].self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let targets: [BasicDataStore.AddressTarget]
            if let code = req.query[String.self, at: "code"], !code.isEmpty {
                targets = try await BasicDataStore.addresses(codes: [code], on: req.db).values.filter { principal.unitPath.contains($0.gridPath) }
            } else if let text = req.query[String.self, at: "q"], !text.trimmingCharacters(in: .whitespaces).isEmpty {
                targets = try await BasicDataStore.addresses(matching: text, within: principal.unitPath, limit: 50, on: req.db)
            } else {
                throw ValidationFailure(field: "q", zh: "请提供地址编码 code 或查询文字 q", en: "give an address code (code) or text to look for (q)")
            }
            return targets.map {
                AddressDTO(code: $0.code, text: $0.address.fullText, level: $0.roomID == nil ? "building" : "room",
                           buildingID: $0.buildingID, roomID: $0.roomID, gridPath: $0.gridPath.rawValue)
            }
        }
        api.add(.GET, "buildings", summary: "Buildings of an area (楼栋), with rooms and residents counted", tag: "basic-data",
                access: .permission(.basicDataRead),
                query: [.query("unit", .string(), "Unit id or code (subtree)"), .query("q", .string(), "Name, address or code contains"),
                        .query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200")],
                response: PageDTO<BuildingDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let unit = try await PeopleController.unit(req, principal)
            let (page, per) = try req.paging()
            let (items, total) = try await BasicDataQueries.buildings(
                .init(under: unit.path, text: req.query[String.self, at: "q"]), page: page, per: per, on: req.db)
            return PageDTO(items: items.map { BuildingDTO($0.building, rooms: $0.rooms, residents: $0.residents, language: req.language) },
                           page: page, per: per, total: total)
        }
        api.add(.GET, "buildings/map", summary: "Surveyed buildings of an area as GeoJSON points (GCJ-02) for the map; at most 5,000",
                tag: "basic-data", access: .permission(.basicDataRead),
                query: [.query("unit", .string(), "Unit id or code (subtree)")],
                response: GeoJSONFeatureCollection.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let unit = try await PeopleController.unit(req, principal)
            let (buildings, total) = try await BasicDataQueries.mappedBuildings(under: unit.path, limit: Self.mapLimit, on: req.db)
            let language = req.language
            return GeoJSONFeatureCollection(features: buildings.compactMap { building in
                guard let point = building.representativePoint else { return nil }
                return GeoJSONFeature(
                    id: .string(building.id.uuidString), geometry: .point(DatumConverter.convert(point.coordinate, from: point.datum, to: .gcj02)),
                    properties: [
                        "id": .string(building.id.uuidString), "name": .string(building.name), "address": .string(building.address.fullText),
                        "use": .string(building.use.label.text(in: language)), "floors": .number(Double(building.floors)),
                    ])
            }, total: buildings.count < total ? total : nil)
        }
        api.add(.GET, "rooms", summary: "Rooms of an area or building (房屋), with residents counted; landlords' phones masked",
                tag: "basic-data", access: .permission(.basicDataRead),
                query: [
                    .query("unit", .string(), "Unit id or code (subtree)"), .query("building", .string(format: "uuid"), "Building id"),
                    .query("use", .string(enumeration: RoomUse.allCases.map(\.rawValue)), "Use"),
                    .query("occupied", .boolean(), "Occupied or not"), .query("q", .string(), "Address code contains"),
                    .query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200"),
                ],
                response: PageDTO<RoomDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let services = try req.grid
            var filter = BasicDataQueries.RoomFilter(under: try await PeopleController.unit(req, principal).path)
            if let raw = req.query[String.self, at: "building"] {
                guard let id = UUID(uuidString: raw) else { throw ValidationFailure(field: "building", zh: "楼栋编号应为 UUID", en: "building must be a UUID") }
                filter.buildingID = id
            }
            if let raw = req.query[String.self, at: "use"] {
                guard let use = RoomUse(cell: raw) else {
                    throw ValidationFailure(field: "use", zh: "未知的房屋用途“\(raw)”", en: "unknown room use '\(raw)'")
                }
                filter.use = use
            }
            // Read as text: Vapor decodes an absent Bool as false (checkbox semantics).
            if let raw = req.query[String.self, at: "occupied"] {
                guard let occupied = Bool(raw.lowercased()) else {
                    throw ValidationFailure(field: "occupied", zh: "occupied 应为 true 或 false", en: "occupied must be true or false")
                }
                filter.occupied = occupied
            }
            filter.text = req.query[String.self, at: "q"]
            let (page, per) = try req.paging()
            let (items, total) = try await BasicDataQueries.rooms(filter, keyRing: services.keyRing, page: page, per: per, on: req.db)
            return PageDTO(
                items: items.map { RoomDTO($0.room, building: $0.building, residents: $0.residents, version: $0.version, language: req.language) },
                page: page, per: per, total: total)
        }
        api.add(.GET, "rooms/{id}", summary: "One room", tag: "basic-data", access: .permission(.basicDataRead),
                response: RoomDTO.self) { req, principal in
            try await Self.room(try req.idParameter(), req, try APIRouter.signedIn(principal))
        }
        api.add(.PATCH, "rooms/{id}", summary: "Change a room's record (only the fields sent; version must be the one read)",
                tag: "basic-data", access: .permission(.basicDataWrite), body: RoomUpdateDTO.self, response: RoomDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let id = try req.idParameter()
            try await RecordEditService(services: try req.grid).editRoom(
                id, update: try req.decodeBody(RoomUpdateDTO.self), scope: principal.unitPath, actor: principal.auditActor(for: req), on: req.db)
            return try await Self.room(id, req, principal)
        }
        api.add(.GET, "rooms/{id}/history", summary: "Every change of a room's record, newest first", tag: "basic-data",
                access: .permission(.basicDataRead), response: [RecordHistoryDTO].self) { req, principal in
            let id = try req.idParameter()
            _ = try await Self.room(id, req, try APIRouter.signedIn(principal))
            return try await PeopleController.history(of: id, req)
        }
    }

    static func room(_ id: UUID, _ req: Request, _ principal: Principal) async throws -> RoomDTO {
        let services = try req.grid
        guard let stored = try await BasicDataRecords.room(id, keyRing: services.keyRing, on: req.db),
              principal.unitPath.contains(stored.record.gridPath),
              let building = try await BasicDataStore.building(stored.record.buildingID, on: req.db)
        else { throw GridHTTPError.notFound }
        var residents = PeopleStore.Filter(under: stored.record.gridPath)
        residents.roomID = id
        let count = try await PeopleStore.list(residents, page: 1, per: 1, on: req.db).total
        return RoomDTO(stored.record, building: building, residents: count, version: stored.version, language: req.language)
    }
}
