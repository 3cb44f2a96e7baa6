/// Builds the packed arrays of `PointLocator` (see `SpatialIndex` for the layout).
struct PointLocatorBuilder<Shape: Polygonal> {
    let shapes: [Shape]
    let cellsPerEdge: Double

    private(set) var grid = CellGrid.empty
    private(set) var cellStart: [Int32] = [0]
    private(set) var entryShape: [Int32] = []
    private(set) var entryEdgeStart: [Int32] = [0]
    private(set) var entryReference: [IndexPoint] = []
    private(set) var entryReferenceInside: [Bool] = []
    private(set) var edges: [IndexEdge] = []

    /// A build-time entry before packing.
    private struct Entry {
        var cell: Int
        var shape: Int
        var edges: [IndexEdge]
        var reference: IndexPoint
        var referenceInside: Bool
    }

    init(shapes: [Shape], cellsPerEdge: Double) {
        self.shapes = shapes
        self.cellsPerEdge = cellsPerEdge
    }

    mutating func build() {
        let shapeEdges = shapes.map(Self.edges(of:))
        let boxes = shapeEdges.map { edges in
            BoundingBox(edges.flatMap { [Coordinate(lon: $0.ax, lat: $0.ay), Coordinate(lon: $0.bx, lat: $0.by)] })
        }
        guard let extent = boxes.compactMap({ $0 }).reduce(nil, { (sum: BoundingBox?, box) in sum?.union(box) ?? box }) else { return }
        grid = Self.makeGrid(extent: extent, edgeCount: shapeEdges.reduce(0) { $0 + $1.count }, cellsPerEdge: cellsPerEdge)

        var entries: [Entry] = []
        for (shape, shapeEdges) in shapeEdges.enumerated() where !shapeEdges.isEmpty {
            entries += self.entries(shape: shape, edges: shapeEdges, box: boxes[shape] ?? extent)
        }
        entries.sort { ($0.cell, $0.shape) < ($1.cell, $1.shape) }

        cellStart = Array(repeating: 0, count: grid.cellCount + 1)
        for entry in entries {
            cellStart[entry.cell + 1] += 1
            entryShape.append(Int32(entry.shape))
            edges += entry.edges
            entryEdgeStart.append(Int32(edges.count))
            entryReference.append(entry.reference)
            entryReferenceInside.append(entry.referenceInside)
        }
        for c in 0..<grid.cellCount { cellStart[c + 1] += cellStart[c] }
    }

    /// About `cellsPerEdge` cells per edge, shaped to the extent's aspect ratio.
    private static func makeGrid(extent: BoundingBox, edgeCount: Int, cellsPerEdge: Double) -> CellGrid {
        let target = Swift.min(4_000_000, Swift.max(1, Double(edgeCount) * cellsPerEdge))
        let width = Swift.max(extent.width, 1e-9)
        let height = Swift.max(extent.height, 1e-9)
        let columns = Swift.max(1, Int((target * width / height).squareRoot().rounded()))
        let rows = Swift.max(1, Int((target / Double(columns)).rounded()))
        return CellGrid(bounds: extent, columns: columns, rows: rows)
    }

    /// The shape's edges; a shape with a non-finite coordinate gets none and so never matches.
    private static func edges(of shape: Shape) -> [IndexEdge] {
        var result: [IndexEdge] = []
        for ring in shape.allRings {
            let v = ring.distinctVertices
            guard v.allSatisfy({ $0.lon.isFinite && $0.lat.isFinite }) else { return [] }
            guard v.count >= 2 else { continue }
            for i in v.indices {
                let a = v[i]
                let b = v[(i + 1) % v.count]
                result.append(IndexEdge(ax: a.lon, ay: a.lat, bx: b.lon, by: b.lat))
            }
        }
        return result
    }

