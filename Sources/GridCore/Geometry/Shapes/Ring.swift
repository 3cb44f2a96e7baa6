/// A linear ring (环): a closed line of coordinates bounding an area.
///
/// The coordinates are kept as given, GeoJSON style (first == last when closed), so that
/// `GeometryValidator` can report rings that are not closed. Every algorithm reads the ring
/// through `vertices`, which drops the closing coordinate, so an unclosed ring is treated as
/// implicitly closed rather than misread.
public struct Ring: Sendable, Hashable {
    public var coordinates: [Coordinate]

    public init(_ coordinates: [Coordinate]) {
        self.coordinates = coordinates
    }

    /// Builds a closed ring from vertices, appending the first vertex at the end if needed.
    public init(closing vertices: [Coordinate]) {
        var coordinates = vertices
        if let first = vertices.first, vertices.last != first { coordinates.append(first) }
        self.coordinates = coordinates
    }

    /// True when the first and last coordinates are identical.
    public var isClosed: Bool { coordinates.count > 1 && coordinates.first == coordinates.last }

    /// The distinct corners in order, without the closing repetition of the first.
    public var vertices: ArraySlice<Coordinate> {
        isClosed ? coordinates.dropLast() : coordinates[...]
    }

    public var boundingBox: BoundingBox? { BoundingBox(coordinates) }

    /// Twice the signed planar area in degree² (positive when counter-clockwise), computed
    /// relative to the first vertex to keep the products small.
    var doubledSignedDegreeArea: Double {
        let v = vertices
        guard v.count >= 3, let origin = v.first else { return 0 }
        var sum = 0.0
        var previous = origin
        for c in v.dropFirst() {
            sum += (previous.lon - origin.lon) * (c.lat - origin.lat) - (c.lon - origin.lon) * (previous.lat - origin.lat)
            previous = c
        }
        return sum
    }

    /// True when the ring runs counter-clockwise (RFC 7946 exterior orientation) seen with east
    /// to the right and north up.
    public var isCounterClockwise: Bool { doubledSignedDegreeArea > 0 }

    /// The same ring traversed the other way.
    public func reversed() -> Ring { Ring(coordinates.reversed()) }

    /// The ring running in the requested direction.
    public func oriented(counterClockwise: Bool) -> Ring {
        isCounterClockwise == counterClockwise ? self : reversed()
    }

    /// Calls `body` with each edge (from, to), including the closing edge of an unclosed ring.
    @inline(__always)
    func forEachEdge(_ body: (Coordinate, Coordinate) -> Void) {
        let v = vertices
        guard var previous = v.last else { return }
        for c in v {
            body(previous, c)
            previous = c
        }
    }
}

extension Ring: CoordinateMappable {
    public func mapCoordinates(_ transform: (Coordinate) -> Coordinate) -> Ring {
        Ring(coordinates.map(transform))
    }
}
