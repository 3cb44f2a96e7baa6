import Foundation

/// A straight cut across a region (切割线): the points where `side` is zero. Positive side is
/// "left". Directions are chosen in metres (longitude scaled by cos φ₀) so a cut that should run
/// north–south does, then written in degree space, where the cut is a straight line.
struct CutLine: Sendable {
    /// Normal in degree space.
    var nx: Double
    var ny: Double
    var offset: Double

    /// A line whose normal points at `angle` (radians, 0 = east, π/2 = north) in metres.
    init(angle: Double, latitude: Double, offset: Double = 0) {
        nx = cos(angle) * cos(latitude * .pi / 180)
        ny = sin(angle)
        self.offset = offset
    }

    @inline(__always)
    func projection(_ c: Coordinate) -> Double { nx * c.lon + ny * c.lat }

    @inline(__always)
    func side(_ c: Coordinate) -> Double { projection(c) - offset }

    /// Position along the line, to order crossings.
    @inline(__always)
    func along(_ c: Coordinate) -> Double { -ny * c.lon + nx * c.lat }

    /// The point where segment a–b meets the line (a and b on opposite sides).
    func crossing(_ a: Coordinate, _ b: Coordinate) -> Coordinate {
        let sa = side(a)
        let sb = side(b)
        let t = sa / (sa - sb)
        return Coordinate(lon: a.lon + t * (b.lon - a.lon), lat: a.lat + t * (b.lat - a.lat))
    }
}
