/// A geometry whose coordinates can be rewritten one by one, keeping its structure:
/// how datum conversion and projections apply to whole shapes.
public protocol CoordinateMappable: Sendable {
    func mapCoordinates(_ transform: (Coordinate) -> Coordinate) -> Self
}

extension Coordinate: CoordinateMappable {
    public func mapCoordinates(_ transform: (Coordinate) -> Coordinate) -> Coordinate { transform(self) }
}
