import FluentKit
import GridCore
import SQLKit

/// The indicator tables learn the work besides events: patrol seconds, visits made, visits that
/// settle an obligation, visits due and records collected, one column each (0 for the rows
/// there); then the tables are rebuilt, so patrols and visits already stored count, and the
/// register's visits due are set.
struct M0026AddWorkMeasures: AsyncMigration {
    static let measures: [Measure] = [.patrolSeconds, .visits, .visitsCounted, .visitsDue, .recordsCollected]

    func prepare(on database: any Database) async throws {
        for measure in Self.measures {
            try await database.schema(IndicatorStore.table)
                .field(.string(measure.column), .int64, .required, .sql(.default(0)))
                .update()
        }
        try await IndicatorStore.rebuild(on: database)
    }

    func revert(on database: any Database) async throws {
        for measure in Self.measures {
            try await database.schema(IndicatorStore.table).deleteField(.string(measure.column)).update()
        }
    }
}
