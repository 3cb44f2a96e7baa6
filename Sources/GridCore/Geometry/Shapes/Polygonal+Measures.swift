/// Area (面积) and centroid (质心) on the WGS-84 ellipsoid.
///
/// Method: the rings are projected with `EqualAreaProjection` (Lambert cylindrical equal-area on
/// the WGS-84 ellipsoid, via the authalic latitude) and measured with the shoelace formula in that
/// plane. The projection preserves area exactly, so the only error is how an edge is drawn
/// between its corners (see `EqualAreaProjection`): against GeographicLib's geodesic areas,
/// 1e-8 relative for grid-sized squares and real outlines, 6e-5 for a triangle of 3 km edges.
/// Holes are subtracted; ring orientation does not matter.
extension Ring {
    /// Area enclosed by the ring in square metres, regardless of orientation.
    public var area: Double {
        guard let origin = vertices.first else { return 0 }
        return abs(Self.doubledSignedArea(vertices, EqualAreaProjection(origin: origin))) / 2
    }

    /// Twice the signed projected area (positive counter-clockwise) in m².
    static func doubledSignedArea(_ vertices: ArraySlice<Coordinate>, _ projection: EqualAreaProjection) -> Double {
        guard vertices.count >= 3, let first = vertices.first else { return 0 }
        let origin = projection.forward(first)
        var sum = 0.0
        var previous = PlanarPoint(x: 0, y: 0)
        for c in vertices.dropFirst() {
            let p = projection.forward(c)
            let current = PlanarPoint(x: p.x - origin.x, y: p.y - origin.y)
            sum += previous.x * current.y - current.x * previous.y
            previous = current
        }
        return sum
    }
}

extension Polygon {
    /// Area in square metres: exterior minus holes.
    public var area: Double {
        max(0, exterior.area - holes.reduce(0) { $0 + $1.area })
    }
}

extension Polygonal {
    /// Area in square metres: the sum of the parts (parts of a valid multipolygon do not overlap).
    public var area: Double {
        polygons.reduce(0) { $0 + $1.area }
    }

    /// The area-weighted centroid, computed in the equal-area plane and projected back.
    /// It may fall outside a concave shape; use `pointOnSurface` for a point that is inside.
    /// Nil when the shape has no area.
    public var centroid: Coordinate? {
        guard let origin = polygons.first?.exterior.vertices.first else { return nil }
        let projection = EqualAreaProjection(origin: origin)
        var total = RingMoments()
        for polygon in polygons {
            // Exteriors add and holes subtract whatever their winding, so input with the
            // wrong orientation still gets the right centroid.
            total.add(RingMoments(polygon.exterior, projection), sign: 1)
            for hole in polygon.holes { total.add(RingMoments(hole, projection), sign: -1) }
        }
        guard total.doubledArea != 0 else { return nil }
        return projection.inverse(
            PlanarPoint(x: total.x / (3 * total.doubledArea), y: total.y / (3 * total.doubledArea)))
    }
}

/// First moments of a ring in the equal-area plane, made positive (orientation-free).
private struct RingMoments {
    var doubledArea = 0.0
    var x = 0.0
    var y = 0.0

    init() {}

    init(_ ring: Ring, _ projection: EqualAreaProjection) {
        let v = ring.vertices
        guard let last = v.last, v.count >= 3 else { return }
        var previous = projection.forward(last)
        for c in v {
            let p = projection.forward(c)
            let cross = previous.x * p.y - p.x * previous.y
            doubledArea += cross
            x += (previous.x + p.x) * cross
            y += (previous.y + p.y) * cross
            previous = p
        }
        if doubledArea < 0 {
            doubledArea = -doubledArea
            x = -x
            y = -y
        }
    }

    mutating func add(_ other: RingMoments, sign: Double) {
        doubledArea += sign * other.doubledArea
        x += sign * other.x
        y += sign * other.y
    }
}
