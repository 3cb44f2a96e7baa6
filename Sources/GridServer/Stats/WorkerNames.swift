import FluentKit
import Foundation
import GridCore
import GridStore

/// Names for reporters in rankings (网格员): the account's display name, or — for a reporter
/// with no account here (the demo's grid workers, a migrated platform's) — "<grid> 网格员".
enum WorkerNames {
    /// Each worker's summed cells for the period under `unit`, and their names. What a worker owes
    /// for their grid — its visits due, and its register's stocks when `stocks` are given — is the
    /// grid's they work in (the first by path where their cells are, as for the names).
    static func figures(
        _ period: StatPeriod, under unit: OrgUnit, stocks: [String: MeasureVector]? = nil, on db: any Database
    ) async throws -> (byWorker: [UUID: MeasureVector], names: [UUID: String]) {
        let bySubject = try await IndicatorStore.sums(period, under: unit.path, subject: .workers, groupBy: .subject, on: db)
        var byWorker: [UUID: MeasureVector] = [:]
        for (stored, vector) in bySubject {
            guard case .worker(let raw) = IndicatorCell.Subject(stored: stored), let id = UUID(uuidString: raw) else { continue }
            byWorker[id] = (byWorker[id] ?? MeasureVector()) + vector
        }
        let grids = try await IndicatorStore.workerGrids(under: unit.path, on: db)
        let territory = try await IndicatorStore.sums(period, under: unit.path, subject: .territory, groupBy: .unitPath, on: db)
        for (id, grid) in grids where byWorker[id] != nil {
            byWorker[id]?[.visitsDue] = territory[grid.rawValue]?[.visitsDue] ?? 0
            for measure in Measure.stocks { byWorker[id]?[measure] = stocks?[grid.rawValue]?[measure] ?? 0 }
        }
        return (byWorker, try await resolve(Array(byWorker.keys), grids: grids, under: unit, on: db))
    }

    static func resolve(_ ids: [UUID], grids: [UUID: UnitPath], under unit: OrgUnit, on db: any Database) async throws -> [UUID: String] {
        var names = try await UserStore.displayNames(ids, on: db)
        let missing = ids.filter { names[$0] == nil }
        guard !missing.isEmpty else { return names }
        let units = Dictionary(try await UnitStore.subtree(unit.path, on: db).map { ($0.path, $0.name) }, uniquingKeysWith: { first, _ in first })
        for id in missing {
            if let grid = grids[id], let name = units[grid] { names[id] = "\(name) 网格员" }
        }
        return names
    }
}
