import FluentKit
import SQLKit

/// Indexes for the console's slowest reads on a district's year:
/// - the open events' partial indexes (`EventListIndexes.open`): the overdue box, the map's
///   event points and the report's duplicate search;
/// - people by grid and then name, covering the name search, its count and its order, in place of
///   the grid-only index it extends: a name search over a district's million residents walks one
///   narrow index instead of looking each resident's row up.
struct M0028AddOpenEventAndNameIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await EventListIndexes.create(EventListIndexes.open, on: database)
        let sql = try database.sql
        try await sql.raw("CREATE INDEX people_grid_name_idx ON people (grid_path, name, id, moved_out_on)").run()
        try await sql.raw("DROP INDEX people_grid_idx").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql
        try await sql.raw("CREATE INDEX people_grid_idx ON people (grid_path)").run()
        try await sql.raw("DROP INDEX people_grid_name_idx").run()
        try await EventListIndexes.drop(EventListIndexes.open, on: database)
    }
}
