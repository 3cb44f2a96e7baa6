import FluentKit
import SQLKit

/// The deadline the overdue sweep last acted on, so each overdue deadline is acted on once.
struct M0008AddSweepMark: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("events").field("sweep_mark", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("events").deleteField("sweep_mark").update()
    }
}
