import FluentKit

/// Ratings of an event (发现 / 处置评价), as JSON beside the snapshot.
struct M0007AddEventRatings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("events").field("ratings", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("events").deleteField("ratings").update()
    }
}
