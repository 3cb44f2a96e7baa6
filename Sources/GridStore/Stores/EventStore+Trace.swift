import FluentKit
import Foundation
import GridCore
import SQLKit

extension EventStore {
    /// An event as a trace reads it: its number and its snapshot with ratings, for `EventFacts`.
    public struct TracedEvent: Sendable {
        public var number: String
        public var snapshot: EventSnapshot
        public var ratings: EventRatings?
    }

    /// The events that may add to `whose` figures in `period`: theirs (in the subtree, by the
    /// reporter, or dispatched to the unit) and reported in the period or due within a day of it —
    /// a superset the caller narrows with `IndicatorTrace.contribution`. By report time, then id.
    public static func traceCandidates(_ whose: IndicatorTrace.Whose, period: StatPeriod, on db: any Database) async throws -> [TracedEvent] {
        let place: SQLQueryString = switch whose {
        case .territory(let path): BasicDataRecords.subtree(path)
        case .worker(let id, let path): "reporter_id = \(bind: UUID(uuidString: id) ?? UUID()) AND \(BasicDataRecords.subtree(path))"
        case .handler(let path): "handler_path = \(bind: path.rawValue)"
        }
        let calendar = IndicatorStore.calendar
        let from = calendar.start(of: period.first.previous), until = calendar.start(of: period.last.adding(days: 2))
        let rows = try await (try db.sql).raw("""
            SELECT number, snapshot, ratings FROM events
            WHERE \(place) AND ((day >= \(bind: period.first.description) AND day <= \(bind: period.last.description))
              OR (handling_due_at >= \(bind: from) AND handling_due_at < \(bind: until)))
            ORDER BY reported_at, id
            """).all()
        return try rows.map { row in
            TracedEvent(
                number: try row.decode(column: "number", as: String.self),
                snapshot: try StoreJSON.decode(EventSnapshot.self, from: try row.decode(column: "snapshot", as: String.self)),
                ratings: try row.decode(column: "ratings", as: String?.self).map { try StoreJSON.decode(EventRatings.self, from: $0) })
        }
    }
}
