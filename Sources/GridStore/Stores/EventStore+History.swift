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
        let events: BulkRows
        let timeline: BulkRows
        /// What the batch adds to the indicator tables: the loader sums the batches and writes
        /// them once (`IndicatorStore.insertFresh`), since a month's cells recur in every batch.
        public let cells: [IndicatorCell: MeasureVector]

        /// The same rows converted for SQLite, so that the preparing core does that work too.
        public func encodedForSQLite() throws -> PreparedHistory {
            PreparedHistory(events: try events.encodedForSQLite(), timeline: try timeline.encodedForSQLite(), cells: cells)
        }
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
                    timelineID(event: event.id, seq: offset + 1), event.id, offset + 1, e.at, e.actorID, item.actorName, e.actorRole?.rawValue, e.action.rawValue,
                    e.from?.rawValue, e.to.rawValue, e.note, try StoreJSON.text(e.attachments),
                ])
            }
        }
        var cells: [IndicatorCell: MeasureVector] = [:]
        for event in events {
            IndicatorStore.merge(EventFacts.cells(of: event.snapshot, ratings: event.ratings, day: IndicatorStore.day), into: &cells)
        }
        return PreparedHistory(
            events: BulkRows(table: "events", columns: historyColumns, rows: rows),
            timeline: BulkRows(table: "event_timeline", columns: timelineColumns, rows: timeline), cells: cells)
    }

    /// A past timeline entry's id, derived from its event's id and its place in the timeline (a
    /// version-4 shape over a 128-bit mix): the same history gives the same rows, and no random
    /// device is opened per entry, which `UUID()` does on Linux (2.6 M entries in the demo).
    static func timelineID(event: UUID, seq: Int) -> UUID {
        let (high, low) = withUnsafeBytes(of: event.uuid) { bytes in
            (bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
        var generator = SeededGenerator(seed: high ^ UInt64(truncatingIfNeeded: seq) &* 0xD1B5_4A32_D192_ED03)
        let first = generator.next()
        generator = SeededGenerator(seed: low ^ first)
        let second = generator.next()
        var bytes = (first, second)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = raw[6] & 0x0F | 0x40
            raw[8] = raw[8] & 0x3F | 0x80
            return UUID(uuid: raw.loadUnaligned(as: uuid_t.self))
        }
    }

    /// Writes prepared past events; ticket counters move past the numbers used. Their indicator
    /// cells are the caller's to write (`PreparedHistory.cells`).
    public static func writeHistory(_ prepared: PreparedHistory, lastSerials: [CalendarDay: Int], on db: any Database) async throws {
        try await BulkInsert.write(prepared.events, on: db)
        try await BulkInsert.write(prepared.timeline, on: db)
        let sql = try db.sql
        for (day, last) in lastSerials where last > 0 {
            try await sql.raw("""
                INSERT INTO event_numbers (day, last) VALUES (\(bind: day.description), \(bind: last))
                ON CONFLICT (day) DO UPDATE SET last = CASE WHEN event_numbers.last > \(bind: last) THEN event_numbers.last ELSE \(bind: last) END
                """).run()
        }
    }
}
