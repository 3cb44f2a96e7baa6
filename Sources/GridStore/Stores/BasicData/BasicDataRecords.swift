import FluentKit
import Foundation
import GridCore
import SQLKit

/// Whole basic-data records, identifiers opened: for editing, export and the data-quality report.
/// Callers that show them mask what the reader may not see.
public enum BasicDataRecords {
    /// A stored record with its version (乐观锁), so an edit can refuse to overwrite a newer one.
    public struct Versioned<Record: Sendable>: Sendable {
        public let record: Record
        public let version: Int
    }

    // MARK: people

    public static func person(_ id: UUID, keyRing: KeyRing, on db: any Database) async throws -> Versioned<Person>? {
        guard let row = try await (try db.sql).raw("SELECT * FROM people WHERE id = \(bind: id)").first() else { return nil }
        return Versioned(record: try person(from: row, keyRing: keyRing), version: try row.decode(column: "version", as: Int.self))
    }

    /// The people living (or, with `includeMovedOut`, having lived) in grids under `path`.
    public static func people(under path: UnitPath, includeMovedOut: Bool, keyRing: KeyRing, on db: any Database) async throws -> [Person] {
        let current: SQLQueryString = includeMovedOut ? "" : " AND moved_out_on IS NULL"
        return try await (try db.sql).raw("""
            SELECT * FROM people WHERE \(subtree(path))\(current) ORDER BY grid_path, name, id
            """).all().map { try person(from: $0, keyRing: keyRing) }
    }

    /// The person registered with this keyed ID hash and still living here, if any; else the
    /// last one who moved out.
    public static func person(idHash: String, keyRing: KeyRing, on db: any Database) async throws -> Versioned<Person>? {
        guard let row = try await (try db.sql).raw("""
            SELECT * FROM people WHERE id_hash = \(bind: idHash)
            ORDER BY CASE WHEN moved_out_on IS NULL THEN 0 ELSE 1 END, moved_out_on DESC LIMIT 1
            """).first() else { return nil }
        return Versioned(record: try person(from: row, keyRing: keyRing), version: try row.decode(column: "version", as: Int.self))
    }

    static func person(from row: any SQLRow, keyRing: KeyRing) throws -> Person {
        let stored = try PeopleStore.decode(row)
        guard let updatedOn = stored.updatedOn else { throw StoreError.corruptRow(table: "people", id: stored.id.uuidString) }
        let idNumber = try keyRing.open(try row.decode(column: "id_sealed", as: String.self))
        let phone = try row.decode(column: "phone_sealed", as: String?.self).map { try keyRing.open($0) }
        let declaredSex = stored.idType == .residentID ? nil : stored.sex.flatMap(ResidentID.Sex.init(rawValue:))
        return Person(
            id: stored.id, name: stored.name, idType: stored.idType, idNumber: idNumber,
            phone: phone.flatMap { try? MobileNumber($0) }, residenceKind: stored.residenceKind, roomID: stored.roomID,
            householdID: stored.householdID, relationToHead: stored.relation.flatMap(HouseholdRelation.init(rawValue:)),
            movedInOn: stored.movedInOn, movedOutOn: stored.movedOutOn, careGroups: Set(stored.careGroups), tags: stored.tags,
            gridPath: stored.gridPath, updatedOn: updatedOn,
            declaredSex: declaredSex, declaredBirthDate: stored.idType == .residentID ? nil : stored.birthDate,
            employerID: stored.employerID)
    }

    // MARK: rooms

    public static func room(_ id: UUID, keyRing: KeyRing, on db: any Database) async throws -> Versioned<Room>? {
        guard let row = try await (try db.sql).raw("SELECT * FROM rooms WHERE id = \(bind: id)").first() else { return nil }
        return Versioned(record: try room(from: row, keyRing: keyRing), version: try row.decode(column: "version", as: Int.self))
    }

