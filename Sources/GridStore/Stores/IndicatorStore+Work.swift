import FluentKit
import Foundation
import GridCore
import SQLKit

/// The indicator tables' work besides events: patrols, visits, visits due and records collected.
extension IndicatorStore {
    /// The calendar the tables date by (the jurisdiction's days, as `day(_:)`).
    public static var calendar: WorkingCalendar { WorkingCalendar() }

    /// The cells of every stored patrol and visit, as the writes add them (`PatrolFacts`,
    /// `VisitFacts`): a visit's place in its household's window is its order by time, then id.
    static func workCells(on db: any Database) async throws -> [IndicatorCell: MeasureVector] {
        let sql = try db.sql
        var cells: [IndicatorCell: MeasureVector] = [:]
        let calendar = self.calendar
        for row in try await sql.raw("""
            SELECT id, worker_id, grid_path, started_at, ended_at FROM patrols WHERE ended_at IS NOT NULL
            """).all() {
            guard let grid = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)) else { continue }
            let patrol = Patrol(
                id: try row.decode(column: "id", as: UUID.self), workerID: try row.decode(column: "worker_id", as: UUID.self), gridPath: grid,
                startedAt: try row.decode(column: "started_at", as: Date.self), endedAt: try row.decode(column: "ended_at", as: Date?.self))
            merge(PatrolFacts.cells(of: patrol, calendar: calendar), into: &cells)
        }
        for (_, visitCells) in try await visitCells(try await VisitStore.all(on: db), on: db) { merge(visitCells, into: &cells) }
        return cells
    }

    /// Each visit's cells (`VisitFacts`), its place in its household's window being its order by
    /// time, then id, among `visits` (which must hold every visit of those windows); whether a
    /// household needs monthly visits is read from the register under `path`.
    public static func visitCells(
        _ visits: [VisitStore.VisitRow], under path: UnitPath? = nil, on db: any Database
    ) async throws -> [(visit: VisitStore.VisitRow, cells: [IndicatorCell: MeasureVector])] {
        guard !visits.isEmpty else { return [] }
        let monthly = Dictionary(try await VisitStore.obligationHouseholds(under: path, on: db).map { ($0.key, $0.household.monthly) },
                                 uniquingKeysWith: { first, _ in first })
        var seen: [String: Int] = [:]
        return visits.map { visit in
            let isMonthly = monthly[visit.householdKey] ?? false
            let key = "\(visit.householdKey)|\(VisitFacts.Window(of: visit.day, monthly: isMonthly).first)"
            seen[key, default: 0] += 1
            return (visit, VisitFacts.cells(day: visit.day, grid: visit.gridPath, visitor: visit.visitorID, monthly: isMonthly, ordinal: seen[key] ?? 1))
        }
    }

    /// The records-collected counts the tables hold (kept across a rebuild: nothing else logs them).
    static func recordsCollected(on db: any Database) async throws -> [IndicatorCell: MeasureVector] {
        let column = Measure.recordsCollected.column
        var cells: [IndicatorCell: MeasureVector] = [:]
        for row in try await (try db.sql).raw("""
            SELECT grain, subject, period, unit_path, type_code, \(ident: column) AS n FROM \(ident: table) WHERE \(ident: column) <> 0
            """).all() {
            guard let grain = IndicatorCell.Grain(rawValue: try row.decode(column: "grain", as: String.self)),
                  let subject = IndicatorCell.Subject(stored: try row.decode(column: "subject", as: String.self))
            else { continue }
            let cell = IndicatorCell(
                grain: grain, subject: subject, period: try row.decode(column: "period", as: String.self),
                unitPath: try row.decode(column: "unit_path", as: String.self), typeCode: try row.decode(column: "type_code", as: String.self))
            cells[cell] = MeasureVector([.recordsCollected: try row.decode(column: "n", as: Int.self)])
        }
        return cells
    }

    /// Sets the visits due of `months` from the register as it stands (`VisitObligations`),
    /// replacing what the cells held: idempotent, so the periodic job, a rebuild and the demo
    /// loader may all run it.
    public static func setVisitsDue(months: [(year: Int, month: Int)], today: CalendarDay, on db: any Database) async throws {
        guard !months.isEmpty else { return }
        let households = try await VisitStore.obligationHouseholds(on: db).map(\.household)
        let column = Measure.visitsDue.column
        try await db.transaction { tx in
            let sql = try tx.sql
            for (year, month) in months {
                let period = StatPeriod.month(year: year, month: month)
                let cells = VisitObligations.cells(year: year, month: month, due: VisitObligations.due(
                    year: year, month: month, households: households, today: today))
                try await sql.raw("""
                    UPDATE \(ident: table) SET \(ident: column) = 0
                    WHERE subject = '' AND \(ident: column) <> 0 AND ((grain = \(bind: IndicatorCell.Grain.day.rawValue) AND period = \(bind: period.last.description))
                      OR (grain = \(bind: IndicatorCell.Grain.month.rawValue) AND period = \(bind: String(period.first.description.prefix(7)))))
                    """).run()
                try await set(.visitsDue, cells.mapValues { $0[.visitsDue] }, on: tx)
            }
        }
    }

    /// Sets the visits due of the months still open on `today` (`VisitObligations.openMonths`), or
    /// of every month with anything recorded (`obligationMonths`) — after a bulk load.
    public static func refreshVisitsDue(today: CalendarDay, openOnly: Bool, on db: any Database) async throws {
        let months = openOnly ? VisitObligations.openMonths(today: today) : try await obligationMonths(through: today, on: db)
        try await setVisitsDue(months: months, today: today, on: db)
    }

    /// Every month from the first with anything recorded (events, patrols, visits; at most three
    /// years back) through the last month of `today`'s quarter.
    static func obligationMonths(through today: CalendarDay, on db: any Database) async throws -> [(year: Int, month: Int)] {
        let sql = try db.sql
        var first = today
        for source in ["events", "patrols", "visits"] {
            let row = try await sql.raw("SELECT MIN(day) AS first FROM \(ident: source)").first()
            if let text = try row?.decode(column: "first", as: String?.self), let day = CalendarDay(iso: text), day < first { first = day }
        }
        let earliest = today.adding(days: -3 * 366)
        if first < earliest { first = earliest }
        var months: [(year: Int, month: Int)] = []
        var index = first.year * 12 + first.month - 1
        let lastMonth = VisitObligations.openMonths(today: today).last ?? (today.year, today.month)
        while index <= lastMonth.year * 12 + lastMonth.month - 1 {
            months.append((index / 12, index % 12 + 1))
            index += 1
        }
        return months
    }

    /// Sets one measure of the given cells (creating missing ones), leaving the others as they are.
    static func set(_ measure: Measure, _ values: [IndicatorCell: Int], on db: any Database) async throws {
        guard !values.isEmpty else { return }
        let sql = try db.sql
        let columns = SQLList((keyColumns + [measure.column]).map { SQLIdentifier($0) })
        let others = Measure.stored.filter { $0 != measure }
        let defaults = SQLList(others.map { SQLIdentifier($0.column) })
        let perStatement = max(1, BulkInsert.bindsPerStatement / (keyColumns.count + 1))
        for chunk in values.sorted(by: { $0.key < $1.key }).chunked(into: perStatement) {
            let rows = SQLList(chunk.map { cell, value in
                let keys: [any Encodable & Sendable] = [cell.grain.rawValue, cell.subject.stored, cell.period, cell.unitPath, cell.typeCode]
                return SQLGroupExpression(keys.map { SQLBind($0) } + [SQLBind(value)] + others.map { _ in SQLLiteral.numeric("0") })
            })
            try await sql.raw("""
                INSERT INTO \(ident: table) (\(columns), \(defaults)) VALUES \(rows)
                ON CONFLICT (grain, subject, period, unit_path, type_code) DO UPDATE SET \(ident: measure.column) = excluded.\(ident: measure.column)
                """).run()
        }
    }
}
