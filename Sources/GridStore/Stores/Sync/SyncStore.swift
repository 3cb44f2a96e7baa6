import FluentKit
import Foundation
import GridCore
import SQLKit

/// The reads behind `GET /api/v1/sync`: basic data of an area selected by the day of its last
/// change, digests of a boundary day, and a reporter's events changed since an instant. Every
/// read is limited to a subtree of the hierarchy, the same prefix the people API scopes by.
public enum SyncStore {
    /// The basic-data tables a phone caches.
    public enum Table: String, Sendable, CaseIterable {
        case buildings, rooms, people
    }

    /// Digest of the `(id, version)` pairs of `table`'s rows under `path` last changed on `day`.
    public static func boundaryDigest(_ table: Table, under path: UnitPath, day: String, on db: any Database) async throws -> String {
        let rows = try await (try db.sql).raw("""
            SELECT id, version FROM \(ident: table.rawValue) WHERE \(BasicDataRecords.subtree(path)) AND updated_on = \(bind: day)
            """).all()
        return SyncDigest.of(versions: try rows.map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "version", as: Int.self)) })
    }

    /// A building with the counts its DTO shows.
    public struct BuildingRow: Sendable {
        public let building: Building
        public let rooms: Int
        public let residents: Int
    }

    public static func buildings(under path: UnitPath, _ selection: SyncSelection, on db: any Database) async throws -> [BuildingRow] {
        let rows = try await select("buildings", under: path, selection, on: db)
        guard !rows.isEmpty else { return [] }
        let buildings = try rows.map(BasicDataStore.decodeBuilding)
        let rooms = try await counts("SELECT building_id AS k, COUNT(*) AS n FROM rooms WHERE \(BasicDataRecords.subtree(path)) GROUP BY building_id", on: db)
        let residents = try await counts("""
            SELECT r.building_id AS k, COUNT(*) AS n FROM people p JOIN rooms r ON r.id = p.room_id
            WHERE p.moved_out_on IS NULL AND r.grid_path >= \(bind: path.rawValue) AND r.grid_path < \(bind: path.subtreeUpperBound)
            GROUP BY r.building_id
            """, on: db)
        return buildings.map { BuildingRow(building: $0, rooms: rooms[$0.id] ?? 0, residents: residents[$0.id] ?? 0) }
    }

    public static func rooms(
        under path: UnitPath, _ selection: SyncSelection, keyRing: KeyRing, on db: any Database
    ) async throws -> [BasicDataQueries.RoomItem] {
        let rows = try await select("rooms", under: path, selection, on: db)
        guard !rows.isEmpty else { return [] }
        let rooms = try rows.map { (try BasicDataRecords.room(from: $0, keyRing: keyRing), try $0.decode(column: "version", as: Int.self)) }
        var buildings: [UUID: Building] = [:]
        for id in Set(rooms.map(\.0.buildingID)) { buildings[id] = try await BasicDataStore.building(id, on: db) }
        let residents = try await counts("""
            SELECT room_id AS k, COUNT(*) AS n FROM people WHERE moved_out_on IS NULL AND room_id IS NOT NULL
            AND \(BasicDataRecords.subtree(path)) GROUP BY room_id
            """, on: db)
        return try rooms.map { room, version in
            guard let building = buildings[room.buildingID] else { throw StoreError.corruptRow(table: "rooms", id: room.id.uuidString) }
            return BasicDataQueries.RoomItem(room: room, building: building, residents: residents[room.id] ?? 0, version: version)
        }
    }

    /// People, identifiers masked (the sealed values are never read here).
    public static func people(under path: UnitPath, _ selection: SyncSelection, on db: any Database) async throws -> [PeopleStore.Row] {
        try await select("people", under: path, selection, on: db).map(PeopleStore.decode)
    }

    /// An event with the instant of its last change.
    public struct EventRow: Sendable {
        public let event: StoredEvent
        public let updatedAt: Date
    }

    /// The events `reporter` filed that changed at or after `since` (all of them when nil).
    public static func events(reportedBy reporter: UUID, changedSince since: Date?, on db: any Database) async throws -> [EventRow] {
        let window: SQLQueryString = since.map { "AND updated_at >= \(bind: $0)" } ?? ""
        let rows = try await (try db.sql).raw("""
            SELECT * FROM events WHERE reporter_id = \(bind: reporter) \(window) ORDER BY reported_at, id
            """).all()
        return try rows.map { EventRow(event: try EventStore.decode($0), updatedAt: try $0.decode(column: "updated_at", as: Date.self)) }
    }

    private static func select(_ table: String, under path: UnitPath, _ selection: SyncSelection, on db: any Database) async throws -> [any SQLRow] {
        let condition: SQLQueryString = switch selection {
        case .everything: table == "people" ? "AND moved_out_on IS NULL" : ""
        case .after(let day): "AND updated_on > \(bind: day)"
        case .onOrAfter(let day): "AND updated_on >= \(bind: day)"
        }
        return try await (try db.sql).raw("""
            SELECT * FROM \(ident: table) WHERE \(BasicDataRecords.subtree(path)) \(condition) ORDER BY id
            """).all()
    }

    private static func counts(_ query: SQLQueryString, on db: any Database) async throws -> [UUID: Int] {
        var result: [UUID: Int] = [:]
        for row in try await (try db.sql).raw(query).all() {
            result[try row.decode(column: "k", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }
}
