import FluentKit
import Foundation
import GridCore
import SQLKit

/// A unit's outline in one version.
public struct UnitOutline: Sendable {
    public let unit: OrgUnit
    /// GCJ-02.
    public let geometry: MultiPolygon
    public let validFrom: String
    public let validTo: String?
    public let sourceDatum: Datum
    public let area: Double
    public let centroid: Coordinate
}

/// Versioned outlines, map changes with their crosswalks, and grid staffing.
public enum GridMapStore {
    // MARK: outlines

    /// Outlines of units at or below `path`, valid on `date` (nil: the current ones).
    public static func outlines(
        under path: UnitPath, kinds: Set<UnitKind>? = nil, at date: CalendarDay? = nil, on db: any Database
    ) async throws -> [UnitOutline] {
        var conditions: [SQLQueryString] = ["u.path >= \(bind: path.rawValue) AND u.path < \(bind: path.subtreeUpperBound)"]
        if let kinds { conditions.append("u.kind IN \(SQLGroupExpression(kinds.map(\.rawValue).sorted().map { SQLBind($0) }))") }
        return try await outlineRows(where: conditions, at: date, order: "u.path", on: db)
    }

    /// One unit's outline on `date` (nil: current).
    public static func outline(of unit: OrgUnit, at date: CalendarDay? = nil, on db: any Database) async throws -> UnitOutline? {
        try await outlineRows(where: ["g.unit_id = \(bind: unit.id)"], at: date, order: "g.valid_from DESC LIMIT 1", on: db).first
    }

