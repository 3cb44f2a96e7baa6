/// A point guaranteed to lie inside an area (面内点), for labels and for locating a piece of a
/// coverage report. Unlike the centroid it never falls into a bay of a concave shape or a hole.
extension Polygon {
    /// The middle of the widest inside stretch along one of a few horizontal scan lines near the
    /// middle latitude. Scan lines pass between vertex latitudes, so every edge they meet is
    /// crossed cleanly and the crossings pair up into inside stretches (holes included).
    /// Nil only for a shape without area.
    public var pointOnSurface: Coordinate? {
        let rings = self.rings
        let latitudes = Array(Set(rings.flatMap { $0.vertices.map(\.lat) })).sorted()
        guard latitudes.count >= 2, let box = boundingBox else { return nil }
        let middle = (box.minLat + box.maxLat) / 2
        let candidates = (0..<(latitudes.count - 1))
            .map { (latitudes[$0] + latitudes[$0 + 1]) / 2 }
            .filter { lat in !latitudes.contains(lat) }
            .sorted { abs($0 - middle) < abs($1 - middle) }
        var best: (width: Double, point: Coordinate)?
        for lat in candidates.prefix(9) {
            var crossings: [Double] = []
            for ring in rings {
                ring.forEachEdge { a, b in
                    guard (a.lat < lat) != (b.lat < lat) else { return }
                    crossings.append(a.lon + (lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat))
                }
            }
            crossings.sort()
            for i in stride(from: 0, to: crossings.count - 1, by: 2) {
                let width = crossings[i + 1] - crossings[i]
                let point = Coordinate(lon: (crossings[i] + crossings[i + 1]) / 2, lat: lat)
                if width > (best?.width ?? 0), locate(point) == .inside { best = (width, point) }
            }
        }
        return best?.point
    }
}

extension Polygonal {
    /// A point inside the largest part.
    public var pointOnSurface: Coordinate? {
        polygons.max { $0.area < $1.area }?.pointOnSurface
    }
}
