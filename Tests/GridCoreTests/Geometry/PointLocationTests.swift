import Testing
@testable import GridCore

struct PointLocationTests {
    static let square = GeometryFixtures.rectangle(103.9, 30.8, 103.91, 30.81)
    static let holed = GeometryFixtures.squareWithHole(0.0, 0.0, size: 3.0)

    @Test("a square classifies interior, edges, vertices and exterior", arguments: [
        (Coordinate(lon: 103.905, lat: 30.805), PointLocation.inside),
        (Coordinate(lon: 103.9, lat: 30.805), .boundary),      // west edge
        (Coordinate(lon: 103.905, lat: 30.81), .boundary),     // north edge
        (Coordinate(lon: 103.91, lat: 30.81), .boundary),      // north-east vertex
        (Coordinate(lon: 103.9, lat: 30.8), .boundary),        // south-west vertex
        (Coordinate(lon: 103.911, lat: 30.805), .outside),
        (Coordinate(lon: 103.905, lat: 30.7999999), .outside),
        (Coordinate(lon: 103.95, lat: 30.81), .outside),       // on the north edge's line, beyond it
    ])
    func square(point: Coordinate, expected: PointLocation) {
        #expect(Self.square.locate(point) == expected)
        #expect(Self.square.contains(point) == (expected != .outside))
    }

    @Test("holes are respected and a point on a hole's edge is boundary", arguments: [
        (Coordinate(lon: 0.5, lat: 0.5), PointLocation.inside),
        (Coordinate(lon: 1.5, lat: 1.5), .outside),            // in the hole
        (Coordinate(lon: 1.0, lat: 1.5), .boundary),           // hole's west edge
        (Coordinate(lon: 2.0, lat: 2.0), .boundary),           // hole's corner
        (Coordinate(lon: 2.5, lat: 1.0), .inside),             // at a hole vertex's latitude
        (Coordinate(lon: 3.0, lat: 3.0), .boundary),
        (Coordinate(lon: -0.5, lat: 1.0), .outside),
    ])
    func polygonWithHole(point: Coordinate, expected: PointLocation) {
        #expect(Self.holed.locate(point) == expected)
    }

    @Test("orientation of the input does not change the answer")
    func clockwiseInput() {
        let clockwise = Polygon(exterior: Self.square.exterior.reversed())
        for (point, expected) in [(Coordinate(lon: 103.905, lat: 30.805), PointLocation.inside),
                                  (Coordinate(lon: 103.91, lat: 30.805), .boundary),
                                  (Coordinate(lon: 103.92, lat: 30.805), .outside)] {
            #expect(clockwise.locate(point) == expected)
        }
    }

    @Test("rays through vertices count once: points level with a concave polygon's corners")
    func rayThroughVertices() {
        // A "W"-like shape with several vertices at latitude 1.
        let w = Polygon([
            Coordinate(lon: 0, lat: 0), Coordinate(lon: 4, lat: 0), Coordinate(lon: 4, lat: 2),
            Coordinate(lon: 3, lat: 1), Coordinate(lon: 2, lat: 2), Coordinate(lon: 1, lat: 1), Coordinate(lon: 0, lat: 2),
        ])
        #expect(w.locate(Coordinate(lon: 0.5, lat: 1)) == .inside)
        #expect(w.locate(Coordinate(lon: 1.5, lat: 1)) == .inside)
        #expect(w.locate(Coordinate(lon: -1, lat: 1)) == .outside)
        #expect(w.locate(Coordinate(lon: 5, lat: 1)) == .outside)
        #expect(w.locate(Coordinate(lon: 1, lat: 1)) == .boundary)
        #expect(w.locate(Coordinate(lon: 2, lat: 1.9)) == .inside)
        #expect(w.locate(Coordinate(lon: 1, lat: 1.5)) == .outside)
    }