    /// The one reading of outline versions: a version is valid on `date` from its first day up
    /// to, not including, its last; with no date, the version not yet ended. Plain SQL rather
    /// than Fluent: a district's 589 outlines spent half the map layer's answer in Fluent's
    /// reflective model decoding.
    private static func outlineRows(
        where conditions: [SQLQueryString], at date: CalendarDay?, order: String, on db: any Database
    ) async throws -> [UnitOutline] {
        var conditions = conditions
        if let date {
            conditions.append("g.valid_from <= \(bind: date.description) AND (g.valid_to IS NULL OR g.valid_to > \(bind: date.description))")
        } else {
            conditions.append("g.valid_to IS NULL")
        }
        let rows = try await (try db.sql).raw("""
            SELECT g.id, g.valid_from, g.valid_to, g.source_datum, g.geometry, g.area_m2, g.centroid_lon, g.centroid_lat,
              u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind, u.parent_id AS unit_parent_id, u.path AS unit_path
            FROM unit_geometries g JOIN units u ON u.id = g.unit_id
            WHERE \(SQLList(conditions, separator: SQLRaw(" AND ")))
            ORDER BY \(unsafeRaw: order)
            """).all()
        return try rows.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            guard let geometry = try JSONDecoder().decode(GeoJSONGeometry.self, from: Data(try row.decode(column: "geometry", as: String.self).utf8)).multiPolygon,
                  let datum = Datum(rawValue: try row.decode(column: "source_datum", as: String.self))
            else { throw StoreError.corruptRow(table: UnitGeometryModel.schema, id: id.uuidString) }
            return UnitOutline(
                unit: try unit(row), geometry: geometry, validFrom: try row.decode(column: "valid_from", as: String.self),
                validTo: try row.decode(column: "valid_to", as: String?.self), sourceDatum: datum,
                area: try row.decode(column: "area_m2", as: Double.self),
                centroid: Coordinate(lon: try row.decode(column: "centroid_lon", as: Double.self), lat: try row.decode(column: "centroid_lat", as: Double.self)))
        }
    }

    /// The unit of a row that selected its columns as `unit_id`, `unit_code`, `unit_name`,
    /// `unit_kind`, `unit_parent_id` and `unit_path`.
    private static func unit(_ row: any SQLRow) throws -> OrgUnit {
        let id = try row.decode(column: "unit_id", as: UUID.self)
        guard let kind = UnitKind(rawValue: try row.decode(column: "unit_kind", as: String.self)),
              let path = UnitPath(rawValue: try row.decode(column: "unit_path", as: String.self)),
              let code = try? UnitCode(try row.decode(column: "unit_code", as: String.self))
        else { throw StoreError.corruptRow(table: UnitModel.schema, id: id.uuidString) }
        return OrgUnit(id: id, code: code, name: try row.decode(column: "unit_name", as: String.self), kind: kind,
                       parentID: try row.decode(column: "unit_parent_id", as: UUID?.self), path: path)
    }

    /// Makes `geometry` the unit's outline from `effective` on; the previous version ends that day
    /// and stays queryable.
    public static func saveOutline(
        _ unit: OrgUnit, geometry: MultiPolygon, sourceDatum: Datum, effective: CalendarDay, changeID: UUID?,
        on db: any Database, now: Date
    ) async throws {
        try await retireOutline(of: unit.id, effective: effective, on: db)
        let model = try outlineModel(unit, geometry: geometry, sourceDatum: sourceDatum, effective: effective, changeID: changeID, now: now)
        try await model.create(on: db)
    }

    /// Inserts first outlines for many units at once (demo data, first load).
    public static func insertOutlines(
        _ rows: [(unit: OrgUnit, geometry: MultiPolygon)], sourceDatum: Datum, effective: CalendarDay, on db: any Database, now: Date
    ) async throws {
        let models = try rows.map {
            try outlineModel($0.unit, geometry: $0.geometry, sourceDatum: sourceDatum, effective: effective, changeID: nil, now: now)
        }
        for chunk in models.chunked(into: 200) {
            try await Array(chunk).create(on: db)
        }
    }

    /// A new current version row, with the figures lists and maps read without parsing the shape.
    private static func outlineModel(
        _ unit: OrgUnit, geometry: MultiPolygon, sourceDatum: Datum, effective: CalendarDay, changeID: UUID?, now: Date
    ) throws -> UnitGeometryModel {
        let model = UnitGeometryModel()
        model.id = UUID()
        model.$unit.id = unit.id
        model.validFrom = effective.description
        model.validTo = nil
        model.sourceDatum = sourceDatum.rawValue
        model.geometry = try encode(geometry)
        model.area = geometry.area
        let centroid = geometry.pointOnSurface ?? geometry.centroid ?? Coordinate(lon: 0, lat: 0)
        model.centroidLon = centroid.lon
        model.centroidLat = centroid.lat
        let box = geometry.boundingBox ?? BoundingBox(minLon: 0, minLat: 0, maxLon: 0, maxLat: 0)
        model.minLon = box.minLon
        model.minLat = box.minLat
        model.maxLon = box.maxLon
        model.maxLat = box.maxLat
        model.changeID = changeID
        model.createdAt = now
        return model
    }

    /// Ends the unit's current outline on `effective` (a split or merged-away grid).
    public static func retireOutline(of unitID: UUID, effective: CalendarDay, on db: any Database) async throws {
        try await UnitGeometryModel.query(on: db).filter(\.$unit.$id == unitID).filter(\.$validTo == nil)
            .set(\.$validTo, to: effective.description).update()
    }

    static func encode(_ geometry: MultiPolygon) throws -> String {
        let value: GeoJSONGeometry = geometry.polygons.count == 1 ? .polygon(geometry.polygons[0]) : .multiPolygon(geometry)
        return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    // MARK: changes and crosswalks

    /// Records a map change (import, redraw, split, merge) and its crosswalk; returns its id.
    public static func recordChange(
        kind: String, effective: CalendarDay, summary: String, actor: String, unitPath: UnitPath?,
        crosswalk: [CrosswalkEntry], on db: any Database, now: Date
    ) async throws -> UUID {
        let id = UUID()
        try await (try db.sql).insert(into: "grid_changes")
            .columns("id", "kind", "effective_date", "summary", "actor_name", "unit_path", "created_at")
            .values(SQLBind(id), SQLBind(kind), SQLBind(effective.description), SQLBind(String(summary.prefix(500))),
                    SQLBind(actor), SQLBind(unitPath?.rawValue), SQLBind(now))
            .run()
        for entry in crosswalk {
            try await (try db.sql).insert(into: "grid_crosswalk")
                .columns("id", "change_id", "old_code", "new_code", "share", "area_m2")
                .values(SQLBind(UUID()), SQLBind(id), SQLBind(entry.oldCode), SQLBind(entry.newCode), SQLBind(entry.share), SQLBind(entry.area))
                .run()
        }
        return id
    }

    public static func crosswalk(of changeID: UUID, on db: any Database) async throws -> [CrosswalkEntry] {
        try await (try db.sql).select().columns("old_code", "new_code", "share", "area_m2").from("grid_crosswalk")
            .where("change_id", .equal, SQLBind(changeID)).orderBy("old_code").orderBy("new_code")
            .all().map { row in
                CrosswalkEntry(
                    oldCode: try row.decode(column: "old_code", as: String.self), newCode: try row.decode(column: "new_code", as: String.self),
                    share: try row.decode(column: "share", as: Double.self), area: try row.decode(column: "area_m2", as: Double.self))
            }
    }

    // MARK: staff

    public static func assign(
        grid: OrgUnit, name: String, role: StaffRole, workPhone: String?, userID: UUID?, from: CalendarDay,
        on db: any Database, now: Date
    ) async throws -> GridStaffDTO {
        let model = staffModel(grid: grid, name: name, role: role, workPhone: workPhone, userID: userID, from: from, now: now)
        try await model.create(on: db)
        // read back through the one reading of staff rows (an assignment is rare; one query more)
        guard let id = model.id, let (staff, _) = try await staffAssignment(id, on: db) else {
            throw StoreError.notFound(what: "grid staff assignment")
        }
        return staff
    }

    /// Inserts many assignments at once (demo data).
    public static func assignAll(_ rows: [(grid: OrgUnit, name: String, role: StaffRole, workPhone: String?, userID: UUID?)],
                                 from: CalendarDay, on db: any Database, now: Date) async throws {
        let models = rows.map {
            staffModel(grid: $0.grid, name: $0.name, role: $0.role, workPhone: $0.workPhone, userID: $0.userID, from: from, now: now)
        }
        for chunk in models.chunked(into: 500) {
            try await Array(chunk).create(on: db)
        }
    }

    private static func staffModel(
        grid: OrgUnit, name: String, role: StaffRole, workPhone: String?, userID: UUID?, from: CalendarDay, now: Date
    ) -> GridStaffModel {
        let model = GridStaffModel()
        model.id = UUID()
        model.$unit.id = grid.id
        model.userID = userID
        model.name = name
        model.workPhone = workPhone
        model.role = role.rawValue
        model.validFrom = from.description
        model.validTo = nil
        model.createdAt = now
        return model
    }

    /// Who serves the grid now (assignments not ended), by role then name.
    public static func staff(of grid: OrgUnit, on db: any Database) async throws -> [GridStaffDTO] {
        try await staffRows(where: "s.unit_id = \(bind: grid.id) AND s.valid_to IS NULL", order: "s.role, s.name", on: db).map(\.staff)
    }

    public static func staffAssignment(_ id: UUID, on db: any Database) async throws -> (GridStaffDTO, OrgUnit)? {
        try await staffRows(where: "s.id = \(bind: id)", order: "s.id", on: db).first
    }

    public static func endAssignment(_ id: UUID, on date: CalendarDay, on db: any Database) async throws {
        try await GridStaffModel.query(on: db).filter(\.$id == id).filter(\.$validTo == nil)
            .set(\.$validTo, to: date.description).update()
    }

    /// Current staff of every grid below `path`, keyed by unit id (map cards, boards, lists).
    public static func staffByGrid(under path: UnitPath, on db: any Database) async throws -> [UUID: [GridStaffDTO]] {
        let rows = try await staffRows(
            where: "u.path >= \(bind: path.rawValue) AND u.path < \(bind: path.subtreeUpperBound) AND s.valid_to IS NULL", order: "s.role, s.name", on: db)
        return Dictionary(grouping: rows, by: \.grid.id).mapValues { $0.map(\.staff) }
    }

    /// The one reading of staff rows, each with its grid.
    private static func staffRows(
        where condition: SQLQueryString, order: String, on db: any Database
    ) async throws -> [(staff: GridStaffDTO, grid: OrgUnit)] {
        let rows = try await (try db.sql).raw("""
            SELECT s.id, s.user_id, s.name, s.work_phone, s.role, s.valid_from, s.valid_to,
              u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind, u.parent_id AS unit_parent_id, u.path AS unit_path
            FROM grid_staff s JOIN units u ON u.id = s.unit_id
            WHERE \(condition)
            ORDER BY \(unsafeRaw: order)
            """).all()
        return try rows.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            guard let role = StaffRole(rawValue: try row.decode(column: "role", as: String.self)) else {
                throw StoreError.corruptRow(table: GridStaffModel.schema, id: id.uuidString)
            }
            let grid = try unit(row)
            return (GridStaffDTO(
                id: id, gridCode: grid.code.rawValue, name: try row.decode(column: "name", as: String.self),
                role: role, workPhone: try row.decode(column: "work_phone", as: String?.self), userID: try row.decode(column: "user_id", as: UUID?.self),
                validFrom: try row.decode(column: "valid_from", as: String.self), validTo: try row.decode(column: "valid_to", as: String?.self)), grid)
        }
    }
}
