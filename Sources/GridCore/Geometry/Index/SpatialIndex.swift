/// An immutable point-location index (空间索引) over polygonal shapes: which grids contain a
/// point. Built once from the current grid set; the server keeps one in a lock- or
/// atomic-protected reference and swaps in a rebuilt index on change, so readers never wait
/// for a build and never see a half-built index.
///
/// Layout: a uniform grid of cells over the shapes' extent (about `cellsPerEdge` cells per
/// polygon edge). Each cell lists the shapes that touch it, in shape order, as packed
/// struct-of-arrays:
/// - a *full* entry: the cell lies wholly inside the shape; a hit costs nothing more;
/// - a *partial* entry: the shape's edges touching the cell, plus a reference point inside the
///   cell whose inside/outside status was computed at build time. A query counts how often the
///   segment from the reference point to the query point crosses those edges (no other edge
///   can reach it: both points are in the cell) and flips the status per crossing.
/// All decisions use the exact orientation predicate, and a point on an edge or vertex counts as
/// contained, matching `Polygonal.contains(_:)`. A query allocates nothing (`forEachContaining`,
/// `containingIndices(of:into:)`); `locate(_:)` allocates only its result array.
public struct SpatialIndex<Key: Sendable>: Sendable {
    /// The datum of the indexed shapes; points in another datum are converted on lookup.
    public let datum: Datum
    /// The key of each shape, in the order given.
    public let keys: [Key]

    /// The non-generic part that answers queries, so the hot loop is compiled once, fully
    /// optimised, whatever the key type.
    let locator: PointLocator

    /// Builds the index. Shapes may overlap (special grids over general ones).
    /// - Parameter cellsPerEdge: grid density; 2 balances memory (≈ 3.3 MB for 589 grids of 61
    ///   vertices) against the number of edges a lookup has to test.
    public init<Shape: Polygonal>(_ shapes: [(Key, Shape)], datum: Datum = .gcj02, cellsPerEdge: Double = 2) {
        self.datum = datum
        keys = shapes.map(\.0)
        locator = PointLocator(shapes: shapes.map(\.1), cellsPerEdge: cellsPerEdge)
    }

    /// The number of shapes indexed.
    public var count: Int { keys.count }

    /// Bytes held by the packed arrays (keys excluded), for capacity planning and metrics.
    public var approximateMemoryBytes: Int { locator.memoryBytes }

    /// The extent of all shapes, nil when there are none.
    public var bounds: BoundingBox? { locator.grid.isEmpty ? nil : locator.grid.bounds }

    /// Keys of every shape containing the point (boundary included), in the order the shapes
    /// were given. The point is in the index's datum.
    public func locate(_ point: Coordinate) -> [Key] {
        // Usually one or two shapes match (a general grid, perhaps a special one): hold them in
        // locals and build the result with a single allocation of the right size.
        var first = -1
        var second = -1
        var more: [Int] = []
        locator.forEachContainingIndex(point.lon, point.lat) { index in
            if first < 0 {
                first = index
            } else if second < 0 {
                second = index
            } else {
                more.append(index)
            }
        }
        if first < 0 { return [] }
        if second < 0 { return [keys[first]] }
        if more.isEmpty { return [keys[first], keys[second]] }
        return [keys[first], keys[second]] + more.map { keys[$0] }
    }

    /// Keys of every shape containing a point given in any datum.
    public func locate(_ point: Coordinate, datum pointDatum: Datum) -> [Key] {
        locate(DatumConverter.convert(point, from: pointDatum, to: datum))
    }

    /// Calls `body` with the key of each shape containing the point, without allocating.
    public func forEachContaining(_ point: Coordinate, _ body: (Key) -> Void) {
        locator.forEachContainingIndex(point.lon, point.lat) { body(keys[$0]) }
    }

    /// Replaces `buffer`'s contents with the indices (into `keys`) of the shapes containing the
    /// point; reuse one buffer across calls and nothing is allocated.
    public func containingIndices(of point: Coordinate, into buffer: inout [Int]) {
        buffer.removeAll(keepingCapacity: true)
        locator.forEachContainingIndex(point.lon, point.lat) { buffer.append($0) }
    }
}
