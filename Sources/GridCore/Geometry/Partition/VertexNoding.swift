/// Makes shared boundaries carry identical vertices (节点化): wherever a vertex of one polygon
/// lies on an edge of another (a "T-junction", left when a later cut divided only one side of an
/// earlier cut), the vertex is inserted into that edge. Afterwards neighbours share their common
/// boundary vertex for vertex, and parents share every child vertex on their outline.
struct VertexNoding {
    /// A vertex closer than this (degrees, ≈ 0.1 mm) to an edge is on it. Cut crossings lie within
    /// 1e-13° of their edge; cuts keep 1e-7° clear of other vertices, so nothing else comes close.
    let tolerance = 1e-9
    private let cellSize = 0.002
    private var buckets: [CellKey: [Coordinate]] = [:]

    private struct CellKey: Hashable {
        var x: Int
        var y: Int
    }

    init(vertices: some Sequence<Coordinate>) {
        for v in vertices { buckets[key(v.lon, v.lat), default: []].append(v) }
    }

    private func key(_ lon: Double, _ lat: Double) -> CellKey {
        CellKey(x: Int((lon / cellSize).rounded(.down)), y: Int((lat / cellSize).rounded(.down)))
    }

    func noded(_ polygon: Polygon) -> Polygon {
        Polygon(exterior: noded(polygon.exterior), holes: polygon.holes.map(noded))
    }

    func noded(_ ring: Ring) -> Ring {
        var result: [Coordinate] = []
        ring.forEachEdge { a, b in
            result.append(a)
            result += verticesOnEdge(a, b)
        }
        return Ring(closing: result)
    }

    /// Vertices strictly inside segment a–b, ordered from a to b.
    private func verticesOnEdge(_ a: Coordinate, _ b: Coordinate) -> [Coordinate] {
        let dx = b.lon - a.lon
        let dy = b.lat - a.lat
        let length2 = dx * dx + dy * dy
        guard length2 > 0 else { return [] }
        let low = key(Swift.min(a.lon, b.lon) - tolerance, Swift.min(a.lat, b.lat) - tolerance)
        let high = key(Swift.max(a.lon, b.lon) + tolerance, Swift.max(a.lat, b.lat) + tolerance)
        var found: [(t: Double, point: Coordinate)] = []
        for x in low.x...high.x {
            for y in low.y...high.y {
                for p in buckets[CellKey(x: x, y: y)] ?? [] where p != a && p != b {
                    let t = ((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / length2
                    guard t > 0, t < 1 else { continue }
                    let ex = a.lon + t * dx - p.lon
                    let ey = a.lat + t * dy - p.lat
                    if ex * ex + ey * ey < tolerance * tolerance { found.append((t, p)) }
                }
            }
        }
        return found.sorted { $0.t < $1.t }.map(\.point)
    }
}
