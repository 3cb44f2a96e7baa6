import FluentKit
import Foundation
import GridCore
import SQLKit

/// Basic data (一标三实) rows. Identifiers go in sealed, hashed for exact search and masked for
/// lists; the clear value is never written.
public enum BasicDataStore {
    /// One record type's rows: its table, columns and one row's values.
    typealias RowSet = BulkRows

    /// New records turned into rows — identifiers sealed, hashed and masked — ready to write
    /// (`write(_:on:)`). Preparing is pure CPU, so a bulk loader prepares the next batch while the
    /// database writes this one.
    public struct PreparedRows: Sendable {
        let sets: [RowSet]

        /// The same rows converted for SQLite, so that the preparing core does that work too.
        public func encodedForSQLite() throws -> PreparedRows {
            PreparedRows(sets: try sets.map { try $0.encodedForSQLite() })
        }
    }

    /// Inserts new records in multi-row statements (inside the engines' bind limits). Part of
    /// the caller's transaction; the order — buildings, rooms, people, organisations, components —
    /// keeps references valid.
    public static func insert(
        buildings: [Building] = [], rooms: [Room] = [], people: [Person] = [], organizations: [Organization] = [],
        components: [CityComponent] = [], keyRing: KeyRing, on db: any Database
    ) async throws {
        var known = Dictionary(buildings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Set(rooms.map(\.buildingID)) where known[id] == nil {
            guard let stored = try await building(id, on: db) else { throw StoreError.notFound(what: "building") }
            known[id] = stored
        }
        let prepared = try prepare(
            buildings: buildings, rooms: rooms, people: people, organizations: organizations, components: components,
            roomBuildings: known, keyRing: keyRing)
        try await write(prepared, on: db)
    }

    /// The rows of new records. Every room's building must be among `roomBuildings`.
    public static func prepare(
        buildings: [Building] = [], rooms: [Room] = [], people: [Person] = [], organizations: [Organization] = [],
        components: [CityComponent] = [], roomBuildings: [UUID: Building], keyRing: KeyRing
    ) throws -> PreparedRows {
        PreparedRows(sets: [
            try buildingRows(buildings), try roomRows(rooms, buildings: roomBuildings, keyRing), try personRows(people, keyRing),
            try organizationRows(organizations, keyRing), componentRows(components),
        ])
    }

    /// Writes prepared rows, part of the caller's transaction.
    public static func write(_ prepared: PreparedRows, on db: any Database) async throws {
        for set in prepared.sets where !set.isEmpty {
            try await BulkInsert.write(set, on: db)
        }
    }

    /// A stored building.
    public static func building(_ id: UUID, on db: any Database) async throws -> Building? {
        guard let row = try await (try db.sql).raw("SELECT * FROM buildings WHERE id = \(bind: id)").first() else { return nil }
        return try decodeBuilding(row)
    }

    static func decodeBuilding(_ row: any SQLRow) throws -> Building {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let path = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)),
              let use = BuildingUse(rawValue: try row.decode(column: "use", as: String.self)),
              let datum = Datum(rawValue: try row.decode(column: "datum", as: String.self)),
              let updated = CalendarDay(iso: try row.decode(column: "updated_on", as: String.self))
        else { throw StoreError.corruptRow(table: "buildings", id: id.uuidString) }
        let address = try StoreJSON.decode(StandardAddress.self, from: try row.decode(column: "address", as: String.self))
        let location: Coordinate? = if let lon = try row.decode(column: "lon", as: Double?.self), let lat = try row.decode(column: "lat", as: Double?.self) {
            Coordinate(lon: lon, lat: lat)
        } else { nil }
        return Building(
            id: id, name: try row.decode(column: "name", as: String.self), address: address, gridPath: path, location: location,
            datum: datum, floors: try row.decode(column: "floors", as: Int.self), use: use, updatedOn: updated)
    }

    // MARK: rows

    /// A sealed identifier with its search hash and masked form, or three nils.
    static func protected(_ value: String?, mask: (String) -> String, _ keyRing: KeyRing) throws -> (String?, String?, String?) {
        guard let value, !value.isEmpty else { return (nil, nil, nil) }
        return (try keyRing.seal(value), keyRing.searchHash(value), mask(value))
    }

    static func buildingRows(_ buildings: [Building]) throws -> RowSet {
        let point: (Building) -> GeoPoint? = { $0.representativePoint }
        return RowSet(
            table: "buildings",
            columns: ["id", "grid_path", "address_code", "name", "use", "floors", "lon", "lat", "datum", "address", "footprint", "updated_on", "version"],
            rows: try buildings.map { b in
                [b.id, b.gridPath.rawValue, b.address.addressCode, b.name, b.use.rawValue, b.floors, point(b)?.coordinate.lon, point(b)?.coordinate.lat,
                 b.datum.rawValue, try StoreJSON.text(b.address), try b.footprint.map { try StoreJSON.text($0.map { [$0.lon, $0.lat] }) }, b.updatedOn.description, 1]
            })
    }

    static func roomRows(_ rooms: [Room], buildings: [UUID: Building], _ keyRing: KeyRing) throws -> RowSet {
        RowSet(
            table: "rooms",
            columns: ["id", "building_id", "grid_path", "address_code", "unit", "number", "floor", "use", "area", "owner_name", "landlord_name",
                      "landlord_phone_sealed", "landlord_phone_hash", "landlord_phone_masked", "occupied", "updated_on", "version"],
            rows: try rooms.map { r in
                let phone = try protected(r.landlordPhone?.value, mask: Masking.maskPhone, keyRing)
                let code = buildings[r.buildingID].map { r.address(in: $0).addressCode } ?? ""
                return [r.id, r.buildingID, r.gridPath.rawValue, code, r.unit, r.number, r.floor, r.use.rawValue, r.area, r.ownerName, r.landlordName,
                        phone.0, phone.1, phone.2, r.isOccupied, r.updatedOn.description, 1]
            })
    }

    static func personRows(_ people: [Person], _ keyRing: KeyRing) throws -> RowSet {
        RowSet(
            table: "people",
            columns: ["id", "grid_path", "room_id", "household_id", "name", "id_type", "id_sealed", "id_hash", "id_masked", "phone_sealed",
                      "phone_hash", "phone_masked", "residence_kind", "sex", "birth_date", "relation", "moved_in_on", "moved_out_on",
                      "care_groups", "tags", "updated_on", "employer_id", "version"],
            rows: try people.map { p in
                let id = try protected(p.idNumber, mask: Masking.maskIDNumber, keyRing)
                let phone = try protected(p.phone?.value, mask: Masking.maskPhone, keyRing)
                return [p.id, p.gridPath.rawValue, p.roomID, p.householdID, p.name, p.idType.rawValue, id.0 ?? "", id.1 ?? "", id.2 ?? "",
                        phone.0, phone.1, phone.2, p.residenceKind.rawValue, p.sex?.rawValue, p.birthDate?.description,
                        p.relationToHead?.rawValue, p.movedInOn?.description, p.movedOutOn?.description,
                        careGroupText(p.careGroups), try StoreJSON.text(p.tags), p.updatedOn.description, p.employerID, 1]
            })
    }

    static func organizationRows(_ organizations: [Organization], _ keyRing: KeyRing) throws -> RowSet {
        RowSet(
            table: "organizations",
            columns: ["id", "grid_path", "room_id", "name", "credit_code", "kind", "address_code", "address", "legal_person",
                      "phone_sealed", "phone_hash", "phone_masked", "employee_count", "updated_on", "version"],
            rows: try organizations.map { o in
                let phone = try protected(o.phone, mask: Masking.maskPhone, keyRing)
                return [o.id, o.gridPath.rawValue, o.roomID, o.name, o.creditCode?.value, o.kind.rawValue, o.address.addressCode,
                        try StoreJSON.text(o.address), o.legalPerson, phone.0, phone.1, phone.2, o.employeeCount, o.updatedOn.description, 1]
            })
    }

    static func componentRows(_ components: [CityComponent]) -> RowSet {
        RowSet(
            table: "city_components",
            columns: ["id", "grid_path", "code", "kind", "owner_department", "state", "lon", "lat", "datum", "updated_on", "version"],
            rows: components.map { c in
                [c.id, c.gridPath.rawValue, c.code, c.kind.rawValue, c.ownerDepartment, c.state.rawValue, c.location.coordinate.lon,
                 c.location.coordinate.lat, c.location.datum.rawValue, c.updatedOn.description, 1]
            })
    }

    /// Care groups as ` a b ` so that `LIKE '% a %'` finds one exactly.
    static func careGroupText(_ groups: Set<CareGroup>) -> String {
        groups.isEmpty ? "" : " " + groups.map(\.rawValue).sorted().joined(separator: " ") + " "
    }
}

