import FluentKit
import Foundation
import GridCore
import GridStore
import NIOConcurrencyHelpers

/// The current grids in memory for point location (一张网). Rebuilt from the database on change;
/// a rebuild happens beside the live index and is swapped in at once, so readers never wait.
public final class GridMapService: Sendable {
    struct Entry: Sendable {
        let ref: GridRefDTO
        let path: UnitPath
    }

    struct Snapshot: Sendable {
        let index: SpatialIndex<Int>
        let entries: [Entry]
        /// Territorial units above the grids, by code, for the ancestors of an answer.
        let territory: [String: UnitSummaryDTO]

        static let empty = Snapshot(index: SpatialIndex<Int>([(Int, MultiPolygon)]()), entries: [], territory: [:])
    }

    private let current = NIOLockedValueBox(Snapshot.empty)

    public init() {}

    /// Grids in the index now.
    public var gridCount: Int { current.withLockedValue { $0.entries.count } }

    /// Reloads the current outlines of every grid and special grid.
    public func reload(on db: any Database) async throws {
        var entries: [Entry] = []
        var shapes: [(Int, MultiPolygon)] = []
        var territory: [String: UnitSummaryDTO] = [:]
        for root in try await UnitStore.children(of: nil, on: db) {
            for unit in try await UnitStore.subtree(root.path, on: db) where unit.kind.isTerritorial && !unit.kind.isGrid {
                territory[unit.code.rawValue] = UnitSummaryDTO(unit)
            }
            for outline in try await GridMapStore.outlines(under: root.path, kinds: [.grid, .specialGrid], on: db) {
                shapes.append((entries.count, outline.geometry))
                let unit = outline.unit
                entries.append(Entry(ref: GridRefDTO(id: unit.id, code: unit.code.rawValue, name: unit.name, kind: unit.kind), path: unit.path))
            }
        }
        let snapshot = Snapshot(index: SpatialIndex(shapes, datum: .gcj02), entries: entries, territory: territory)
        current.withLockedValue { $0 = snapshot }
    }

    /// The grids containing a point given in any datum; general grid first, special grids after.
    public func locate(_ point: Coordinate, datum: Datum) -> LocateResultDTO {
        let snapshot = current.withLockedValue { $0 }
        let map = DatumConverter.convert(point, from: datum, to: .gcj02)
        var hits: [Int] = []
        snapshot.index.containingIndices(of: map, into: &hits)
        let found = hits.map { snapshot.entries[$0] }.sorted { ($0.ref.kind == .grid ? 0 : 1, $0.ref.code) < ($1.ref.kind == .grid ? 0 : 1, $1.ref.code) }
        let general = found.first { $0.ref.kind == .grid }
        let anchor = general ?? found.first
        let ancestors = anchor.map { entry in entry.path.codes.dropLast().compactMap { snapshot.territory[$0] } } ?? []
        return LocateResultDTO(
            point: PointDTO(lon: map.lon, lat: map.lat, datum: Datum.gcj02.rawValue),
            grid: general?.ref, specialGrids: found.filter { $0.ref.kind == .specialGrid }.map(\.ref),
            ancestors: ancestors, unitPath: anchor?.path.rawValue)
    }
}
