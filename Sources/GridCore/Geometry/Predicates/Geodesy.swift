import Foundation

/// Distances on the ground between two fixes, in metres (haversine on a sphere of the mean Earth
/// radius: within 0.5 % of the ellipsoid, plenty for a patrol's track or "within 50 m").
public enum Geodesy {
    public static let earthRadius = 6_371_008.8

    public static func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        let φ1 = a.lat * .pi / 180, φ2 = b.lat * .pi / 180
        let dφ = φ2 - φ1, dλ = (b.lon - a.lon) * .pi / 180
        let h = sin(dφ / 2) * sin(dφ / 2) + cos(φ1) * cos(φ2) * sin(dλ / 2) * sin(dλ / 2)
        return 2 * earthRadius * asin(min(1, sqrt(h)))
    }
}
