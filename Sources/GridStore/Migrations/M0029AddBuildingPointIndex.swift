import FluentKit
import SQLKit

/// Buildings by their point, for the risk rules' care-group fact: the building at an event's
/// place is looked up in a small box around the event's point on every report of a risk kind.
struct M0029AddBuildingPointIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (try database.sql).raw("CREATE INDEX buildings_point_idx ON buildings (lon, lat)").run()
    }

    func revert(on database: any Database) async throws {
        try await (try database.sql).raw("DROP INDEX buildings_point_idx").run()
    }
}
