import FluentKit
import Foundation
import GridCore
import SQLKit

/// Paged searches of buildings, rooms and organisations within a subtree, with the counts a list
/// shows beside each (rooms and residents of a building, residents of a room, employees of an
/// organisation).
public enum BasicDataQueries {
    public struct BuildingFilter: Sendable {
        public var under: UnitPath
        /// Name, address or address code contains.
        public var text: String?

        public init(under: UnitPath, text: String? = nil) {
            self.under = under
            self.text = text
        }
    }

    public struct BuildingItem: Sendable {
        public let building: Building
        public let rooms: Int
        public let residents: Int
    }

    public static func buildings(_ filter: BuildingFilter, page: Int, per: Int, on db: any Database) async throws -> (items: [BuildingItem], total: Int) {
        var conditions: [SQLQueryString] = [BasicDataRecords.subtree(filter.under)]
        if let pattern = likePattern(filter.text) {
            conditions.append("(name LIKE \(bind: pattern) OR address_code LIKE \(bind: pattern) OR address LIKE \(bind: pattern))")
        }
        let (rows, total) = try await fetchPage(of: "buildings", conditions, order: "grid_path, address_code, id", page: page, per: per, on: db)
        let buildings = try rows.map(BasicDataStore.decodeBuilding)
        let ids = buildings.map(\.id)
        let rooms = try await counts("SELECT building_id AS k, COUNT(*) AS n FROM rooms WHERE building_id IN", ids, group: "building_id", on: db)
        let residents = try await counts("""
            SELECT r.building_id AS k, COUNT(*) AS n FROM people p JOIN rooms r ON r.id = p.room_id
            WHERE p.moved_out_on IS NULL AND r.building_id IN
            """, ids, group: "r.building_id", on: db)
        return (buildings.map { BuildingItem(building: $0, rooms: rooms[$0.id] ?? 0, residents: residents[$0.id] ?? 0) }, total)
    }

    public struct RoomFilter: Sendable {
        public var under: UnitPath
        public var buildingID: UUID?
        public var use: RoomUse?
        public var occupied: Bool?
        /// Address code contains.
        public var text: String?

        public init(under: UnitPath) {
            self.under = under
        }
    }

    public struct RoomItem: Sendable {
        public let room: Room
        public let building: Building
        public let residents: Int
        public let version: Int
    }

    public static func rooms(_ filter: RoomFilter, keyRing: KeyRing, page: Int, per: Int, on db: any Database) async throws -> (items: [RoomItem], total: Int) {
        var conditions: [SQLQueryString] = [BasicDataRecords.subtree(filter.under)]
        if let building = filter.buildingID { conditions.append("building_id = \(bind: building)") }
        if let use = filter.use { conditions.append("use = \(bind: use.rawValue)") }
        if let occupied = filter.occupied { conditions.append("occupied = \(bind: occupied)") }
        if let pattern = likePattern(filter.text) { conditions.append("address_code LIKE \(bind: pattern)") }
        let (rows, total) = try await fetchPage(of: "rooms", conditions, order: "grid_path, address_code, id", page: page, per: per, on: db)
        let rooms = try rows.map { (try BasicDataRecords.room(from: $0, keyRing: keyRing), try $0.decode(column: "version", as: Int.self)) }
        var buildings: [UUID: Building] = [:]
        for id in Set(rooms.map(\.0.buildingID)) { buildings[id] = try await BasicDataStore.building(id, on: db) }
        let residents = try await counts(
            "SELECT room_id AS k, COUNT(*) AS n FROM people WHERE moved_out_on IS NULL AND room_id IN", rooms.map(\.0.id), group: "room_id", on: db)
        let items = try rooms.map { room, version in
            guard let building = buildings[room.buildingID] else { throw StoreError.corruptRow(table: "rooms", id: room.id.uuidString) }
            return RoomItem(room: room, building: building, residents: residents[room.id] ?? 0, version: version)
        }
        return (items, total)
    }

    public struct OrganizationFilter: Sendable {
        public var under: UnitPath
        /// Name contains.
        public var name: String?
        public var creditCode: String?
        public var kind: OrganizationKind?

        public init(under: UnitPath) {
            self.under = under
        }
    }

    public struct OrganizationItem: Sendable {
        public let organization: Organization
        public let employees: Int
        public let version: Int
    }

    public static func organizations(
        _ filter: OrganizationFilter, keyRing: KeyRing, page: Int, per: Int, on db: any Database
    ) async throws -> (items: [OrganizationItem], total: Int) {
        var conditions: [SQLQueryString] = [BasicDataRecords.subtree(filter.under)]
        if let pattern = likePattern(filter.name) { conditions.append("name LIKE \(bind: pattern)") }
        if let code = filter.creditCode { conditions.append("credit_code = \(bind: code)") }
        if let kind = filter.kind { conditions.append("kind = \(bind: kind.rawValue)") }
        let (rows, total) = try await fetchPage(of: "organizations", conditions, order: "grid_path, name, id", page: page, per: per, on: db)
        let organizations = try rows.map {
            (try BasicDataRecords.organization(from: $0, keyRing: keyRing), try $0.decode(column: "version", as: Int.self))
        }
        let employees = try await counts(
            "SELECT employer_id AS k, COUNT(*) AS n FROM people WHERE moved_out_on IS NULL AND employer_id IN",
            organizations.map(\.0.id), group: "employer_id", on: db)
        return (organizations.map { OrganizationItem(organization: $0.0, employees: employees[$0.0.id] ?? 0, version: $0.1) }, total)
    }

    /// `%text%` for LIKE with the wildcards of the text removed; nil for no text.
    static func likePattern(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return "%" + trimmed.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
    }

    private static func fetchPage(
        of table: String, _ conditions: [SQLQueryString], order: String, page: Int, per: Int, on db: any Database
    ) async throws -> (rows: [any SQLRow], total: Int) {
        let whereClause = SQLList(conditions, separator: SQLRaw(" AND "))
        let sql = try db.sql
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE \(whereClause)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT * FROM \(ident: table) WHERE \(whereClause) ORDER BY \(unsafeRaw: order) LIMIT \(literal: per) OFFSET \(literal: (page - 1) * per)
            """).all()
        return (rows, total)
    }

    /// `COUNT(*)` by key for these ids: `prefix` ends with `… IN`.
    private static func counts(_ prefix: String, _ ids: [UUID], group: String, on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await (try db.sql).raw("""
            \(unsafeRaw: prefix) \(SQLGroupExpression(ids.map { SQLBind($0) })) GROUP BY \(unsafeRaw: group)
            """).all()
        var result: [UUID: Int] = [:]
        for row in rows { result[try row.decode(column: "k", as: UUID.self)] = try row.decode(column: "n", as: Int.self) }
        return result
    }
}
