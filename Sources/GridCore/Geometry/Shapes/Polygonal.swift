/// Anything that is a set of polygons: `Polygon` and `MultiPolygon`. Area, point location,
/// overlay and the spatial index accept either through this protocol (generically, never as
/// an existential).
public protocol Polygonal: CoordinateMappable, Hashable {
    /// The parts, each with its holes.
    var polygons: [Polygon] { get }
}

extension Polygon: Polygonal {
    public var polygons: [Polygon] { [self] }
}

extension MultiPolygon: Polygonal {}

extension Polygonal {
    /// Every ring of every part: exteriors and holes.
    var allRings: [Ring] { polygons.flatMap(\.rings) }

    /// The box around every part, nil when there are no coordinates.
    public var boundingBox: BoundingBox? {
        polygons.compactMap(\.exterior.boundingBox).reduce(nil) { (sum: BoundingBox?, box) in sum?.union(box) ?? box }
    }

    /// The area as one `MultiPolygon`.
    public var asMultiPolygon: MultiPolygon { MultiPolygon(polygons) }
}
