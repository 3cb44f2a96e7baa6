import FluentKit
import Foundation
import GridCore
import GridStore

/// Counts records entered into the register in the indicator tables (采集记录数), in the writer's
/// transaction: each record in its grid, and for the collector when a grid worker entered them.
enum RecordsCollected {
    static func count(_ grids: [UnitPath], by actor: AuditActor, at now: Date, on db: any Database) async throws {
        guard !grids.isEmpty else { return }
        var collector: UUID?
        if let id = actor.id, let account = try await UserStore.find(id: id, on: db),
           !EventFacts.workerRoles.isDisjoint(with: account.roles) {
            collector = id
        }
        try await IndicatorStore.apply(RecordFacts.cells(grids: grids, day: IndicatorStore.day(now), collector: collector), on: db)
    }
}
