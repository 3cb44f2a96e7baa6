import FluentKit
import Foundation
import GridCore
import SQLiteNIO

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
    }

    static let patrolColumns = [
        "id", "worker_id", "worker_name", "grid_path", "started_at", "ended_at", "day", "track", "distance_m", "updated_at", "event_ids",
    ]
    static let visitColumns = [
        "id", "household_key", "grid_path", "visitor_id", "visitor_name", "visited_at", "day", "met", "notes", "needs", "created_at",
    ]

    /// One value of a row as both engines take it. A district's year is three million visits:
    /// on SQLite their values go straight to `SQLiteData`, as `BulkInsert` would convert them,
    /// without a boxed row per visit.
    enum Value {
        case text(String), id(UUID), date(Date), real(Double)

        var sqlite: SQLiteData {
            switch self {
            case .text(let text): .text(text)
            case .id(let id): .text(withUnsafeBytes(of: id.uuid) { Hex.uuidString($0) })
            case .date(let date): .float(date.timeIntervalSince1970)
            case .real(let number): .float(number)
            }
        }

        var bound: any Encodable & Sendable {
            switch self {
            case .text(let text): text
            case .id(let id): id
            case .date(let date): date
            case .real(let number): number
            }
        }
    }

    /// Each patrol's row as `PatrolStore.save` writes it (last written when it ended), each visit's
    /// as `VisitStore.insert` does (created when made); as SQLite's values when `forSQLite`.
    public static func prepare(patrols: [DemoPatrol], visits: [DemoVisit], forSQLite: Bool) throws -> PreparedRows {
        var patrolValues: [Value] = []
        patrolValues.reserveCapacity(patrols.count * patrolColumns.count)
        for item in patrols {
            let patrol = item.patrol
            let end = patrol.endedAt ?? patrol.startedAt
            patrolValues += [
                .id(patrol.id), .id(patrol.workerID), .text(item.workerName), .text(patrol.gridPath.rawValue), .date(patrol.startedAt),
                .date(end), .text(item.day.description), .text(try StoreJSON.text(patrol.track)), .real(patrol.distance), .date(end),
                .text(try StoreJSON.text(patrol.eventIDs)),
            ]
        }
        var visitValues: [Value] = []
        visitValues.reserveCapacity(visits.count * visitColumns.count)
        for visit in visits {
            visitValues += [
                .id(visit.id), .text(visit.householdKey), .text(visit.gridPath.rawValue), .id(visit.visitorID), .text(visit.visitorName),
                .date(visit.visitedAt), .text(visit.day.description), .text(visit.met), .text(visit.notes), .text(visit.needs),
                .date(visit.visitedAt),
            ]
        }
        func rows(_ values: [Value], into table: String, columns: [String]) -> BulkRows {
            if forSQLite { return BulkRows(table: table, columns: columns, sqlite: values.map(\.sqlite)) }
            let rows = values.chunked(into: columns.count).map { $0.map(\.bound) }
            return BulkRows(table: table, columns: columns, rows: rows)
        }
        return PreparedRows(
            patrols: rows(patrolValues, into: "patrols", columns: patrolColumns),
            visits: rows(visitValues, into: "visits", columns: visitColumns))
    }

    /// Writes prepared rows; part of the caller's transaction, ids must be new and every worker
    /// an account (the tables reference `users`).
    public static func write(_ rows: PreparedRows, on db: any Database) async throws {
        if !rows.patrols.isEmpty { try await BulkInsert.write(rows.patrols, on: db) }
        if !rows.visits.isEmpty { try await BulkInsert.write(rows.visits, on: db) }
    }
}
