/// Where a point lies relative to an area (点面关系), decided exactly: a point on an edge or a
/// vertex, of the exterior or of a hole, is `.boundary`, never a coin toss of rounding.
public enum PointLocation: String, Sendable, Hashable, Codable {
    case inside
    case boundary
    case outside
}

extension Ring {
    /// Even-odd location of a point against this ring alone (holes are the polygon's business).
    ///
    /// Crossing number with a rightward ray and the half-open rule (an edge counts when exactly
    /// one endpoint lies strictly above the point), using the exact orientation predicate, so
    /// vertices at the point's latitude are neither missed nor counted twice.
    public func locate(_ p: Coordinate) -> PointLocation {
        var inside = false
        var onBoundary = false
        forEachEdge { a, b in
            guard !onBoundary else { return }
            if Orientation.isOnSegment(p, a, b) {
                onBoundary = true
                return
            }
            if (a.lat > p.lat) != (b.lat > p.lat) {
                let side = Orientation.sign(a, b, p)
                // Upward edge: crosses the ray right of p when p is left of it; downward: right.
                if b.lat > a.lat ? side > 0 : side < 0 { inside.toggle() }
            }
        }
        if onBoundary { return .boundary }
        return inside ? .inside : .outside
    }
}

extension Polygon {
    /// Inside the exterior and outside every hole; on any ring is `.boundary`.
    public func locate(_ p: Coordinate) -> PointLocation {
        switch exterior.locate(p) {
        case .outside: return .outside
        case .boundary: return .boundary
        case .inside: break
        }
        for hole in holes {
            switch hole.locate(p) {
            case .inside: return .outside
            case .boundary: return .boundary
            case .outside: continue
            }
        }
        return .inside
    }
}

extension Polygonal {
    /// Inside any part wins; else on the boundary of any part; else outside.
    public func locate(_ p: Coordinate) -> PointLocation {
        var result = PointLocation.outside
        for polygon in polygons {
            switch polygon.locate(p) {
            case .inside: return .inside
            case .boundary: result = .boundary
            case .outside: continue
            }
        }
        return result
    }

    /// True when the point is inside or on the boundary (边界上的点算在内).
    public func contains(_ p: Coordinate) -> Bool {
        locate(p) != .outside
    }
}
