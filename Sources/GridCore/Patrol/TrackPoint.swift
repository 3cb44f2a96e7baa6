import Foundation

/// One fix of a patrol's GPS track (巡查轨迹点), as the phone gives it: WGS-84, when, and how
/// sure the phone was.
public struct TrackPoint: Sendable, Hashable, Codable {
    public var at: Date
    public var lon: Double
    public var lat: Double
    /// Horizontal accuracy in metres, when the phone says.
    public var accuracy: Double?

    public init(at: Date, lon: Double, lat: Double, accuracy: Double? = nil) {
        self.at = at
        self.lon = lon
        self.lat = lat
        self.accuracy = accuracy
    }

    public var coordinate: Coordinate { Coordinate(lon: lon, lat: lat) }
}
