/// An axis-aligned box (外包矩形) in coordinate degrees, edges included.
public struct BoundingBox: Sendable, Hashable, Codable {
    public var minLon: Double
    public var minLat: Double
    public var maxLon: Double
    public var maxLat: Double

    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// The smallest box holding every coordinate, or nil for an empty sequence.
    public init?(_ coordinates: some Sequence<Coordinate>) {
        var iterator = coordinates.makeIterator()
        guard let first = iterator.next() else { return nil }
        var box = BoundingBox(minLon: first.lon, minLat: first.lat, maxLon: first.lon, maxLat: first.lat)
        while let c = iterator.next() { box.expand(toInclude: c) }
        self = box
    }

    public var width: Double { maxLon - minLon }
    public var height: Double { maxLat - minLat }
    public var center: Coordinate { Coordinate(lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2) }

    public mutating func expand(toInclude c: Coordinate) {
        minLon = Swift.min(minLon, c.lon)
        minLat = Swift.min(minLat, c.lat)
        maxLon = Swift.max(maxLon, c.lon)
        maxLat = Swift.max(maxLat, c.lat)
    }

    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(
            minLon: Swift.min(minLon, other.minLon), minLat: Swift.min(minLat, other.minLat),
            maxLon: Swift.max(maxLon, other.maxLon), maxLat: Swift.max(maxLat, other.maxLat))
    }

    /// True when the point lies inside or on the edge of the box.
    public func contains(_ c: Coordinate) -> Bool {
        c.lon >= minLon && c.lon <= maxLon && c.lat >= minLat && c.lat <= maxLat
    }

    /// True when the boxes share at least one point (touching counts).
    public func intersects(_ other: BoundingBox) -> Bool {
        minLon <= other.maxLon && other.minLon <= maxLon && minLat <= other.maxLat && other.minLat <= maxLat
    }
}
