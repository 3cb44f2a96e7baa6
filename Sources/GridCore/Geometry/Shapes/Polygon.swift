/// A polygon (面): one exterior ring (外环) and any number of holes (内环/洞).
///
/// RFC 7946 orientation is the convention: exterior counter-clockwise, holes clockwise.
/// Input in the other orientation is accepted and read correctly; `GeometryValidator` reports
/// it and `normalized()` fixes it.
public struct Polygon: Sendable, Hashable {
    public var exterior: Ring
    public var holes: [Ring]

    public init(exterior: Ring, holes: [Ring] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    /// A polygon without holes from its corners (closing coordinate optional).
    public init(_ vertices: [Coordinate]) {
        self.init(exterior: Ring(closing: vertices))
    }

    /// The exterior followed by the holes.
    public var rings: [Ring] { [exterior] + holes }

    public var boundingBox: BoundingBox? { exterior.boundingBox }
}

extension Polygon: CoordinateMappable {
    public func mapCoordinates(_ transform: (Coordinate) -> Coordinate) -> Polygon {
        Polygon(exterior: exterior.mapCoordinates(transform), holes: holes.map { $0.mapCoordinates(transform) })
    }
}
