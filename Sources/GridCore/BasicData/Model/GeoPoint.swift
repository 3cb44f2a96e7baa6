/// A point with its datum (带坐标系的位置): where a building or a city component stands.
/// Geometry is always stored with its datum, and converted before it is compared (domain.md §2).
public struct GeoPoint: Sendable, Hashable, Codable {
    public var coordinate: Coordinate
    public var datum: Datum

    public init(_ coordinate: Coordinate, datum: Datum) {
        self.coordinate = coordinate
        self.datum = datum
    }

    public init(lon: Double, lat: Double, datum: Datum) {
        self.init(Coordinate(lon: lon, lat: lat), datum: datum)
    }
}
