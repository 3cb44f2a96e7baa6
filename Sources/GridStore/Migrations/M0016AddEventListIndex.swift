import FluentKit
import Foundation
import SQLKit

/// One covering index for the console's counts and lists over a territory: every column the
/// dashboard's tallies, the inbox counts, the overdue list and the first phase of a sorted list
/// read, keyed by grid path and then type, so that the dashboard's GROUP BY grid and type walks
/// the index in order without sorting. A district's year (330 k events) is then counted from the index
/// alone instead of from the table's wide rows with their snapshots — seconds become tens of
/// milliseconds on SQLite, and PostgreSQL can answer with index-only scans.
struct M0016AddEventListIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await EventListIndexes.create(EventListIndexes.territory, on: database)
    }

    func revert(on database: any Database) async throws {
        try await EventListIndexes.drop(EventListIndexes.territory, on: database)
    }
}
