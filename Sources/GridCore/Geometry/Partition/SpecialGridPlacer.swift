import Foundation

/// Draws a special grid (专属网格: a school, park or market) inside a community: a rotated
/// rectangle or an octagon of 2–6 % of the community's area, at a seeded random place, wholly
/// inside the community (no vertex outside or on its boundary, no edge crossing it).
enum SpecialGridPlacer {
    static func place(in community: MultiPolygon, generator: inout SeededGenerator) -> Polygon? {
        guard let box = community.boundingBox else { return nil }
        var area = community.area * generator.next(in: 0.02...0.06)
        for _ in 0..<200 {
            let centre = Coordinate(lon: generator.next(in: box.minLon...box.maxLon), lat: generator.next(in: box.minLat...box.maxLat))
            guard community.locate(centre) == .inside else { continue }
            let shape = generator.nextUnit() < 0.5
                ? rectangle(centre: centre, area: area, generator: &generator)
                : octagon(centre: centre, area: area, generator: &generator)
            if isStrictlyInside(shape, community) { return shape }
            area *= 0.95
        }
        return nil
    }

    private static func rectangle(centre: Coordinate, area: Double, generator: inout SeededGenerator) -> Polygon {
        let aspect = generator.next(in: 1.0...1.8)
        let width = (area * aspect).squareRoot()
        let height = area / width
        let corners = [(-width / 2, -height / 2), (width / 2, -height / 2), (width / 2, height / 2), (-width / 2, height / 2)]
        return polygon(centre: centre, metres: corners, rotation: generator.next(in: 0...Double.pi))
    }

    private static func octagon(centre: Coordinate, area: Double, generator: inout SeededGenerator) -> Polygon {
        // A regular octagon of circumradius r has area 2√2·r².
        let radius = (area / (2 * 2.0.squareRoot())).squareRoot()
        let corners = (0..<8).map { k in (radius * cos(Double(k) * .pi / 4), radius * sin(Double(k) * .pi / 4)) }
        return polygon(centre: centre, metres: corners, rotation: generator.next(in: 0...(Double.pi / 4)))
    }

    /// Local metres east/north around `centre`, rotated, to degrees (counter-clockwise input stays so).
    private static func polygon(centre: Coordinate, metres corners: [(Double, Double)], rotation: Double) -> Polygon {
        let metresPerDegreeLon = 111_320 * cos(centre.lat * .pi / 180)
        let metresPerDegreeLat = 110_574.0
        return Polygon(corners.map { x, y in
            let rx = x * cos(rotation) - y * sin(rotation)
            let ry = x * sin(rotation) + y * cos(rotation)
            return Coordinate(lon: centre.lon + rx / metresPerDegreeLon, lat: centre.lat + ry / metresPerDegreeLat)
        })
    }

    static func isStrictlyInside(_ inner: Polygon, _ outer: MultiPolygon) -> Bool {
        guard inner.exterior.vertices.allSatisfy({ outer.locate($0) == .inside }) else { return false }
        var segments: [EdgeSweep.Segment] = []
        for (tag, ring) in ([inner.exterior] + outer.allRings).enumerated() {
            ring.forEachEdge { a, b in segments.append(EdgeSweep.Segment(a: a, b: b, tag: tag == 0 ? 0 : 1, index: segments.count)) }
        }
        var crosses = false
        EdgeSweep.forEachCandidatePair(segments) { s, t in
            guard s.tag != t.tag else { return true }
            crosses = SegmentIntersection.classify(s.a, s.b, t.a, t.b) != .none
            return !crosses
        }
        return !crosses
    }
}
