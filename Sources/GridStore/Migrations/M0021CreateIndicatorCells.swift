import FluentKit
import GridCore
import SQLKit

/// The indicator tables (指标汇总表): one row per grain, subject, period, unit path and type, with
/// a column per `Measure`. Kept current by every event write (`IndicatorStore.apply`); filled
/// here from the events already stored.
struct M0021CreateIndicatorCells: AsyncMigration {
    func prepare(on database: any Database) async throws {
        var schema = database.schema(IndicatorStore.table)
            .field("grain", .string, .required)
            .field("subject", .string, .required)
            .field("period", .string, .required)
            .field("unit_path", PathColumn.type(on: database), .required)
            .field("type_code", .string, .required)
        for measure in Measure.allCases {
            schema = schema.field(.string(measure.column), .int64, .required)
        }
        try await schema
            .unique(on: "grain", "subject", "period", "unit_path", "type_code", name: "indicator_cells_key")
            .create()
        try await IndicatorStore.rebuild(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndicatorStore.table).delete()
    }
}