extension BasicDataStore {
    /// Where a room is: its id and grid.
    public struct RoomLocation: Sendable, Hashable {
        public let id: UUID
        public let gridPath: UnitPath
    }

    /// Rooms by their address codes (`StandardAddress.addressCode`), looked up in batches.
    public static func rooms(addressCodes: some Collection<String>, on db: any Database) async throws -> [String: RoomLocation] {
        var found: [String: RoomLocation] = [:]
        let codes = Array(Set(addressCodes))
        for chunk in codes.chunked(into: 500) {
            let rows = try await (try db.sql).raw("""
                SELECT id, grid_path, address_code FROM rooms WHERE address_code IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                """).all()
            for row in rows {
                guard let path = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)) else { continue }
                found[try row.decode(column: "address_code", as: String.self)] = RoomLocation(id: try row.decode(column: "id", as: UUID.self), gridPath: path)
            }
        }
        return found
    }

    /// A room named the way a clerk names it: the building (its address code, or its name inside
    /// `scope`) and the room number.
    public static func room(building reference: String, number: String, within scope: UnitPath, on db: any Database) async throws -> RoomLocation? {
        let row = try await (try db.sql).raw("""
            SELECT r.id AS id, r.grid_path AS grid_path FROM rooms r JOIN buildings b ON b.id = r.building_id
            WHERE (b.address_code = \(bind: reference) OR (b.name = \(bind: reference)
                   AND b.grid_path >= \(bind: scope.rawValue) AND b.grid_path < \(bind: scope.subtreeUpperBound)))
              AND r.number = \(bind: number)
            ORDER BY r.id LIMIT 1
            """).first()
        guard let row, let path = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)) else { return nil }
        return RoomLocation(id: try row.decode(column: "id", as: UUID.self), gridPath: path)
    }

    /// Which of these keyed ID hashes belong to people still living here.
    public static func registeredIDHashes(_ hashes: some Collection<String>, on db: any Database) async throws -> Set<String> {
        var found: Set<String> = []
        let all = Array(hashes)
        for chunk in all.chunked(into: 500) {
            let rows = try await (try db.sql).raw("""
                SELECT id_hash FROM people WHERE moved_out_on IS NULL AND id_hash IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                """).all()
            for row in rows { found.insert(try row.decode(column: "id_hash", as: String.self)) }
        }
        return found
    }
}