    /// The entries of one shape: partial ones where its edges pass, full ones where a cell lies
    /// wholly inside.
    private func entries(shape: Int, edges shapeEdges: [IndexEdge], box: BoundingBox) -> [Entry] {
        var edgesByCell: [Int: [IndexEdge]] = [:]
        for edge in shapeEdges {
            forEachCell(touching: edge) { edgesByCell[$0, default: []].append(edge) }
        }
        var result: [Entry] = []
        for (cell, cellEdges) in edgesByCell {
            result.append(partialEntry(shape: shape, cell: cell, cellEdges: cellEdges, shapeEdges: shapeEdges))
        }
        for row in grid.row(box.minLat)...grid.row(box.maxLat) {
            for column in grid.column(box.minLon)...grid.column(box.maxLon) {
                let cell = row * grid.columns + column
                guard edgesByCell[cell] == nil else { continue }
                // No edge comes near the cell, so its centre decides for all of it.
                let centre = grid.paddedBounds(column: column, row: row).center
                if shapes[shape].locate(centre) == .inside {
                    let reference = IndexPoint(x: centre.lon, y: centre.lat)
                    result.append(Entry(cell: cell, shape: shape, edges: [], reference: reference, referenceInside: true))
                }
            }
        }
        return result
    }

    private func partialEntry(shape: Int, cell: Int, cellEdges: [IndexEdge], shapeEdges: [IndexEdge]) -> Entry {
        let box = grid.paddedBounds(column: cell % grid.columns, row: cell / grid.columns)
        for (fx, fy) in referenceCandidates {
            let r = Coordinate(lon: box.minLon + fx * box.width, lat: box.minLat + fy * box.height)
            let onEdge = cellEdges.contains { Orientation.isOnSegment(r.lon, r.lat, $0.ax, $0.ay, $0.bx, $0.by) }
            if !onEdge {
                let location = shapes[shape].locate(r)
                if location != .boundary {
                    return Entry(
                        cell: cell, shape: shape, edges: cellEdges, reference: IndexPoint(x: r.lon, y: r.lat),
                        referenceInside: location == .inside)
                }
            }
        }
        // Every candidate sits on an edge (data aligned to the cell lattice): walk from a point
        // outside the shape instead, over all its edges. Slower, and practically never needed.
        let outside = IndexPoint(x: grid.minX - 1, y: grid.minY - 1)
        return Entry(cell: cell, shape: shape, edges: shapeEdges, reference: outside, referenceInside: false)
    }

    /// Calls `body` with every cell whose padded extent the edge may touch (a superset is fine;
    /// a missing cell is not): row by row, the columns the edge spans within that row's band.
    private func forEachCell(touching edge: IndexEdge, _ body: (Int) -> Void) {
        let minY = Swift.min(edge.ay, edge.by) - grid.marginY
        let maxY = Swift.max(edge.ay, edge.by) + grid.marginY
        for row in grid.row(minY)...grid.row(maxY) {
            let band = grid.paddedBounds(column: 0, row: row)
            var lowX = Swift.min(edge.ax, edge.bx)
            var highX = Swift.max(edge.ax, edge.bx)
            let dy = edge.by - edge.ay
            if dy != 0 {
                // The stretch of the edge inside the band, found from the band's two latitudes.
                let t0 = Swift.max(0, Swift.min(1, (band.minLat - edge.ay) / dy))
                let t1 = Swift.max(0, Swift.min(1, (band.maxLat - edge.ay) / dy))
                let x0 = edge.ax + (edge.bx - edge.ax) * t0
                let x1 = edge.ax + (edge.bx - edge.ax) * t1
                lowX = Swift.max(lowX, Swift.min(x0, x1))
                highX = Swift.min(highX, Swift.max(x0, x1))
            }
            for column in grid.column(lowX - grid.marginX)...grid.column(highX + grid.marginX) {
                body(row * grid.columns + column)
            }
        }
    }
}

/// Where inside a cell a reference point may go, tried in order until one is on no edge.
private let referenceCandidates: [(Double, Double)] = [
    (0.5, 0.5), (0.25, 0.25), (0.75, 0.75), (0.25, 0.75), (0.75, 0.25), (0.375, 0.625), (0.625, 0.375),
]
