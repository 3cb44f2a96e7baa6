import FluentKit
import Foundation
import GridCore
import SQLKit

extension EventStore {
    /// Writes events that already happened — the demo's year, or a migration from an older
    /// platform — with their whole timelines, in multi-row statements (a few hundred rows each,
    /// inside the engines' bind limits). Ticket counters move past the numbers used. Part of the
    /// caller's transaction; ids must be new.
    public static func insertHistory(_ events: [DemoEvent], lastSerials: [CalendarDay: Int], on db: any Database, now: Date) async throws {
        let prepared = try prepareHistory(events)
        try await writeHistory(prepared, lastSerials: lastSerials, on: db)
        try await IndicatorStore.apply(prepared.cells, on: db)
    }

    /// Past events and their timelines as rows (pure CPU, so a loader prepares the next batch
    /// while the database writes this one).
    public struct PreparedHistory: Sendable {
        let events: [[any Encodable & Sendable]]
        let timeline: [[any Encodable & Sendable]]
        /// What the batch adds to the indicator tables: the loader sums the batches and writes
        /// them once (`IndicatorStore.insertFresh`), since a month's cells recur in every batch.
        public let cells: [IndicatorCell: MeasureVector]
    }

    static let historyColumns = [
        "id", "number", "type_code", "description", "channel", "location_lon", "location_lat", "location_datum",
        "map_lon", "map_lat", "grid_id", "grid_path", "owner_path", "handler_path", "state", "level", "reporter_id", "reporter_name",
        "occurred_at", "reported_at", "deadline_at", "closed_at", "day", "content_hash", "attributes", "snapshot", "version", "updated_at",
        "ratings", "sweep_mark", "handled_at", "handling_due_at",
    ]

    static let timelineColumns = [
        "id", "event_id", "seq", "at", "actor_id", "actor_name", "actor_role", "action", "from_state", "to_state", "note", "attachments",
    ]

    public static func prepareHistory(_ events: [DemoEvent]) throws -> PreparedHistory {
        let rows: [[any Encodable & Sendable]] = try events.map { event in
            let s = event.snapshot
            return [
                s.id, event.number, s.typeCode, event.description, event.channel.rawValue,
                event.location.lon, event.location.lat, event.locationDatum.rawValue,
                event.location.lon, event.location.lat, event.gridID, s.gridPath.rawValue,
                s.ownerPath.rawValue, s.handlingUnit?.path.rawValue, s.state.rawValue, s.level,
                s.reporterID, event.reporterName, event.occurredAt, s.reportedAt,
                s.deadline?.end, s.closedAt, localDay(s.reportedAt), "history",
                try StoreJSON.text(event.attributes), try StoreJSON.text(s), s.version,
                event.timeline.last?.entry.at ?? s.reportedAt, try event.ratings.map { try StoreJSON.text($0) }, event.sweepMark,
                s.handledAt, s.handlingDeadline?.end,
            ]
        }
        var timeline: [[any Encodable & Sendable]] = []
        for event in events {
            for (offset, item) in event.timeline.enumerated() {
                let e = item.entry
                timeline.append([
                    UUID(), event.id, offset + 1, e.at, e.actorID, item.actorName, e.actorRole?.rawValue, e.action.rawValue,
                    e.from?.rawValue, e.to.rawValue, e.note, try StoreJSON.text(e.attachments),
                ])
            }
        }
        var cells: [IndicatorCell: MeasureVector] = [:]
        for event in events {
            IndicatorStore.merge(EventFacts.cells(of: event.snapshot, ratings: event.ratings, day: IndicatorStore.day), into: &cells)
        }
        return PreparedHistory(events: rows, timeline: timeline, cells: cells)
    }

    /// Writes prepared past events; ticket counters move past the numbers used. Their indicator
    /// cells are the caller's to write (`PreparedHistory.cells`).
    public static func writeHistory(_ prepared: PreparedHistory, lastSerials: [CalendarDay: Int], on db: any Database) async throws {
        try await BulkInsert.rows(prepared.events, into: "events", columns: historyColumns, on: db)
        try await BulkInsert.rows(prepared.timeline, into: "event_timeline", columns: timelineColumns, on: db)
        let sql = try db.sql
        for (day, last) in lastSerials where last > 0 {
            try await sql.raw("""
                INSERT INTO event_numbers (day, last) VALUES (\(bind: day.description), \(bind: last))
                ON CONFLICT (day) DO UPDATE SET last = CASE WHEN event_numbers.last > \(bind: last) THEN event_numbers.last ELSE \(bind: last) END
                """).run()
        }
    }
}
