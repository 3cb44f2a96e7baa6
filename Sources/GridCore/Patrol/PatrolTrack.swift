import Foundation

/// A patrol's track kept small enough to store and draw (采样, 有上限): phones report a fix every
/// second or two, and a four-hour patrol would be ten thousand points that say nothing more than
/// one every few seconds or metres.
public enum PatrolTrack {
    /// Fixes closer than both of these to the last kept one add nothing.
    public static let minimumSeconds: TimeInterval = 10
    public static let minimumMetres: Double = 15
    /// Fixes worse than this are noise (indoors, a basement).
    public static let worstAccuracy: Double = 100
    /// A day's patrol at one fix per ten seconds for eight hours.
    public static let maximumPoints = 2_880

    /// The fixes of `points` worth keeping, in time order: one per timestamp, accurate enough,
    /// spaced by time or distance from the previous kept one, at most `maximumPoints` (evenly
    /// thinned beyond that, first and last kept).
    public static func thinned(_ points: [TrackPoint]) -> [TrackPoint] {
        var kept: [TrackPoint] = []
        // Ties broken by position, so the same fixes give the same track in whatever order they came.
        for point in points.sorted(by: { ($0.at, $0.lat, $0.lon) < ($1.at, $1.lat, $1.lon) }) {
            guard point.lon.isFinite, point.lat.isFinite, (point.accuracy ?? 0) <= worstAccuracy else { continue }
            if let last = kept.last {
                if point.at == last.at { continue }
                let far = Geodesy.distance(last.coordinate, point.coordinate) >= minimumMetres
                let late = point.at.timeIntervalSince(last.at) >= minimumSeconds
                if !far && !late { continue }
            }
            kept.append(point)
        }
        guard kept.count > maximumPoints else { return kept }
        let step = Double(kept.count - 1) / Double(maximumPoints - 1)
        return (0..<maximumPoints).map { kept[Int((Double($0) * step).rounded())] }
    }

    /// Metres walked along the track.
    public static func length(_ points: [TrackPoint]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + Geodesy.distance($1.0.coordinate, $1.1.coordinate) }
    }
}
