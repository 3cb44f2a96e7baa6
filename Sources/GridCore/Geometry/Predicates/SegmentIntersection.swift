/// How two closed segments meet, decided with the exact orientation predicate.
enum SegmentIntersection: Equatable {
    case none
    /// The interiors cross at one point (approximate location).
    case proper(Coordinate)
    /// They share exactly one point that is an endpoint of at least one of them.
    case touch(Coordinate)
    /// They are collinear and share a stretch of positive length (starting at the location).
    case overlap(Coordinate)

    static func classify(_ p1: Coordinate, _ p2: Coordinate, _ q1: Coordinate, _ q2: Coordinate) -> SegmentIntersection {
        let o1 = Orientation.sign(p1, p2, q1)
        let o2 = Orientation.sign(p1, p2, q2)
        if o1 == 0 && o2 == 0 { return collinear(p1, p2, q1, q2) }
        let o3 = Orientation.sign(q1, q2, p1)
        let o4 = Orientation.sign(q1, q2, p2)
        guard o1 * o2 <= 0, o3 * o4 <= 0 else { return .none }
        if o1 == 0 { return .touch(q1) }
        if o2 == 0 { return .touch(q2) }
        if o3 == 0 { return .touch(p1) }
        if o4 == 0 { return .touch(p2) }
        // Parametric crossing point, for reporting only.
        let rx = p2.lon - p1.lon, ry = p2.lat - p1.lat
        let sx = q2.lon - q1.lon, sy = q2.lat - q1.lat
        let denominator = rx * sy - ry * sx
        let t = ((q1.lon - p1.lon) * sy - (q1.lat - p1.lat) * sx) / denominator
        return .proper(Coordinate(lon: p1.lon + t * rx, lat: p1.lat + t * ry))
    }

    /// Both on one line: compare along the axis the line is longer in.
    private static func collinear(_ p1: Coordinate, _ p2: Coordinate, _ q1: Coordinate, _ q2: Coordinate) -> SegmentIntersection {
        let alongLon = abs(p2.lon - p1.lon) + abs(q2.lon - q1.lon) >= abs(p2.lat - p1.lat) + abs(q2.lat - q1.lat)
        func key(_ c: Coordinate) -> Double { alongLon ? c.lon : c.lat }
        let (pLow, pHigh) = key(p1) <= key(p2) ? (p1, p2) : (p2, p1)
        let (qLow, qHigh) = key(q1) <= key(q2) ? (q1, q2) : (q2, q1)
        let start = key(pLow) >= key(qLow) ? pLow : qLow
        let end = key(pHigh) <= key(qHigh) ? pHigh : qHigh
        if key(start) < key(end) { return .overlap(start) }
        if key(start) == key(end) { return .touch(start) }
        return .none
    }
}
