import FluentKit
import SQLKit

/// The query planner's statistics (ANALYZE, the same word on both engines). After a bulk load
/// they are stale or missing, and SQLite then walks a district's events by grid where the day
/// is the narrower key; refreshing them takes seconds once instead of costing every page.
public enum PlannerStatistics {
    /// The tables whose lists and counts the console reads most.
    static let tables = ["events", "people", "rooms", "buildings", "organizations"]

    public static func refresh(on db: any Database) async throws {
        for table in tables {
            try await db.sql.raw("ANALYZE \(ident: table)").run()
        }
    }
}
