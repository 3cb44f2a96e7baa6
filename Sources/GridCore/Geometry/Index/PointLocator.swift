/// The query side of `SpatialIndex`: packed arrays (struct-of-arrays) and the hot loop.
struct PointLocator: Sendable {
    let grid: CellGrid
    /// Entries of cell c are `cellStart[c]..<cellStart[c + 1]`, ordered by shape.
    let cellStart: [Int32]
    let entryShape: [Int32]
    /// Edges of entry e are `entryEdgeStart[e]..<entryEdgeStart[e + 1]`; none for a full entry.
    let entryEdgeStart: [Int32]
    let entryReference: [IndexPoint]
    let entryReferenceInside: [Bool]
    let edges: [IndexEdge]

    init<Shape: Polygonal>(shapes: [Shape], cellsPerEdge: Double) {
        var builder = PointLocatorBuilder(shapes: shapes, cellsPerEdge: cellsPerEdge)
        builder.build()
        grid = builder.grid
        cellStart = builder.cellStart
        entryShape = builder.entryShape
        entryEdgeStart = builder.entryEdgeStart
        entryReference = builder.entryReference
        entryReferenceInside = builder.entryReferenceInside
        edges = builder.edges
    }

    var memoryBytes: Int {
        (cellStart.count + entryShape.count + entryEdgeStart.count) * MemoryLayout<Int32>.stride
            + entryReference.count * MemoryLayout<IndexPoint>.stride + entryReferenceInside.count
            + edges.count * MemoryLayout<IndexEdge>.stride
    }

    /// The hot loop: find the cell, then walk its entries.
    func forEachContainingIndex(_ x: Double, _ y: Double, _ body: (Int) -> Void) {
        guard let cell = grid.cell(x, y) else { return }
        var e = Int(cellStart[cell])
        let end = Int(cellStart[cell + 1])
        while e < end {
            let first = Int(entryEdgeStart[e])
            let last = Int(entryEdgeStart[e + 1])
            if first == last || entryContains(e, first, last, x, y) { body(Int(entryShape[e])) }
            e += 1
        }
    }

    /// Parity walk from the entry's reference point r to p over the entry's edges. An endpoint
    /// exactly on the line r–p counts as lying below it (a symbolic perturbation), so an edge
    /// through a vertex is counted once, never twice or zero times.
    @inline(__always)
    func entryContains(_ e: Int, _ first: Int, _ last: Int, _ x: Double, _ y: Double) -> Bool {
        let r = entryReference[e]
        var inside = entryReferenceInside[e]
        for k in first..<last {
            let edge = edges[k]
            let sa = Orientation.sign(r.x, r.y, x, y, edge.ax, edge.ay)
            let sb = Orientation.sign(r.x, r.y, x, y, edge.bx, edge.by)
            if sa == sb && sa != 0 { continue }
            if Orientation.isOnSegment(x, y, edge.ax, edge.ay, edge.bx, edge.by) { return true }
            if (sa > 0) != (sb > 0) {
                let sr = Orientation.sign(edge.ax, edge.ay, edge.bx, edge.by, r.x, r.y)
                let sp = Orientation.sign(edge.ax, edge.ay, edge.bx, edge.by, x, y)
                if sr != sp { inside.toggle() }
            }
        }
        return inside
    }
}

/// A packed edge of the index.
struct IndexEdge: Sendable {
    var ax: Double
    var ay: Double
    var bx: Double
    var by: Double
}

/// A packed point of the index.
struct IndexPoint: Sendable {
    var x: Double
    var y: Double
}
