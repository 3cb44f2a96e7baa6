import FluentKit
import Foundation
import GridCore
import SQLKit

/// Reading people (实有人口). Rows come back with identifiers masked; the sealed values are
/// opened only by `unsealed(_:)`, which the caller audits.
public enum PeopleStore {
    /// A person as stored, identifiers masked.
    public struct Row: Sendable, Equatable {
        public let id: UUID
        public let name: String
        public let idType: PersonIDType
        public let idMasked: String
        public let phoneMasked: String?
        public let residenceKind: ResidenceKind
        public let sex: String?
        public let birthDate: CalendarDay?
        public let relation: String?
        public let roomID: UUID?
        public let householdID: UUID?
        public let gridPath: UnitPath
        public let movedInOn: CalendarDay?
        public let movedOutOn: CalendarDay?
        public let careGroups: [CareGroup]
        public let tags: [String]
        public let updatedOn: CalendarDay?
        /// 工作单位: the organisation the person works for, if declared.
        public let employerID: UUID?
        public let version: Int
    }

    public struct Filter: Sendable {
        /// Only people living in grids under this path (the caller's scope, or narrower).
        public var under: UnitPath
        /// Name contains.
        public var name: String?
        /// Exact keyed hashes of an ID number or a phone.
        public var idHash: String?
        public var phoneHash: String?
        public var careGroup: CareGroup?
        public var tag: String?
        public var roomID: UUID?
        /// Living in this building.
        public var buildingID: UUID?
        /// Living at this address or inside it (a building's address code finds its residents).
        public var withinAddress: String?
        /// Include people who moved out.
        public var includeMovedOut = false

        public init(under: UnitPath) {
            self.under = under
        }
    }

    public static func list(_ filter: Filter, page: Int, per: Int, on db: any Database) async throws -> (items: [Row], total: Int) {
        var conditions: [SQLQueryString] = [
            "grid_path >= \(bind: filter.under.rawValue) AND grid_path < \(bind: filter.under.subtreeUpperBound)",
        ]
        if let name = filter.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            let pattern = "%" + name.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            conditions.append("name LIKE \(bind: pattern)")
        }
        if let hash = filter.idHash { conditions.append("id_hash = \(bind: hash)") }
        if let hash = filter.phoneHash { conditions.append("phone_hash = \(bind: hash)") }
        if let group = filter.careGroup { conditions.append("care_groups LIKE \(bind: "% \(group.rawValue) %")") }
        if let tag = filter.tag { conditions.append("tags LIKE \(bind: "%\"\(tag.replacingOccurrences(of: "\"", with: ""))\"%")") }
        if let room = filter.roomID { conditions.append("room_id = \(bind: room)") }
        if let building = filter.buildingID {
            conditions.append("room_id IN (SELECT id FROM rooms WHERE building_id = \(bind: building))")
        }
        if let prefix = filter.withinAddress?.trimmingCharacters(in: .whitespaces), !prefix.isEmpty {
            let pattern = prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "|%"
            // The address itself or any address inside it: `…|1|1` is building 1, never building 10.
            conditions.append("""
                room_id IN (SELECT id FROM rooms WHERE address_code = \(bind: prefix) OR address_code LIKE \(bind: pattern) ESCAPE '\\')
                """)
        }
        if !filter.includeMovedOut { conditions.append("moved_out_on IS NULL") }
        let whereClause = SQLList(conditions, separator: SQLRaw(" AND "))
        let sql = try db.sql
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM people WHERE \(whereClause)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT * FROM people WHERE \(whereClause) ORDER BY grid_path, name, id LIMIT \(literal: per) OFFSET \(literal: (page - 1) * per)
            """).all()
        return (try rows.map(decode), total)
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> Row? {
        try await (try db.sql).raw("SELECT * FROM people WHERE id = \(bind: id)").first().map(decode)
    }

    /// The sealed identifiers of one person, opened.
    public static func unsealed(_ id: UUID, keyRing: KeyRing, on db: any Database) async throws -> (idNumber: String, phone: String?)? {
        guard let row = try await (try db.sql).raw("SELECT id_sealed, phone_sealed FROM people WHERE id = \(bind: id)").first() else { return nil }
        let phone = try row.decode(column: "phone_sealed", as: String?.self).map { try keyRing.open($0) }
        return (try keyRing.open(try row.decode(column: "id_sealed", as: String.self)), phone)
    }

    static func decode(_ row: any SQLRow) throws -> Row {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let path = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)),
              let idType = PersonIDType(rawValue: try row.decode(column: "id_type", as: String.self)),
              let kind = ResidenceKind(rawValue: try row.decode(column: "residence_kind", as: String.self))
        else { throw StoreError.corruptRow(table: "people", id: id.uuidString) }
        let day: (String) throws -> CalendarDay? = { column in try row.decode(column: column, as: String?.self).flatMap { CalendarDay(iso: $0) } }
        let tags = try StoreJSON.decode([String].self, from: try row.decode(column: "tags", as: String.self))
        return Row(
            id: id, name: try row.decode(column: "name", as: String.self), idType: idType,
            idMasked: try row.decode(column: "id_masked", as: String.self), phoneMasked: try row.decode(column: "phone_masked", as: String?.self),
            residenceKind: kind, sex: try row.decode(column: "sex", as: String?.self), birthDate: try day("birth_date"),
            relation: try row.decode(column: "relation", as: String?.self), roomID: try row.decode(column: "room_id", as: UUID?.self),
            householdID: try row.decode(column: "household_id", as: UUID?.self), gridPath: path,
            movedInOn: try day("moved_in_on"), movedOutOn: try day("moved_out_on"),
            careGroups: try row.decode(column: "care_groups", as: String.self).split(separator: " ").compactMap { CareGroup(rawValue: String($0)) },
            tags: tags, updatedOn: try day("updated_on"), employerID: try row.decode(column: "employer_id", as: UUID?.self), version: try row.decode(column: "version", as: Int.self))
    }
}
