import FluentKit
import Foundation
import GridCore
import SQLKit

/// Patrols as stored: the domain value with the worker's name for lists.
public struct StoredPatrol: Sendable, Equatable {
    public var patrol: Patrol
    public var workerName: String
    /// The local day the patrol began on.
    public var day: CalendarDay

    public init(patrol: Patrol, workerName: String, day: CalendarDay) {
        self.patrol = patrol
        self.workerName = workerName
        self.day = day
    }
}

/// The patrol log's rows (巡查日志).
public enum PatrolStore {
    public static func find(_ id: UUID, on db: any Database) async throws -> StoredPatrol? {
        try await (try db.sql).raw("SELECT * FROM patrols WHERE id = \(bind: id)").first().map(decode)
    }

    /// Writes a patrol, new or changed (the phone sends its whole state each time). A new one is
    /// stored only if its id is still free — a replay racing its original loses; false then.
    @discardableResult
    public static func save(_ patrol: Patrol, workerName: String, day: CalendarDay, isNew: Bool, on db: any Database, now: Date) async throws -> Bool {
        let track = try StoreJSON.text(patrol.track)
        let events = try StoreJSON.text(patrol.eventIDs)
        let sql = try db.sql
        if isNew {
            return try await sql.raw("""
                INSERT INTO patrols (id, worker_id, worker_name, grid_path, started_at, ended_at, day, track, distance_m, updated_at, event_ids)
                VALUES (\(bind: patrol.id), \(bind: patrol.workerID), \(bind: workerName), \(bind: patrol.gridPath.rawValue),
                        \(bind: patrol.startedAt), \(bind: patrol.endedAt), \(bind: day.description), \(bind: track),
                        \(bind: patrol.distance), \(bind: now), \(bind: events))
                ON CONFLICT (id) DO NOTHING RETURNING id
                """).first() != nil
        } else {
            try await sql.raw("""
                UPDATE patrols SET ended_at = \(bind: patrol.endedAt), track = \(bind: track), distance_m = \(bind: patrol.distance),
                  updated_at = \(bind: now), event_ids = \(bind: events)
                WHERE id = \(bind: patrol.id)
                """).run()
            return true
        }
    }

    /// Patrols begun on `days` (local days) in the subtree of `path`, or of one worker.
    public static func list(
        under path: UnitPath, worker: UUID?, days: ClosedRange<CalendarDay>, on db: any Database
    ) async throws -> [StoredPatrol] {
        var conditions: [SQLQueryString] = [
            "grid_path >= \(bind: path.rawValue) AND grid_path < \(bind: path.subtreeUpperBound)",
            "day >= \(bind: days.lowerBound.description) AND day <= \(bind: days.upperBound.description)",
        ]
        if let worker { conditions.append("worker_id = \(bind: worker)") }
        return try await (try db.sql).raw("""
            SELECT * FROM patrols WHERE \(SQLList(conditions, separator: SQLRaw(" AND "))) ORDER BY started_at, id
            """).all().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> StoredPatrol {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let path = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)),
              let day = CalendarDay(iso: try row.decode(column: "day", as: String.self))
        else { throw StoreError.corruptRow(table: "patrols", id: id.uuidString) }
        let patrol = Patrol(
            id: id, workerID: try row.decode(column: "worker_id", as: UUID.self), gridPath: path,
            startedAt: try row.decode(column: "started_at", as: Date.self), endedAt: try row.decode(column: "ended_at", as: Date?.self),
            track: try StoreJSON.decode([TrackPoint].self, from: try row.decode(column: "track", as: String.self)),
            eventIDs: try row.decode(column: "event_ids", as: String?.self).map { try StoreJSON.decode([UUID].self, from: $0) } ?? [])
        return StoredPatrol(patrol: patrol, workerName: try row.decode(column: "worker_name", as: String.self), day: day)
    }
}
