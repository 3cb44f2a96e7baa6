import FluentKit
import Foundation
import GridCore
import GridStore

extension DemoSeeder {
    /// A year of events up to now, the demo accounts playing their parts in their units (`cast`), a
    /// few days per transaction. Loaded deadlines the sweep would have acted on are marked as acted
    /// on. Returns what `finishEventYear` completes: the year's indicator cells — the batches'
    /// summed into `totals`, beside the patrols' and visits' already there — being made into rows,
    /// and the year's end.
    func loadEventYear(
        _ hierarchy: DemoHierarchy, share: Double, cast: DemoCast, totals: DemoCellTotals, on db: any Database
    ) async throws -> DemoYearTail {
        let now = services.clock.now
        let year = try DemoEventYear(
            hierarchy: hierarchy, catalog: services.catalog.catalog, calendar: services.calendar, until: now, cast: cast,
            annualVolume: Int(Double(DemoEventYear.defaultAnnualVolume(gridCount: hierarchy.units.count { $0.kind.isGrid })) * share))
        // Three stages run at once on the two cores: the stream makes the next days, a task per
        // batch turns it into rows (adding its indicator cells to the year's) and then writes
        // it after the batch before. The stream runs ahead by at most three batches in
        // preparation or waiting to be written, so memory stays bounded.
        let sqlite = SQLDialectKind(db) == .sqlite
        var writes: [Task<Void, any Error>] = []
        var pending: [DemoEvent] = []
        var serials: [CalendarDay: Int] = [:]
        func dispatch() async throws {
            let (events, last) = (pending, serials)
            pending.removeAll(keepingCapacity: true)
            serials.removeAll()
            let rows = Task {
                let history = try EventStore.prepareHistory(events)
                await totals.add(history.cells)
                return sqlite ? try history.encodedForSQLite() : history
            }
            let previous = writes.last
            writes.append(Task {
                let prepared = try await rows.value
                try await previous?.value
                try await db.transaction { tx in try await EventStore.writeHistory(prepared, lastSerials: last, on: tx) }
            })
            while writes.count > 3 { try await writes.removeFirst().value }
        }
        try await DemoPhase.timed("events", logger: db.logger) {
            for await batch in year.stream() {
                pending += batch.events
                serials[batch.day] = batch.lastSerial
                if pending.count >= 4_000 { try await dispatch() }
            }
            try await dispatch()
            for write in writes { try await write.value }
        }
        return DemoYearTail(cells: Task { try IndicatorStore.freshRows(await totals.cells, forSQLite: sqlite) }, until: now)
    }

    /// The year's indicator cells in one bulk write, the risk register's assessments of the
    /// year's events, and the audit entry.
    func finishEventYear(_ hierarchy: DemoHierarchy, _ tail: DemoYearTail, on db: any Database) async throws {
        try await DemoPhase.timed("indicator cells", logger: db.logger) {
            let rows = try await tail.cells.value
            try await db.transaction { tx in try await IndicatorStore.writeFresh(rows, on: tx) }
        }
        let now = tail.until
        let risks = RiskService(services: services)
        _ = try await DemoPhase.timed("risk backfill", logger: db.logger) {
            try await db.transaction { tx in try await risks.backfill(on: tx) }
        }
        try await AuditLog.record(
            AuditRecord(action: "demo.events_loaded", targetType: "event", targetID: nil,
                        summary: "demo year of events up to \(services.calendar.day(of: now))", unitPath: hierarchy.units.first?.path),
            by: .system, on: db, now: now)
    }
}

/// What is left of the event year once its events are written.
struct DemoYearTail: Sendable {
    let cells: Task<IndicatorStore.FreshRows, any Error>
    let until: Date
}

/// The year's indicator cells, summed as batches are prepared (in any order: sums commute).
actor DemoCellTotals {
    private(set) var cells: [IndicatorCell: MeasureVector] = [:]

    func add(_ batch: [IndicatorCell: MeasureVector]) {
        IndicatorStore.merge(batch, into: &cells)
    }
}
