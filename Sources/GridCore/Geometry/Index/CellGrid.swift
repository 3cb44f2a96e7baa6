/// The uniform cell grid of `SpatialIndex`: maps a point to its cell and a cell to its extent.
struct CellGrid: Sendable {
    let minX: Double
    let minY: Double
    let maxX: Double
    let maxY: Double
    let columns: Int
    let rows: Int
    let cellsPerDegreeX: Double
    let cellsPerDegreeY: Double
    /// Build-time slack around each cell, far above the rounding error of `cell(_:_:)`, so that
    /// whatever cell a query lands in holds every edge near the query.
    let marginX: Double
    let marginY: Double

    static let empty = CellGrid(bounds: BoundingBox(minLon: 0, minLat: 0, maxLon: 0, maxLat: 0), columns: 0, rows: 0)

    init(bounds: BoundingBox, columns: Int, rows: Int) {
        minX = bounds.minLon
        minY = bounds.minLat
        maxX = bounds.maxLon
        maxY = bounds.maxLat
        self.columns = columns
        self.rows = rows
        let width = Swift.max(bounds.width, 1e-12)
        let height = Swift.max(bounds.height, 1e-12)
        cellsPerDegreeX = Double(columns) / width
        cellsPerDegreeY = Double(rows) / height
        marginX = width / Double(Swift.max(columns, 1)) * 1e-6
        marginY = height / Double(Swift.max(rows, 1)) * 1e-6
    }

    var isEmpty: Bool { columns == 0 || rows == 0 }
    var cellCount: Int { columns * rows }
    var bounds: BoundingBox { BoundingBox(minLon: minX, minLat: minY, maxLon: maxX, maxLat: maxY) }

    /// The cell holding the point, nil outside the extent (or for NaN).
    @inline(__always)
    func cell(_ x: Double, _ y: Double) -> Int? {
        guard x >= minX, x <= maxX, y >= minY, y <= maxY, columns > 0 else { return nil }
        let column = Swift.min(Int((x - minX) * cellsPerDegreeX), columns - 1)
        let row = Swift.min(Int((y - minY) * cellsPerDegreeY), rows - 1)
        return row &* columns &+ column
    }

    /// The column of x, clamped to the grid (never traps, even for values far outside).
    func column(_ x: Double) -> Int {
        Self.clamp(((x - minX) * cellsPerDegreeX).rounded(.down), columns)
    }

    func row(_ y: Double) -> Int {
        Self.clamp(((y - minY) * cellsPerDegreeY).rounded(.down), rows)
    }

    private static func clamp(_ value: Double, _ count: Int) -> Int {
        guard value >= 0 else { return 0 }
        return value < Double(count - 1) ? Int(value) : Swift.max(0, count - 1)
    }

    /// The extent of a cell grown by the margin.
    func paddedBounds(column: Int, row: Int) -> BoundingBox {
        BoundingBox(
            minLon: minX + Double(column) / cellsPerDegreeX - marginX,
            minLat: minY + Double(row) / cellsPerDegreeY - marginY,
            maxLon: minX + Double(column + 1) / cellsPerDegreeX + marginX,
            maxLat: minY + Double(row + 1) / cellsPerDegreeY + marginY)
    }
}
