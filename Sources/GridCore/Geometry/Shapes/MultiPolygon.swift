/// Several polygons treated as one area (多面), e.g. a district with an exclave or a grid
/// that a river cuts in two. Parts of a valid multipolygon do not overlap.
public struct MultiPolygon: Sendable, Hashable {
    public var polygons: [Polygon]

    public init(_ polygons: [Polygon]) {
        self.polygons = polygons
    }

    public init(_ polygon: Polygon) {
        self.polygons = [polygon]
    }
}

extension MultiPolygon: CoordinateMappable {
    public func mapCoordinates(_ transform: (Coordinate) -> Coordinate) -> MultiPolygon {
        MultiPolygon(polygons.map { $0.mapCoordinates(transform) })
    }
}
