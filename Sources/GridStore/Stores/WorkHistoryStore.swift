import FluentKit
import Foundation
import GridCore

/// Patrols and household visits that already happened (the demo's year), written in multi-row
/// statements inside the engines' bind limits, like `EventStore.writeHistory`. Their indicator
/// cells are the caller's to write (`DemoWorkYear.cells`): a loader sums a year's and writes them
/// once with the events'.
public enum WorkHistoryStore {
    /// Rows made apart from the write (pure CPU), so a loader prepares the next grids' while the
    /// database writes these.
    public struct PreparedRows: Sendable {
        let patrols: BulkRows
        let visits: BulkRows

        /// The same rows converted for SQLite, so that the preparing core does that work too.
        public func encodedForSQLite() throws -> PreparedRows {
            PreparedRows(patrols: try patrols.encodedForSQLite(), visits: try visits.encodedForSQLite())
        }
    }

    static let patrolColumns = [
        "id", "worker_id", "worker_name", "grid_path", "started_at", "ended_at", "day", "track", "distance_m", "updated_at", "event_ids",
    ]
    static let visitColumns = [
        "id", "household_key", "grid_path", "visitor_id", "visitor_name", "visited_at", "day", "met", "notes", "needs", "created_at",
    ]

    /// Each patrol's row as `PatrolStore.save` writes it (last written when it ended), each visit's
    /// as `VisitStore.insert` does (created when made).
    public static func prepare(patrols: [DemoPatrol], visits: [DemoVisit]) throws -> PreparedRows {
        let patrolRows: [[any Encodable & Sendable]] = try patrols.map { item in
            let patrol = item.patrol
            return [
                patrol.id, patrol.workerID, item.workerName, patrol.gridPath.rawValue, patrol.startedAt, patrol.endedAt,
                item.day.description, try StoreJSON.text(patrol.track), patrol.distance, patrol.endedAt ?? patrol.startedAt,
                try StoreJSON.text(patrol.eventIDs),
            ]
        }
        let visitRows: [[any Encodable & Sendable]] = visits.map { visit in
            [
                visit.id, visit.householdKey, visit.gridPath.rawValue, visit.visitorID, visit.visitorName, visit.visitedAt,
                visit.day.description, visit.met, visit.notes, visit.needs, visit.visitedAt,
            ]
        }
        return PreparedRows(
            patrols: BulkRows(table: "patrols", columns: patrolColumns, rows: patrolRows),
            visits: BulkRows(table: "visits", columns: visitColumns, rows: visitRows))
    }

    /// Writes prepared rows; part of the caller's transaction, ids must be new and every worker
    /// an account (the tables reference `users`).
    public static func write(_ rows: PreparedRows, on db: any Database) async throws {
        if !rows.patrols.isEmpty { try await BulkInsert.write(rows.patrols, on: db) }
        if !rows.visits.isEmpty { try await BulkInsert.write(rows.visits, on: db) }
    }
}
