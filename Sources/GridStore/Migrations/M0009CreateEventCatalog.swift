import FluentKit

/// The admission list as administrators last imported it (CSV text); absent, the built-in list.
struct M0009CreateEventCatalog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("event_catalog")
            .field("id", .int, .identifier(auto: false))
            .field("csv", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("event_catalog").delete()
    }
}
