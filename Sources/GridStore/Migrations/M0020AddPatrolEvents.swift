import FluentKit

/// Events reported during a patrol (巡查中上报的事件), kept on the patrol as a JSON list of ids so
/// the events tables stay as they are. Nullable: patrols stored before read as linking none.
struct M0020AddPatrolEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("patrols").field("event_ids", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("patrols").deleteField("event_ids").update()
    }
}
