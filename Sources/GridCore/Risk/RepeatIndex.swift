import Foundation

/// Reports of each risk kind bucketed by place, to count "earlier reports of the same kind within
/// 100 m in the last 30 days" (30 日内同一地点重复上报) for many reports at once — the backfill of a
/// district's year and the hot-spot list — without a query per report. Cells are a little wider
/// than the radius on an equirectangular grid fixed at `referenceLatitude`, so every neighbour
/// lies in the 3 × 3 cells around a point; the distance itself is great-circle.
public struct RepeatIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: UUID
        public var point: Coordinate
        public var at: Date
    }

    private struct Cell: Hashable {
        var kind: RiskKind
        var x: Int
        var y: Int
    }

    public let radius: Double
    private let metresPerDegreeLon: Double
    private let cellSize: Double
    private var cells: [Cell: [Entry]] = [:]

    public init(radius: Double, referenceLatitude: Double) {
        self.radius = radius
        metresPerDegreeLon = 111_320 * max(cos(referenceLatitude * .pi / 180), 0.01)
        cellSize = radius * 1.1
    }

    private func cell(_ kind: RiskKind, _ point: Coordinate) -> Cell {
        Cell(kind: kind, x: Int((point.lon * metresPerDegreeLon / cellSize).rounded(.down)),
             y: Int((point.lat * 111_320 / cellSize).rounded(.down)))
    }

    /// Adds a report; each cell stays ordered by time (reports inserted in time order append).
    public mutating func insert(_ kind: RiskKind, id: UUID, point: Coordinate, at: Date) {
        let key = cell(kind, point)
        let entry = Entry(id: id, point: point, at: at)
        var list = cells.removeValue(forKey: key) ?? []
        if let last = list.last, last.at > at {
            list.insert(entry, at: Self.firstIndex(in: list, notBefore: at, after: true))
        } else {
            list.append(entry)
        }
        cells[key] = list
    }

    /// The first position whose time is at or after `date` (or strictly after, with `after`).
    private static func firstIndex(in list: [Entry], notBefore date: Date, after: Bool = false) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if after ? list[mid].at <= date : list[mid].at < date { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// How many entries `neighbours` would return, counting no further than `limit`.
    public func count(_ kind: RiskKind, of point: Coordinate, from: Date, to: Date, excluding id: UUID? = nil, limit: Int = .max) -> Int {
        let centre = cell(kind, point)
        var found = 0
        for dx in -1...1 {
            for dy in -1...1 {
                guard let list = cells[Cell(kind: kind, x: centre.x + dx, y: centre.y + dy)] else { continue }
                var index = Self.firstIndex(in: list, notBefore: from)
                while index < list.count, list[index].at <= to {
                    let entry = list[index]
                    if entry.id != id && Self.metres(point, entry.point) <= radius {
                        found += 1
                        if found >= limit { return found }
                    }
                    index += 1
                }
            }
        }
        return found
    }

    /// Entries of `kind` within the radius of `point` reported in `window` (from, to] excluding `id`.
    public func neighbours(_ kind: RiskKind, of point: Coordinate, from: Date, to: Date, excluding id: UUID? = nil) -> [Entry] {
        let centre = cell(kind, point)
        var found: [Entry] = []
        for dx in -1...1 {
            for dy in -1...1 {
                guard let list = cells[Cell(kind: kind, x: centre.x + dx, y: centre.y + dy)] else { continue }
                var index = Self.firstIndex(in: list, notBefore: from)
                while index < list.count, list[index].at <= to {
                    let entry = list[index]
                    if entry.id != id && Self.metres(point, entry.point) <= radius { found.append(entry) }
                    index += 1
                }
            }
        }
        return found
    }

    /// Great-circle distance in metres (haversine).
    public static func metres(_ a: Coordinate, _ b: Coordinate) -> Double {
        let r = 6_371_008.8
        let dLat = (b.lat - a.lat) * .pi / 180, dLon = (b.lon - a.lon) * .pi / 180
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * .pi / 180) * cos(b.lat * .pi / 180) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }
}