    public static func rooms(under path: UnitPath, keyRing: KeyRing, on db: any Database) async throws -> [Room] {
        try await (try db.sql).raw("SELECT * FROM rooms WHERE \(subtree(path)) ORDER BY grid_path, address_code, id")
            .all().map { try room(from: $0, keyRing: keyRing) }
    }

    static func room(from row: any SQLRow, keyRing: KeyRing) throws -> Room {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let path = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)),
              let use = RoomUse(rawValue: try row.decode(column: "use", as: String.self)),
              let updated = CalendarDay(iso: try row.decode(column: "updated_on", as: String.self))
        else { throw StoreError.corruptRow(table: "rooms", id: id.uuidString) }
        let phone = try row.decode(column: "landlord_phone_sealed", as: String?.self).map { try keyRing.open($0) }
        return Room(
            id: id, buildingID: try row.decode(column: "building_id", as: UUID.self), gridPath: path,
            unit: try row.decode(column: "unit", as: String.self), number: try row.decode(column: "number", as: String.self),
            floor: try row.decode(column: "floor", as: Int.self), use: use, area: try row.decode(column: "area", as: Double?.self),
            ownerName: try row.decode(column: "owner_name", as: String.self),
            landlordName: try row.decode(column: "landlord_name", as: String?.self),
            landlordPhone: phone.flatMap { try? MobileNumber($0) }, isOccupied: try row.decode(column: "occupied", as: Bool.self),
            updatedOn: updated)
    }

    // MARK: organisations

    public static func organization(_ id: UUID, keyRing: KeyRing, on db: any Database) async throws -> Versioned<Organization>? {
        guard let row = try await (try db.sql).raw("SELECT * FROM organizations WHERE id = \(bind: id)").first() else { return nil }
        return Versioned(record: try organization(from: row, keyRing: keyRing), version: try row.decode(column: "version", as: Int.self))
    }

    public static func organizations(under path: UnitPath, keyRing: KeyRing, on db: any Database) async throws -> [Organization] {
        try await (try db.sql).raw("SELECT * FROM organizations WHERE \(subtree(path)) ORDER BY grid_path, name, id")
            .all().map { try organization(from: $0, keyRing: keyRing) }
    }

    static func organization(from row: any SQLRow, keyRing: KeyRing) throws -> Organization {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let path = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)),
              let kind = OrganizationKind(rawValue: try row.decode(column: "kind", as: String.self)),
              let updated = CalendarDay(iso: try row.decode(column: "updated_on", as: String.self))
        else { throw StoreError.corruptRow(table: "organizations", id: id.uuidString) }
        let phone = try row.decode(column: "phone_sealed", as: String?.self).map { try keyRing.open($0) } ?? ""
        return Organization(
            id: id, name: try row.decode(column: "name", as: String.self),
            creditCode: try row.decode(column: "credit_code", as: String?.self).flatMap { try? SocialCreditCode($0) },
            kind: kind, address: try StoreJSON.decode(StandardAddress.self, from: try row.decode(column: "address", as: String.self)),
            roomID: try row.decode(column: "room_id", as: UUID?.self), legalPerson: try row.decode(column: "legal_person", as: String.self),
            phone: phone, employeeCount: try row.decode(column: "employee_count", as: Int.self), gridPath: path, updatedOn: updated)
    }

    // MARK: shared

    /// `grid_path` within the subtree of `path` (an index range scan on both engines).
    /// `column` may name its table (`r.grid_path`): the two parts are quoted apart.
    static func subtree(_ path: UnitPath, column: String = "grid_path") -> SQLQueryString {
        let parts = column.split(separator: ".", maxSplits: 1).map(String.init)
        let name: any SQLExpression = parts.count == 2 ? SQLColumn(parts[1], table: parts[0]) : SQLIdentifier(column)
        return "\(name) >= \(bind: path.rawValue) AND \(name) < \(bind: path.subtreeUpperBound)"
    }
}
