import FluentKit
import Foundation
import GridCore
import SQLKit

/// The risk register (风险台账): one row per event of a risk kind, keyed by the event's id, with
/// its likelihood, severity, score and level, the aggravating facts and adjustments as JSON, the
/// control measures and plan, and a state that follows the event. The map point and report time
/// are copied from the event so that "same kind, 100 m, 30 days" and the hot spots are one
/// indexed query on this table. Events already stored are assessed as the table is made.
struct M0022CreateRisks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let path = PathColumn.type(on: database)
        try await database.schema("risks")
            .field("id", .uuid, .identifier(auto: false), .references("events", "id", onDelete: .restrict))
            .field("event_number", .string, .required)
            .field("type_code", .string, .required)
            .field("kind", .string, .required)
            .field("grid_path", path, .required)
            .field("map_lon", .double, .required)
            .field("map_lat", .double, .required)
            .field("likelihood", .int, .required)
            .field("severity", .int, .required)
            .field("score", .int, .required)
            .field("level", .string, .required)
            .field("facts", .string, .required)
            .field("adjustments", .string, .required)
            .field("measures", .string)
            .field("responsible_unit_path", path)
            .field("responsible_unit_name", .string)
            .field("responsible_person", .string)
            .field("plan", .string)
            .field("state", .string, .required)
            .field("reported_at", .datetime, .required)
            .field("warned_at", .datetime)
            .field("closed_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        let sql = try database.sql
        try await sql.create(index: "risks_grid_idx").on("risks").column("grid_path").run()
        try await sql.create(index: "risks_kind_time_idx").on("risks").column("kind").column("reported_at").run()
        // Events stored before the register existed are assessed with the list in use (the
        // imported one, else the standard list) and the standard rules.
        let catalog = try await CatalogStore.load(on: database).map { try EventCatalog.parseCSV($0, attributesFrom: .standard) } ?? .standard
        try await RiskStore.backfill(
            types: Dictionary(catalog.types.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first }), rules: .standard,
            on: database, now: Date())
    }

    func revert(on database: any Database) async throws {
        try await database.schema("risks").delete()
    }
}
