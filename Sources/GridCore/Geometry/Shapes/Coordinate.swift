import Foundation

/// A geographic position (坐标): longitude and latitude in decimal degrees.
///
/// A coordinate carries no datum of its own; the geometry or request that holds it says which
/// datum (`Datum`) it is in. Codable as `{"lon": …, "lat": …}` for API payloads; GeoJSON writes
/// positions as `[lon, lat]` arrays through its own coding.
public struct Coordinate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Longitude (经度), degrees east, −180…180.
    public var lon: Double
    /// Latitude (纬度), degrees north, −90…90.
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// True when both values are finite and within the WGS-84 degree ranges.
    public var isValidGeographic: Bool {
        lon.isFinite && lat.isFinite && (-180...180).contains(lon) && (-90...90).contains(lat)
    }

    public var description: String { "(\(lon), \(lat))" }
}
