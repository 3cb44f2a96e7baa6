import FluentKit
import Foundation
import GridCore
import SQLKit

/// The indicator tables (指标汇总表), DHIS2's analytics tables in miniature: counts per grain,
/// subject, period, unit path and type, kept current by every event write in the write's own
/// transaction, so that a district's year is read from a few thousand rows and is the exact sum
/// of its grids'.
public enum IndicatorStore {
    static let table = "indicator_cells"
    static let keyColumns = ["grain", "subject", "period", "unit_path", "type_code"]

    /// The jurisdiction's day of an instant, as the events table records it.
    public static func day(_ date: Date) -> CalendarDay { WorkingCalendar().day(of: date) }

    /// Adds `delta` to the cells (creating missing ones), in one statement per few hundred
    /// cells, in key order so two PostgreSQL writers lock rows alike.
    public static func apply(_ delta: [IndicatorCell: MeasureVector], on db: any Database) async throws {
        guard !delta.isEmpty else { return }
        let sql = try db.sql
        let measures = Measure.stored
        let columns = SQLList((keyColumns + measures.map(\.column)).map { SQLIdentifier($0) })
        let updates = SQLList(measures.map {
            SQLRaw("\"\($0.column)\" = \(table).\"\($0.column)\" + excluded.\"\($0.column)\"")
        })
        let perStatement = max(1, BulkInsert.bindsPerStatement / (keyColumns.count + measures.count))
        for chunk in delta.sorted(by: { $0.key < $1.key }).chunked(into: perStatement) {
            let rows = SQLList(chunk.map { cell, vector in
                let keys: [any Encodable & Sendable] = [
                    cell.grain.rawValue, cell.subject.stored, cell.period, cell.unitPath, cell.typeCode,
                ]
                return SQLGroupExpression(keys.map { SQLBind($0) } + measures.map { SQLBind(vector[$0]) })
            })
            try await sql.raw("""
                INSERT INTO \(ident: table) (\(columns)) VALUES \(rows)
                ON CONFLICT (grain, subject, period, unit_path, type_code) DO UPDATE SET \(updates)
                """).run()
        }
    }

    /// Empties the tables and fills them again from what is stored: every event, patrol and
    /// visit, the visits due by the register (`VisitObligations`) up to `today`'s open windows —
    /// after a bulk load, in the migration that adds measures, and to check the incremental
    /// upkeep in tests. Records collected have no log besides these tables, so their counts are
    /// carried over as they are.
    public static func rebuild(on db: any Database, today: CalendarDay? = nil) async throws {
        let sql = try db.sql
        var cells = try await recordsCollected(on: db)
        try await sql.raw("DELETE FROM \(ident: table)").run()
        var after = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        while true {
            let rows = try await sql.raw("""
                SELECT id, snapshot, ratings FROM events WHERE id > \(bind: after) ORDER BY id LIMIT 5000
                """).all()
            guard let last = rows.last else { break }
            for row in rows {
                let snapshot = try StoreJSON.decode(EventSnapshot.self, from: try row.decode(column: "snapshot", as: String.self))
                let ratings = try row.decode(column: "ratings", as: String?.self).map { try StoreJSON.decode(EventRatings.self, from: $0) }
                merge(EventFacts.cells(of: snapshot, ratings: ratings, day: day), into: &cells)
            }
            after = try last.decode(column: "id", as: UUID.self)
        }
        merge(try await workCells(on: db), into: &cells)
        try await insertFresh(cells.filter { !$0.value.isZero }, on: db)
        try await refreshVisitsDue(today: today ?? day(Date()), openOnly: false, on: db)
    }

    /// Writes cells into tables that hold none of them yet (a rebuild, a demo's bulk load) with
    /// plain multi-row inserts — several times faster than upserts on a million cells.
    public static func insertFresh(_ cells: [IndicatorCell: MeasureVector], on db: any Database) async throws {
        try await writeFresh(try freshRows(cells, forSQLite: SQLDialectKind(db) == .sqlite), on: db)
    }

    /// Adds one event's cells into a running total (a loader's batch).
    public static func merge(_ cells: [IndicatorCell: MeasureVector], into total: inout [IndicatorCell: MeasureVector]) {
        for (cell, vector) in cells { total[cell] = (total[cell] ?? MeasureVector()) + vector }
    }

    /// Whose cells a query reads.
    public enum SubjectFilter: Sendable, Hashable {
        case territory
        /// Every reporter's cells.
        case workers
        case worker(UUID)
        case handlers
    }

    /// What a query groups by.
    public enum Grouping: String, Sendable {
        case none, unitPath = "unit_path", typeCode = "type_code", period, subject
    }

