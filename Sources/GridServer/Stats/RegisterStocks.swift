import FluentKit
import Foundation
import GridCore
import GridStore

/// The register's stocks as indicator measures (`Measure.stocks`): current records and complete
/// ones per grid, by the data-quality report's rule, read live — they hold at a moment, not over
/// a period, so the tables keep no copy. Reading opens every record of the area; callers ask
/// only when completeness is wanted (`completeness=true`, or a scheme that scores it).
enum RegisterStocks {
    /// Each grid's current and complete records under `path`, keyed by the grid's path.
    static func byGrid(under path: UnitPath, services: GridServices, on db: any Database) async throws -> [String: MeasureVector] {
        let report = try await DataQualityController.quality(under: path, services: services, on: db)
        var stocks: [String: MeasureVector] = [:]
        for grid in report.grids {
            let kinds = [grid.figures.people, grid.figures.rooms, grid.figures.organizations]
            stocks[grid.gridPath.rawValue] = MeasureVector([
                .records: kinds.reduce(0) { $0 + $1.records }, .completeRecords: kinds.reduce(0) { $0 + $1.complete },
            ])
        }
        return stocks
    }

    /// Whether any item of the scheme scores a stock.
    static func needed(by scheme: AssessmentScheme) -> Bool {
        scheme.items.contains { Indicator.find($0.indicator)?.measures.contains { !$0.isStored } == true }
    }

    /// The sum of the stocks of every grid.
    static func total(_ stocks: [String: MeasureVector]) -> MeasureVector {
        stocks.values.reduce(MeasureVector(), +)
    }
}
