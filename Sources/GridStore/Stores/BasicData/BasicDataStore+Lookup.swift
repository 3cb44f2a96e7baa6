import FluentKit
import Foundation
import GridCore
import SQLKit

/// Resolving what import files and declarations name: buildings by code or name, addresses by
/// code, and what is already registered.
extension BasicDataStore {
    /// A standard address that exists: a building's door plate or one of its rooms.
    public struct AddressTarget: Sendable, Hashable {
        public let code: String
        public let buildingID: UUID
        public let roomID: UUID?
        public let gridPath: UnitPath
        /// The full standard address (the room's when `roomID` is set).
        public let address: StandardAddress
    }

    /// Buildings named by their address code, or by their name inside `scope`; keyed by the reference.
    public static func buildings(references: some Collection<String>, within scope: UnitPath, on db: any Database) async throws -> [String: Building] {
        var found: [String: Building] = [:]
        for chunk in Array(Set(references)).chunked(into: 400) {
            let binds = SQLGroupExpression(chunk.map { SQLBind($0) })
            let rows = try await (try db.sql).raw("""
                SELECT * FROM buildings WHERE address_code IN \(binds)
                   OR (name IN \(binds) AND \(BasicDataRecords.subtree(scope)))
                ORDER BY id
                """).all()
            for row in rows {
                let building = try decodeBuilding(row)
                let code = building.address.addressCode
                if chunk.contains(code) { found[code] = building }
                if chunk.contains(building.name), found[building.name] == nil { found[building.name] = building }
            }
        }
        return found
    }

    /// The rooms already registered in these buildings, as `Room.identityKey`s.
    public static func roomKeys(inBuildings ids: some Collection<UUID>, on db: any Database) async throws -> Set<String> {
        var keys: Set<String> = []
        for chunk in Array(Set(ids)).chunked(into: 400) {
            let rows = try await (try db.sql).raw("""
                SELECT building_id, unit, number FROM rooms WHERE building_id IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                """).all()
            for row in rows {
                keys.insert(Room.identityKey(
                    building: try row.decode(column: "building_id", as: UUID.self), unit: try row.decode(column: "unit", as: String.self),
                    number: try row.decode(column: "number", as: String.self)))
            }
        }
        return keys
    }

    /// Addresses by code: rooms first, then buildings' door plates.
    public static func addresses(codes: some Collection<String>, on db: any Database) async throws -> [String: AddressTarget] {
        var found: [String: AddressTarget] = [:]
        for chunk in Array(Set(codes)).chunked(into: 400) {
            let binds = SQLGroupExpression(chunk.map { SQLBind($0) })
            let sql = try db.sql
            for row in try await sql.raw("""
                SELECT r.id AS room_id, r.address_code AS code, r.unit AS unit, r.number AS number, r.grid_path AS grid_path,
                       b.id AS building_id, b.address AS address
                FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE r.address_code IN \(binds)
                """).all() {
                let target = try addressTarget(row, room: true)
                found[target.code] = target
            }
            for row in try await sql.raw("""
                SELECT id AS building_id, address_code AS code, grid_path, address FROM buildings WHERE address_code IN \(binds)
                """).all() {
                let target = try addressTarget(row, room: false)
                if found[target.code] == nil { found[target.code] = target }
            }
        }
        return found
    }

    /// Addresses whose text or code contains `text`, inside `scope`: buildings, then rooms.
    public static func addresses(matching text: String, within scope: UnitPath, limit: Int, on db: any Database) async throws -> [AddressTarget] {
        let pattern = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        let sql = try db.sql
        var found = try await sql.raw("""
            SELECT id AS building_id, address_code AS code, grid_path, address FROM buildings
            WHERE \(BasicDataRecords.subtree(scope)) AND (address_code LIKE \(bind: pattern) OR name LIKE \(bind: pattern) OR address LIKE \(bind: pattern))
            ORDER BY address_code LIMIT \(literal: limit)
            """).all().map { try addressTarget($0, room: false) }
        guard found.count < limit else { return found }
        found += try await sql.raw("""
            SELECT r.id AS room_id, r.address_code AS code, r.unit AS unit, r.number AS number, r.grid_path AS grid_path,
                   b.id AS building_id, b.address AS address
            FROM rooms r JOIN buildings b ON b.id = r.building_id
            WHERE \(BasicDataRecords.subtree(scope, column: "r.grid_path")) AND r.address_code LIKE \(bind: pattern)
            ORDER BY r.address_code LIMIT \(literal: limit - found.count)
            """).all().map { try addressTarget($0, room: true) }
        return found
    }

    private static func addressTarget(_ row: any SQLRow, room: Bool) throws -> AddressTarget {
        let code = try row.decode(column: "code", as: String.self)
        guard let path = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)) else {
            throw StoreError.corruptRow(table: room ? "rooms" : "buildings", id: code)
        }
        var address = try StoreJSON.decode(StandardAddress.self, from: try row.decode(column: "address", as: String.self))
        var roomID: UUID?
        if room {
            address.unit = try row.decode(column: "unit", as: String.self)
            address.room = try row.decode(column: "number", as: String.self)
            roomID = try row.decode(column: "room_id", as: UUID.self)
        }
        return AddressTarget(
            code: code, buildingID: try row.decode(column: "building_id", as: UUID.self), roomID: roomID, gridPath: path, address: address)
    }

    /// Which of these credit codes are already registered.
    public static func registeredCreditCodes(_ codes: some Collection<String>, on db: any Database) async throws -> Set<String> {
        var found: Set<String> = []
        for chunk in Array(Set(codes)).chunked(into: 400) {
            let rows = try await (try db.sql).raw("""
                SELECT credit_code FROM organizations WHERE credit_code IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                """).all()
            for row in rows { if let code = try row.decode(column: "credit_code", as: String?.self) { found.insert(code) } }
        }
        return found
    }

    /// The address codes of these rooms, by room id.
    public static func roomAddressCodes(of ids: some Collection<UUID>, on db: any Database) async throws -> [UUID: String] {
        var codes: [UUID: String] = [:]
        for chunk in Array(ids).chunked(into: 400) {
            let rows = try await (try db.sql).raw("""
                SELECT id, address_code FROM rooms WHERE id IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                """).all()
            for row in rows { codes[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "address_code", as: String.self) }
        }
        return codes
    }

    /// People registered as working for the organisation and still living here.
    public static func employeeCount(of organization: UUID, on db: any Database) async throws -> Int {
        try await (try db.sql).raw("""
            SELECT COUNT(*) AS n FROM people WHERE employer_id = \(bind: organization) AND moved_out_on IS NULL
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The organisation registered with this credit code: its id and grid.
    public static func organization(creditCode: String, on db: any Database) async throws -> (id: UUID, gridPath: UnitPath)? {
        guard let row = try await (try db.sql).raw("""
            SELECT id, grid_path FROM organizations WHERE credit_code = \(bind: creditCode) ORDER BY id LIMIT 1
            """).first(),
            let path = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self))
        else { return nil }
        return (try row.decode(column: "id", as: UUID.self), path)
    }
}
