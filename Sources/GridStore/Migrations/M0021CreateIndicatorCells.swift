import FluentKit
import GridCore
import SQLKit

/// The indicator tables (指标汇总表): one row per grain, subject, period, unit path and type, with
/// a column per event `Measure` of the time (the list below is frozen: later measures arrive in
/// their own migrations, M0026 the work besides events). Kept current by every event write
/// (`IndicatorStore.apply`); filled from the events already stored by M0026's rebuild, which
/// writes every column this one and later migrations make.
struct M0021CreateIndicatorCells: AsyncMigration {
    static let columns = [
        "reported", "valid", "rejected", "flowed", "triaged", "triage_minutes", "dispatched", "returned", "due", "closed",
        "closed_on_time", "rework", "discovery_rated", "discovery_stars", "disposal_rated", "disposal_stars",
        "satisfaction_rated", "satisfied", "solved_on_spot",
    ]

    func prepare(on database: any Database) async throws {
        var schema = database.schema(IndicatorStore.table)
            .field("grain", .string, .required)
            .field("subject", .string, .required)
            .field("period", .string, .required)
            .field("unit_path", PathColumn.type(on: database), .required)
            .field("type_code", .string, .required)
        for column in Self.columns {
            schema = schema.field(.string(column), .int64, .required)
        }
        try await schema
            .unique(on: "grain", "subject", "period", "unit_path", "type_code", name: "indicator_cells_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndicatorStore.table).delete()
    }
}
