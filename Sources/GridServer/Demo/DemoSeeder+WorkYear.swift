import FluentKit
import Foundation
import GridCore
import GridStore

/// The demo year's patrols and household visits (`DemoWorkYear`): made and written grid by grid
/// beside each grid's population, whose households the visits go to, so nothing is read back.
/// Patrols are per worker and so complete at every volume; visits follow the households, and so
/// the population's share.
extension DemoSeeder {
    /// Who acts in the demo year: the demo accounts in their roles at their units (the
    /// `gridworker` account at the first grid), everyone else synthetic.
    func demoCast(on db: any Database) async throws -> DemoCast {
        var cast = DemoCast()
        for plan in Self.accountPlan where plan.role != .admin {
            guard let account = try await UserStore.find(username: plan.username, on: db) else { continue }
            cast.assign(.init(userID: account.id, name: account.displayName), as: plan.role, at: account.unit.path)
        }
        return cast
    }

    /// An account for every grid worker of `work` that no demo account plays: patrols and visits
    /// reference their author's account. Stand-ins (`UserStore.insertStandIns`): disabled, named as
    /// the events name them, with the cast's ids, so a worker's events, patrols and visits are one
    /// person's.
    func loadWorkers(_ work: DemoWorkYear, cast: DemoCast, hierarchy: DemoHierarchy, on db: any Database) async throws {
        let units = Dictionary(hierarchy.units.map { ($0.path, $0.id) }, uniquingKeysWith: { first, _ in first })
        let standIns = work.grids.compactMap { grid -> UserStore.StandIn? in
            guard cast.assigned[DemoCast.Key(role: .gridWorker, unit: grid.path)] == nil, let unit = units[grid.path] else { return nil }
            return UserStore.StandIn(
                id: grid.worker.userID, username: "gw\(grid.code)", displayName: grid.worker.name, role: .gridWorker, unitID: unit)
        }
        let now = services.clock.now
        try await db.transaction { tx in try await UserStore.insertStandIns(standIns, on: tx, now: now) }
    }

    /// The patrols and visits of the grids of `batches` as rows, their indicator cells added to the year's.
    static func prepareWork(
        _ work: DemoWorkYear, for batches: [DemoPopulation.Batch], totals: DemoCellTotals, sqlite: Bool
    ) async throws -> WorkHistoryStore.PreparedRows {
        var patrols: [DemoPatrol] = []
        var visits: [DemoVisit] = []
        for batch in batches {
            guard let grid = work.grid(at: batch.grid.path) else { continue }
            patrols += work.patrols(for: grid)
            visits += work.visits(for: grid, households: DemoWorkHousehold.households(of: batch.people))
        }
        await totals.add(DemoWorkYear.cells(patrols: patrols, visits: visits, calendar: IndicatorStore.calendar))
        return try WorkHistoryStore.prepare(patrols: patrols, visits: visits, forSQLite: sqlite)
    }
}
