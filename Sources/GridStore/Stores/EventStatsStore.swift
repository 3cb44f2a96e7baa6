import FluentKit
import Foundation
import GridCore
import SQLKit

/// The dashboard's counts (大数据), straight from the events table: per grid for a period of
/// report days, per day for a trend, per type for the mix. Periods are local report days
/// (`events.day`), so "this month" means the same on both engines.
public enum EventStatsStore {
    /// Each grid's tally of the events reported on days `from ..< to` (ISO days) under `path`.
    public static func tallies(
        under path: UnitPath, from: CalendarDay, to: CalendarDay, now: Date, on db: any Database
    ) async throws -> [UnitPath: EventTally] {
        try await breakdown(under: path, from: from, to: to, now: now, on: db).byGrid
    }

    /// The tallies per grid and the reports per type of one period, from one pass over the
    /// territory index (a district's year is 330 k index entries; reading them twice doubled the
    /// dashboard's time).
    public static func breakdown(
        under path: UnitPath, from: CalendarDay, to: CalendarDay, now: Date, on db: any Database
    ) async throws -> (byGrid: [UnitPath: EventTally], byType: [String: Int]) {
        let rows = try await (try db.sql).raw("""
            SELECT grid_path, type_code, COUNT(*) AS reported,
              SUM(CASE WHEN state = 'rejected' THEN 1 ELSE 0 END) AS rejected,
              SUM(CASE WHEN state IN ('closed', 'archived') THEN 1 ELSE 0 END) AS closed,
              SUM(CASE WHEN handled_at IS NOT NULL AND handling_due_at IS NOT NULL THEN 1 ELSE 0 END) AS handled,
              SUM(CASE WHEN handled_at IS NOT NULL AND handled_at < handling_due_at THEN 1 ELSE 0 END) AS on_time,
              SUM(CASE WHEN deadline_at < \(bind: now) AND state NOT IN ('closed', 'archived', 'rejected') THEN 1 ELSE 0 END) AS overdue
            FROM events
            WHERE day >= \(bind: from.description) AND day < \(bind: to.description)
              AND grid_path >= \(bind: path.rawValue) AND grid_path < \(bind: path.subtreeUpperBound)
            GROUP BY grid_path, type_code
            """).all()
        var byGrid: [UnitPath: EventTally] = [:]
        var byType: [String: Int] = [:]
        for row in rows {
            guard let grid = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)) else { continue }
            let tally = EventTally(
                reported: try row.decode(column: "reported", as: Int.self), rejected: try row.decode(column: "rejected", as: Int.self),
                closed: try row.decode(column: "closed", as: Int.self), handledWithDeadline: try row.decode(column: "handled", as: Int.self),
                handledOnTime: try row.decode(column: "on_time", as: Int.self), overdue: try row.decode(column: "overdue", as: Int.self))
            byGrid[grid, default: EventTally()] = byGrid[grid, default: EventTally()] + tally
            byType[try row.decode(column: "type_code", as: String.self), default: 0] += tally.reported
        }
        return (byGrid, byType)
    }

    /// Reports and closures per report day on `from ..< to`, days without reports left out.
    public static func trend(under path: UnitPath, from: CalendarDay, to: CalendarDay, on db: any Database) async throws -> [(day: String, reported: Int, closed: Int)] {
        let rows = try await (try db.sql).raw("""
            SELECT day, COUNT(*) AS reported, SUM(CASE WHEN state IN ('closed', 'archived') THEN 1 ELSE 0 END) AS closed
            FROM events
            WHERE day >= \(bind: from.description) AND day < \(bind: to.description)
              AND grid_path >= \(bind: path.rawValue) AND grid_path < \(bind: path.subtreeUpperBound)
            GROUP BY day ORDER BY day
            """).all()
        return try rows.map {
            (try $0.decode(column: "day", as: String.self), try $0.decode(column: "reported", as: Int.self), try $0.decode(column: "closed", as: Int.self))
        }
    }
}