    @Test("orientation is exact: agrees with integer arithmetic on near-collinear lattice points")
    func orientationMatchesIntegerArithmetic() {
        // Coordinates 100 + i·2⁻³¹ are exact doubles, and with |Δi| < 2³⁰ the integer determinant
        // fits Int64, while the float products need 60 bits and round: the exact fallback runs.
        var generator = SeededGenerator(seed: 7)
        let unit = 0x1p-31
        func coordinate(_ i: Int64, _ j: Int64) -> Coordinate {
            Coordinate(lon: 100 + Double(i) * unit, lat: 30 + Double(j) * unit)
        }
        var collinearSeen = 0
        for _ in 0..<2000 {
            let (ai, aj) = (Int64(generator.next() % (1 << 28)), Int64(generator.next() % (1 << 28)))
            let (u, v) = (Int64(generator.next() % (1 << 20)) + 1, Int64(generator.next() % (1 << 20)) + 1)
            let m = Int64(generator.next() % 200) + 1
            let (ci, cj) = (ai + m * u + Int64(generator.next() % 3) - 1, aj + m * v + Int64(generator.next() % 3) - 1)
            let (bi, bj) = (ai + 300 * u, aj + 300 * v)
            let reference = (bi - ai) * (cj - aj) - (bj - aj) * (ci - ai)
            let expected = reference > 0 ? 1 : (reference < 0 ? -1 : 0)
            if expected == 0 { collinearSeen += 1 }
            let got = Orientation.sign(coordinate(ai, aj), coordinate(bi, bj), coordinate(ci, cj))
            #expect(got == expected, "a=(\(ai),\(aj)) b=(\(bi),\(bj)) c=(\(ci),\(cj))")
            if got != expected { break }
        }
        #expect(collinearSeen > 100)
    }

    @Test("the exact orientation fallback agrees with rational arithmetic on near-collinear points")
    func exactOrientation() {
        // Points on the line y = x scaled by 2^-k are exactly collinear; nudging one by an ulp
        // must flip the sign even though the float determinant rounds to zero.
        let a = Coordinate(lon: 103.7158291, lat: 30.7185051)
        let d = 0x1p-20
        let b = Coordinate(lon: a.lon + 3 * d, lat: a.lat + 5 * d)
        let c = Coordinate(lon: a.lon + 6 * d, lat: a.lat + 10 * d)
        #expect(Orientation.sign(a, b, c) == 0)
        #expect(Orientation.sign(a, b, Coordinate(lon: c.lon, lat: c.lat.nextUp)) == 1)
        #expect(Orientation.sign(a, b, Coordinate(lon: c.lon.nextUp, lat: c.lat)) == -1)
        #expect(Orientation.exactSign(0, 0, 1, 1, 2, 2) == 0)
        #expect(Orientation.exactSign(0, 0, 1, 0, 0, 1) == 1)
    }

    @Test("a multipolygon contains points of each part and on the touching corner")
    func multiPolygon() {
        let two = MultiPolygon([GeometryFixtures.rectangle(0, 0, 1, 1), GeometryFixtures.rectangle(1, 1, 2, 2)])
        #expect(two.locate(Coordinate(lon: 0.5, lat: 0.5)) == .inside)
        #expect(two.locate(Coordinate(lon: 1.5, lat: 1.5)) == .inside)
        #expect(two.locate(Coordinate(lon: 1, lat: 1)) == .boundary)
        #expect(two.locate(Coordinate(lon: 1.5, lat: 0.5)) == .outside)
    }

    @Test("pointOnSurface lies inside concave shapes and shapes with holes")
    func pointOnSurface() throws {
        let l = GeometryFixtures.lShape(origin: Coordinate(lon: 103.9, lat: 30.8), cell: 0.01)
        let lPoint = try #require(l.pointOnSurface)
        #expect(l.locate(lPoint) == .inside)
        let holed = Self.holed
        let hPoint = try #require(holed.pointOnSurface)
        #expect(holed.locate(hPoint) == .inside)
        // The centroid of the holed square is its centre, which is in the hole.
        let centroid = try #require(MultiPolygon(holed).centroid)
        #expect(holed.locate(centroid) == .outside)
    }
}
