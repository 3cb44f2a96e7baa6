import FluentKit
import GridCore
import SQLKit

/// The events' list indexes, as one definition for their migrations. (Bulk loads set them aside
/// with the tables' other secondary indexes while they write, `DeferredIndexes`.)
///
/// - The covering territory index and the reported-at index (migration 16): a district's year
///   counted and ordered from the index instead of the wide rows.
/// - Two partial indexes over open events only (migration 28): a district's open events are about
///   3 % of its year, so the overdue box, the map's points and the duplicate search read a few
///   thousand index entries instead of walking the year.
public enum EventListIndexes {
    /// The literal term a query repeats so that the planner may use the open events' indexes:
    /// SQLite takes a partial index only when the query's WHERE has its condition as a term, so
    /// every open-events query writes exactly this text (PostgreSQL proves it either way).
    public static let openCondition: String = {
        let finished = EventState.allCases.filter { !$0.isOpen }.map { "'\($0.rawValue)'" }
        return "state NOT IN (\(finished.joined(separator: ", ")))"
    }()

    /// Name and `CREATE INDEX` statement of each index, in the order migrations add them.
    static let territory: [(name: String, create: String)] = [
        ("events_territory_cover_idx", """
            CREATE INDEX events_territory_cover_idx ON events (grid_path, type_code, day, state, level, deadline_at, \
            reported_at, handled_at, handling_due_at, id)
            """),
        ("events_reported_idx", "CREATE INDEX events_reported_idx ON events (reported_at, id)"),
    ]

    static let open: [(name: String, create: String)] = [
        // Everything the overdue box, its count and the map's points read.
        ("events_open_idx", """
            CREATE INDEX events_open_idx ON events (grid_path, state, deadline_at, reported_at, type_code, level, \
            number, map_lon, map_lat, id) WHERE \(openCondition)
            """),
        // The duplicate search of every report: open events of one type near a point.
        ("events_open_place_idx", """
            CREATE INDEX events_open_place_idx ON events (type_code, map_lat, map_lon, reported_at) WHERE \(openCondition)
            """),
    ]

    static func create(_ indexes: [(name: String, create: String)], on db: any Database) async throws {
        let sql = try db.sql
        for index in indexes { try await sql.raw(SQLQueryString(index.create)).run() }
    }

    static func drop(_ indexes: [(name: String, create: String)], on db: any Database) async throws {
        let sql = try db.sql
        for index in indexes.reversed() { try await sql.raw(SQLQueryString("DROP INDEX \(index.name)")).run() }
    }
}
