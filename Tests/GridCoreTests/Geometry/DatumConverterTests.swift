import Foundation
import Testing
@testable import GridCore

/// Great-circle distance in metres (mean Earth radius), for accuracy assertions.
private func metres(_ a: Coordinate, _ b: Coordinate) -> Double {
    let r = 6_371_008.8
    let p1 = a.lat * .pi / 180, p2 = b.lat * .pi / 180
    let dp = p2 - p1, dl = (b.lon - a.lon) * .pi / 180
    let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
    return 2 * r * asin(min(1, h.squareRoot()))
}

struct DatumConverterTests {
    /// Published pairs: Tiananmen from the coordtransform README (wandergis/coordtransform,
    /// `wgs84togcj02(116.404, 39.915)`), Shanghai/Shenzhen/Beijing from eviltransform's test table
    /// (googollee/eviltransform go/transform_test.go). An independent Python port of the
    /// transform reproduces every value below to the last printed digit.
    static let publishedPairs: [(name: String, wgs: Coordinate, gcj: Coordinate)] = [
        ("天安门 Tiananmen", Coordinate(lon: 116.404, lat: 39.915), Coordinate(lon: 116.41024449916938, lat: 39.91640428150164)),
        ("上海 Shanghai", Coordinate(lon: 121.5272106, lat: 31.1774276), Coordinate(lon: 121.531541859215, lat: 31.17530398364597)),
        ("深圳 Shenzhen", Coordinate(lon: 113.912316, lat: 22.543847), Coordinate(lon: 113.9171764808363, lat: 22.540796131694766)),
        ("北京 Beijing", Coordinate(lon: 116.377817, lat: 39.911954), Coordinate(lon: 116.38404722455657, lat: 39.91334545536069)),
    ]

    @Test("WGS-84 → GCJ-02 reproduces published pairs to 1e-9°", arguments: publishedPairs)
    func forwardMatchesPublishedPairs(pair: (name: String, wgs: Coordinate, gcj: Coordinate)) {
        let gcj = DatumConverter.convert(pair.wgs, from: .wgs84, to: .gcj02)
        #expect(abs(gcj.lon - pair.gcj.lon) < 1e-9, "\(pair.name) lon \(gcj.lon)")
        #expect(abs(gcj.lat - pair.gcj.lat) < 1e-9, "\(pair.name) lat \(gcj.lat)")
    }

    @Test("GCJ-02 → WGS-84 inverts the published pairs to within 1 cm", arguments: publishedPairs)
    func inverseRecoversPublishedPairs(pair: (name: String, wgs: Coordinate, gcj: Coordinate)) {
        let wgs = DatumConverter.gcj02ToWGS84(pair.gcj)
        #expect(metres(wgs, pair.wgs) < 0.01, "\(pair.name) off by \(metres(wgs, pair.wgs)) m")
    }

    @Test("the shift in Pidu is several hundred metres, so datums must not be mixed")
    func shiftIsLargeInPidu() {
        let wgs = Coordinate(lon: 103.9, lat: 30.8)
        let gcj = DatumConverter.wgs84ToGCJ02(wgs)
        #expect((150...600).contains(metres(wgs, gcj)))
        // Independent Python port: 103.90207973300741, 30.79729888304102.
        #expect(abs(gcj.lon - 103.90207973300741) < 1e-9)
        #expect(abs(gcj.lat - 30.79729888304102) < 1e-9)
    }

    @Test("round trips GCJ-02 → WGS-84 → GCJ-02 stay within 1 mm across mainland China")
    func roundTripAccuracy() {
        var worst = 0.0
        for lon in stride(from: 74.0, through: 134.0, by: 2.5) {
            for lat in stride(from: 18.0, through: 53.0, by: 1.75) {
                let gcj = Coordinate(lon: lon, lat: lat)
                let back = DatumConverter.wgs84ToGCJ02(DatumConverter.gcj02ToWGS84(gcj))
                worst = max(worst, metres(gcj, back))
            }
        }
        #expect(worst < 0.001, "worst round-trip error \(worst) m")
    }

    @Test("points outside China are not shifted", arguments: [
        Coordinate(lon: 2.35, lat: 48.85), Coordinate(lon: -74.0, lat: 40.7), Coordinate(lon: 151.2, lat: -33.9),
        Coordinate(lon: 139.7, lat: 35.7),
    ])
    func outsideChinaUnchanged(point: Coordinate) {
        #expect(DatumConverter.convert(point, from: .wgs84, to: .gcj02) == point)
        #expect(DatumConverter.convert(point, from: .gcj02, to: .wgs84) == point)
    }

    @Test("CGCS2000 is treated as WGS-84")
    func cgcs2000IsWGS84() {
        let p = Coordinate(lon: 103.9, lat: 30.8)
        #expect(DatumConverter.convert(p, from: .cgcs2000, to: .wgs84) == p)
        #expect(DatumConverter.convert(p, from: .cgcs2000, to: .gcj02) == DatumConverter.wgs84ToGCJ02(p))
    }

    @Test("whole geometries convert vertex by vertex")
    func convertsPolygons() {
        let square = GeometryFixtures.rectangle(103.9, 30.8, 103.91, 30.81)
        let converted = DatumConverter.convert(MultiPolygon(square), from: .wgs84, to: .gcj02)
        let expected = square.exterior.coordinates.map(DatumConverter.wgs84ToGCJ02)
        #expect(converted.polygons[0].exterior.coordinates == expected)
        #expect(DatumConverter.convert(square, from: .gcj02, to: .gcj02) == square)
    }

    @Test("datum names parse leniently and reject unknown ones with a user-facing reason", arguments: [
        ("wgs84", Datum.wgs84), ("WGS-84", .wgs84), ("EPSG:4326", .wgs84), ("GCJ-02", .gcj02), ("gcj02", .gcj02),
        ("CGCS2000", .cgcs2000), ("epsg:4490", .cgcs2000),
    ])
    func parsesDatumNames(text: String, datum: Datum) throws {
        #expect(try Datum(parsing: text) == datum)
    }

    @Test("an unknown datum is a validation failure naming the field")
    func rejectsUnknownDatum() {
        #expect(throws: ValidationFailure.self) { try Datum(parsing: "bd09") }
        do {
            _ = try Datum(parsing: "bd09")
        } catch {
            #expect(error.field == "datum")
            #expect(error.reason.zhHans.contains("bd09"))
        }
    }
}
