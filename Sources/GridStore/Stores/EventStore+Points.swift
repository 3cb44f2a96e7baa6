import FluentKit
import Foundation
import GridCore
import SQLKit

/// One event as the map draws it: where (GCJ-02), what, and how urgent — no snapshot decoded, so
/// a street's thousands of events load in one light query.
public struct EventPoint: Sendable, Equatable {
    public var id: UUID
    public var number: String
    public var typeCode: String
    public var state: EventState
    public var level: Int
    public var mapPoint: Coordinate
    public var overdue: Bool
}

extension EventStore {
    /// The events a list with `filter` would hold, as points, most recent first, at most `limit`;
    /// with the full count so the map can say when it shows only part.
    public static func points(_ filter: Filter, limit: Int, now: Date, on db: any Database) async throws -> (points: [EventPoint], total: Int) {
        let total = try await count(filter, on: db)
        let sql = try db.sql
        let columns: SQLQueryString = """
            id, number, type_code, state, level, map_lon, map_lat,
              CASE WHEN deadline_at < \(bind: now) AND \(unsafeRaw: EventListIndexes.openCondition) THEN 1 ELSE 0 END AS overdue
            """
        if filter.onlyOpen {
            // Open events: the partial index holds every column, so one ordered read of it.
            let rows = try await sql.raw("""
                SELECT \(columns) FROM events WHERE \(condition(filter)) ORDER BY reported_at DESC, id LIMIT \(literal: limit)
                """).all()
            return (try rows.map(point), total)
        }
        // Otherwise the page of ids first, from the territory index alone; then the few columns of
        // those rows by id — filtering a district's year by state through its wide rows costs seconds.
        let ids = try await sql.raw("""
            SELECT id FROM events WHERE \(condition(filter)) ORDER BY reported_at DESC, id LIMIT \(literal: limit)
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        var byID: [UUID: EventPoint] = [:]
        for chunk in ids.chunked(into: 500) {
            let rows = try await sql.raw("""
                SELECT \(columns) FROM events WHERE id IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                """).all()
            for row in rows {
                let point = try point(row)
                byID[point.id] = point
            }
        }
        return (ids.compactMap { byID[$0] }, total)
    }

    private static func point(_ row: any SQLRow) throws -> EventPoint {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let state = EventState(rawValue: try row.decode(column: "state", as: String.self)) else {
            throw StoreError.corruptRow(table: "events", id: id.uuidString)
        }
        return EventPoint(
            id: id, number: try row.decode(column: "number", as: String.self), typeCode: try row.decode(column: "type_code", as: String.self),
            state: state, level: try row.decode(column: "level", as: Int.self),
            mapPoint: Coordinate(lon: try row.decode(column: "map_lon", as: Double.self), lat: try row.decode(column: "map_lat", as: Double.self)),
            overdue: try row.decode(column: "overdue", as: Int.self) == 1)
    }
}
