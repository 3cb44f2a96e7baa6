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
        let sql = try db.sql
        for chunk in events.chunked(into: 400) {
            var rows: [SQLQueryString] = []
            rows.reserveCapacity(chunk.count)
            for event in chunk {
                let s = event.snapshot
                rows.append("""
                    (\(bind: s.id), \(bind: event.number), \(bind: s.typeCode), \(bind: event.description), \(bind: event.channel.rawValue),
                     \(bind: event.location.lon), \(bind: event.location.lat), \(bind: event.locationDatum.rawValue),
                     \(bind: event.location.lon), \(bind: event.location.lat), \(bind: event.gridID), \(bind: s.gridPath.rawValue),
                     \(bind: s.ownerPath.rawValue), \(bind: s.handlingUnit?.path.rawValue), \(bind: s.state.rawValue), \(bind: s.level),
                     \(bind: s.reporterID), \(bind: event.reporterName), \(bind: event.occurredAt), \(bind: s.reportedAt),
                     \(bind: s.deadline?.end), \(bind: s.closedAt), \(bind: localDay(s.reportedAt)), \(bind: "history"),
                     \(bind: try StoreJSON.text(event.attributes)), \(bind: try StoreJSON.text(s)), \(bind: s.version),
                     \(bind: event.timeline.last?.entry.at ?? s.reportedAt), \(bind: try event.ratings.map { try StoreJSON.text($0) }), \(bind: event.sweepMark))
                    """)
            }
            try await sql.raw("""
                INSERT INTO events (id, number, type_code, description, channel, location_lon, location_lat, location_datum,
                  map_lon, map_lat, grid_id, grid_path, owner_path, handler_path, state, level, reporter_id, reporter_name,
                  occurred_at, reported_at, deadline_at, closed_at, day, content_hash, attributes, snapshot, version, updated_at,
                  ratings, sweep_mark)
                VALUES \(SQLList(rows))
                """).run()
        }
        let entries = events.flatMap { event in event.timeline.enumerated().map { (event.id, $0.offset + 1, $0.element) } }
        for chunk in entries.chunked(into: 800) {
            let rows: [SQLQueryString] = try chunk.map { eventID, seq, item in
                let e = item.entry
                return """
                    (\(bind: UUID()), \(bind: eventID), \(bind: seq), \(bind: e.at), \(bind: e.actorID), \(bind: item.actorName),
                     \(bind: e.actorRole?.rawValue), \(bind: e.action.rawValue), \(bind: e.from?.rawValue), \(bind: e.to.rawValue),
                     \(bind: e.note), \(bind: try StoreJSON.text(e.attachments)))
                    """
            }
            try await sql.raw("""
                INSERT INTO event_timeline (id, event_id, seq, at, actor_id, actor_name, actor_role, action, from_state, to_state, note, attachments)
                VALUES \(SQLList(rows))
                """).run()
        }
        for (day, last) in lastSerials where last > 0 {
            try await sql.raw("""
                INSERT INTO event_numbers (day, last) VALUES (\(bind: day.description), \(bind: last))
                ON CONFLICT (day) DO UPDATE SET last = CASE WHEN event_numbers.last > \(bind: last) THEN event_numbers.last ELSE \(bind: last) END
                """).run()
        }
    }
}
