import FluentKit
import Foundation
import GridCore
import SQLKit

/// Who lives at an event's place, read from the basic-data register for the care-group fact of
/// the risk rules (`CareGroupSites`).
extension RiskStore {
    /// Residents of a vulnerable care group living on `day` in the building at `point` (GCJ-02):
    /// the nearest building whose point lies within `radius` metres. One query: the buildings in
    /// the box around the point (`buildings_point_idx`, by each building's datum) with their
    /// rooms (`rooms_building_idx`) and their residents in a care group not moved out by then
    /// (`people_room_idx`).
    public static func careGroupResidents(at point: Coordinate, radius: Double, on day: CalendarDay, on db: any Database) async throws -> Int {
        guard radius > 0 else { return 0 }
        let dLat = radius / 111_320
        let dLon = radius / (111_320 * max(cos(point.lat * .pi / 180), 0.01))
        let wgs = DatumConverter.convert(point, from: .gcj02, to: .wgs84)
        func box(_ centre: Coordinate) -> SQLQueryString {
            "b.lon BETWEEN \(bind: centre.lon - dLon) AND \(bind: centre.lon + dLon) AND b.lat BETWEEN \(bind: centre.lat - dLat) AND \(bind: centre.lat + dLat)"
        }
        let rows = try await (try db.sql).raw("""
            SELECT b.id AS building_id, b.lon AS lon, b.lat AS lat, b.datum AS datum,
                   p.care_groups AS care_groups, p.moved_in_on AS moved_in_on, p.moved_out_on AS moved_out_on
            FROM buildings b
            LEFT JOIN rooms r ON r.building_id = b.id
            LEFT JOIN people p ON p.room_id = r.id AND p.care_groups <> '' AND (p.moved_out_on IS NULL OR p.moved_out_on > \(bind: day.description))
            WHERE (b.datum = \(bind: Datum.gcj02.rawValue) AND \(box(point)))
               OR (b.datum <> \(bind: Datum.gcj02.rawValue) AND \(box(wgs)))
            """).all()
        var sites = CareGroupSites(radius: radius, referenceLatitude: point.lat)
        for row in rows {
            let id = try row.decode(column: "building_id", as: UUID.self)
            guard let datum = Datum(rawValue: try row.decode(column: "datum", as: String.self)) else {
                throw StoreError.corruptRow(table: "buildings", id: id.uuidString)
            }
            sites.addBuilding(id, at: Coordinate(lon: try row.decode(column: "lon", as: Double.self), lat: try row.decode(column: "lat", as: Double.self)), datum: datum)
            if let resident = try careResident(row) { sites.addResident(resident, of: id) }
        }
        return sites.residents(at: point, on: day)
    }

    /// Every building with a point and every resident in a care group who ever lived in one (the
    /// backfill judges each event on its own day): two scans, one of buildings and one of the
    /// people in care groups with their rooms' buildings.
    static func careGroupSites(radius: Double, referenceLatitude: Double, on db: any Database) async throws -> CareGroupSites {
        var sites = CareGroupSites(radius: radius, referenceLatitude: referenceLatitude)
        guard radius > 0 else { return sites }
        let sql = try db.sql
        for row in try await sql.raw("SELECT id, lon, lat, datum FROM buildings WHERE lon IS NOT NULL AND lat IS NOT NULL").all() {
            let id = try row.decode(column: "id", as: UUID.self)
            guard let datum = Datum(rawValue: try row.decode(column: "datum", as: String.self)) else {
                throw StoreError.corruptRow(table: "buildings", id: id.uuidString)
            }
            sites.addBuilding(id, at: Coordinate(lon: try row.decode(column: "lon", as: Double.self), lat: try row.decode(column: "lat", as: Double.self)), datum: datum)
        }
        for row in try await sql.raw("""
            SELECT r.building_id AS building_id, p.care_groups AS care_groups, p.moved_in_on AS moved_in_on, p.moved_out_on AS moved_out_on
            FROM people p JOIN rooms r ON r.id = p.room_id WHERE p.care_groups <> ''
            """).all() {
            if let resident = try careResident(row) { sites.addResident(resident, of: try row.decode(column: "building_id", as: UUID.self)) }
        }
        return sites
    }

    /// The resident of a row (nil when the row has none, or none of its groups is vulnerable).
    private static func careResident(_ row: any SQLRow) throws -> CareGroupSites.Resident? {
        guard let text = try row.decode(column: "care_groups", as: String?.self) else { return nil }
        let groups = Set(text.split(separator: " ").compactMap { CareGroup(rawValue: String($0)) })
        guard !groups.isDisjoint(with: RiskRules.vulnerableCareGroups) else { return nil }
        return CareGroupSites.Resident(
            groups: groups, movedInOn: try row.decode(column: "moved_in_on", as: String?.self).flatMap { CalendarDay(iso: $0) },
            movedOutOn: try row.decode(column: "moved_out_on", as: String?.self).flatMap { CalendarDay(iso: $0) })
    }
}