    /// Sums of the cells of `period` under `path` for a subject, optionally of one type, grouped.
    /// Each run of `StatPeriod.segments` is one indexed range read; groups are keyed by the
    /// grouped column's value ("" for `.none`). A `.period` grouping gives the segments' own
    /// period keys (days at the ends, months between) unless `daily` asks for days throughout.
    /// `typed` reads the per-type grains without a type filter (the type mix).
    public static func sums(
        _ period: StatPeriod, under path: UnitPath, subject: SubjectFilter, type: String? = nil, typed: Bool = false,
        daily: Bool = false, groupBy: Grouping = .none, on db: any Database
    ) async throws -> [String: MeasureVector] {
        let sql = try db.sql
        let measures = Measure.stored
        let selected = SQLList(measures.map { SQLRaw("CAST(SUM(\"\($0.column)\") AS BIGINT) AS \"\($0.column)\"") })
        let key: SQLQueryString = groupBy == .none ? "''" : "\(ident: groupBy.rawValue)"
        let grouping: SQLQueryString = groupBy == .none ? "" : "GROUP BY \(ident: groupBy.rawValue)"
        let typeFilter: SQLQueryString = type.map { "AND type_code = \(bind: $0)" } ?? ""
        var totals: [String: MeasureVector] = [:]
        let byType = type != nil || typed
        let segments = daily
            ? [(grain: byType ? IndicatorCell.Grain.dayType : .day, from: period.first.description, through: period.last.description)]
            : period.segments(byType: byType)
        // A district's or street's months by type come from the rolled-up cells at its own path,
        // unless the answer is wanted per unit below it.
        let rolled = path.depth <= IndicatorCell.Grain.rollupDepth && groupBy != .unitPath
        for segment in segments {
            let grain = rolled && segment.grain == .monthType ? IndicatorCell.Grain.monthTypeRollup : segment.grain
            let place: SQLQueryString = grain == .monthTypeRollup
                ? "unit_path = \(bind: path.rawValue)"
                : "unit_path >= \(bind: path.rawValue) AND unit_path < \(bind: path.subtreeUpperBound)"
            let rows = try await sql.raw("""
                SELECT \(key) AS group_key, \(selected) FROM \(ident: table)
                WHERE grain = \(bind: grain.rawValue) AND \(condition(subject))
                  AND period >= \(bind: segment.from) AND period <= \(bind: segment.through)
                  AND \(place)
                  \(typeFilter)
                \(grouping)
                """).all()
            for row in rows {
                // An empty range still yields one row of NULL sums without GROUP BY.
                guard let groupKey = try row.decode(column: "group_key", as: String?.self) else { continue }
                var vector = MeasureVector()
                for measure in measures {
                    vector[measure] = try row.decode(column: measure.column, as: Int?.self) ?? 0
                }
                totals[groupKey] = (totals[groupKey] ?? MeasureVector()) + vector
            }
        }
        return totals
    }

    /// The total of `period` under `path`.
    public static func total(
        _ period: StatPeriod, under path: UnitPath, subject: SubjectFilter = .territory, type: String? = nil, on db: any Database
    ) async throws -> MeasureVector {
        try await sums(period, under: path, subject: subject, type: type, on: db)[""] ?? MeasureVector()
    }

    /// The grid each reporter under `path` reported from (the first by path when several), for
    /// naming reporters who have no account here (a migrated platform's, the demo's).
    public static func workerGrids(under path: UnitPath, on db: any Database) async throws -> [UUID: UnitPath] {
        let rows = try await (try db.sql).raw("""
            SELECT subject, MIN(unit_path) AS unit_path FROM \(ident: table)
            WHERE grain = \(bind: IndicatorCell.Grain.month.rawValue) AND \(condition(.workers))
              AND unit_path >= \(bind: path.rawValue) AND unit_path < \(bind: path.subtreeUpperBound)
            GROUP BY subject
            """).all()
        var grids: [UUID: UnitPath] = [:]
        for row in rows {
            guard case .worker(let raw) = IndicatorCell.Subject(stored: try row.decode(column: "subject", as: String.self)),
                  let id = UUID(uuidString: raw), let grid = UnitPath(rawValue: try row.decode(column: "unit_path", as: String.self))
            else { continue }
            grids[id] = grid
        }
        return grids
    }

    private static func condition(_ subject: SubjectFilter) -> SQLQueryString {
        switch subject {
        case .territory: "subject = ''"
        case .handlers: "subject = 'h'"
        case .workers: "subject >= 'w:' AND subject < 'w;'"
        case .worker(let id): "subject = \(bind: IndicatorCell.Subject.worker(id.uuidString.lowercased()).stored)"
        }
    }
}
