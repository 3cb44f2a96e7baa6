/// The numbering order of units inside their parent: west→east along rows, rows north→south
/// (从西到东、从北到南), the way GB/T 30428.1 numbers grid serials. Rows are bands about one
/// child deep, so units side by side share a row even if their centres differ slightly.
enum ReadingOrder {
    static func sorted(_ shapes: [MultiPolygon], parentArea: Double) -> [MultiPolygon] {
        guard shapes.count > 1 else { return shapes }
        let points = shapes.map { $0.centroid ?? $0.pointOnSurface ?? Coordinate(lon: 0, lat: 0) }
        let top = points.map(\.lat).max() ?? 0
        // Side of a typical child, metres → degrees of latitude.
        let band = Swift.max(1e-9, (parentArea / Double(shapes.count)).squareRoot() / 110_574)
        let keys = points.map { (row: Int(((top - $0.lat) / band).rounded(.down)), lon: $0.lon, lat: -$0.lat) }
        return shapes.indices.sorted { keys[$0] < keys[$1] }.map { shapes[$0] }
    }
}
