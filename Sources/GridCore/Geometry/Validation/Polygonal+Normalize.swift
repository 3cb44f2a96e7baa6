/// Repairs for the defects that do not change the area (`GeometryProblem.isRepairable`).
extension Ring {
    /// Closed, without repeated consecutive points, running in the requested direction.
    public func normalized(counterClockwise: Bool) -> Ring {
        Ring(closing: distinctVertices).oriented(counterClockwise: counterClockwise)
    }
}

extension Polygon {
    /// Rings closed, repeated consecutive points dropped, exterior counter-clockwise and holes
    /// clockwise (RFC 7946 §3.1.6). The area and the point set are unchanged.
    public func normalized() -> Polygon {
        Polygon(
            exterior: exterior.normalized(counterClockwise: true),
            holes: holes.map { $0.normalized(counterClockwise: false) })
    }
}

extension MultiPolygon {
    /// Every part normalized; see `Polygon.normalized()`.
    public func normalized() -> MultiPolygon {
        MultiPolygon(polygons.map { $0.normalized() })
    }
}
