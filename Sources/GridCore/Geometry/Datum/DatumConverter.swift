import Foundation

/// Converts coordinates between WGS-84, GCJ-02 and CGCS2000 (坐标系转换).
///
/// WGS-84 → GCJ-02 is the published (leaked) obfuscation on the Krasovsky ellipsoid
/// (a = 6 378 245 m, e² = 0.006 693 421 622 965 943 23). GCJ-02 → WGS-84 has no closed form; it is
/// solved by fixed-point iteration on the forward transform until the forward image is within
/// 1e-10° (≈ 0.01 mm) of the input, which takes 3–5 rounds because the shift varies slowly.
/// Points outside `ChinaMainlandTest.bounds` are not shifted in either direction.
public enum DatumConverter: Sendable {
    static let krasovskyA = 6_378_245.0
    static let krasovskyEE = 0.006_693_421_622_965_943_23

    /// Converts one point from one datum to another; the identity when both are the same family.
    public static func convert(_ c: Coordinate, from source: Datum, to target: Datum) -> Coordinate {
        switch (source.family, target.family) {
        case (.wgs84, .gcj02): wgs84ToGCJ02(c)
        case (.gcj02, .wgs84): gcj02ToWGS84(c)
        default: c
        }
    }

    /// Converts every coordinate of a geometry.
    public static func convert<G: CoordinateMappable>(_ geometry: G, from source: Datum, to target: Datum) -> G {
        if source.family == target.family { return geometry }
        return geometry.mapCoordinates { convert($0, from: source, to: target) }
    }

    /// WGS-84 (GPS) → GCJ-02 (Amap, Tencent).
    public static func wgs84ToGCJ02(_ c: Coordinate) -> Coordinate {
        guard ChinaMainlandTest.isShifted(c) else { return c }
        let shift = gcjShift(c)
        return Coordinate(lon: c.lon + shift.lon, lat: c.lat + shift.lat)
    }

    /// GCJ-02 → WGS-84 by iteration: w ← w − (forward(w) − g) until the residual is below 1e-10°.
    public static func gcj02ToWGS84(_ g: Coordinate) -> Coordinate {
        guard ChinaMainlandTest.isShifted(g) else { return g }
        var w = g
        for _ in 0..<30 {
            let image = wgs84ToGCJ02(w)
            let dLon = image.lon - g.lon
            let dLat = image.lat - g.lat
            if abs(dLon) < 1e-10 && abs(dLat) < 1e-10 { break }
            w = Coordinate(lon: w.lon - dLon, lat: w.lat - dLat)
        }
        return w
    }

    /// The GCJ-02 offset in degrees at a WGS-84 point.
    static func gcjShift(_ c: Coordinate) -> Coordinate {
        let x = c.lon - 105.0
        let y = c.lat - 35.0
        let radLat = c.lat / 180.0 * Double.pi
        var magic = sin(radLat)
        magic = 1 - krasovskyEE * magic * magic
        let sqrtMagic = magic.squareRoot()
        let dLat = offsetLat(x, y) * 180.0 / ((krasovskyA * (1 - krasovskyEE)) / (magic * sqrtMagic) * Double.pi)
        let dLon = offsetLon(x, y) * 180.0 / (krasovskyA / sqrtMagic * cos(radLat) * Double.pi)
        return Coordinate(lon: dLon, lat: dLat)
    }

    private static func offsetLat(_ x: Double, _ y: Double) -> Double {
        var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * Double.pi) + 20.0 * sin(2.0 * x * Double.pi)) * 2.0 / 3.0
        r += (20.0 * sin(y * Double.pi) + 40.0 * sin(y / 3.0 * Double.pi)) * 2.0 / 3.0
        r += (160.0 * sin(y / 12.0 * Double.pi) + 320.0 * sin(y * Double.pi / 30.0)) * 2.0 / 3.0
        return r
    }

    private static func offsetLon(_ x: Double, _ y: Double) -> Double {
        var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * Double.pi) + 20.0 * sin(2.0 * x * Double.pi)) * 2.0 / 3.0
        r += (20.0 * sin(x * Double.pi) + 40.0 * sin(x / 3.0 * Double.pi)) * 2.0 / 3.0
        r += (150.0 * sin(x / 12.0 * Double.pi) + 300.0 * sin(x / 30.0 * Double.pi)) * 2.0 / 3.0
        return r
    }
}
