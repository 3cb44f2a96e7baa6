import Testing
@testable import GridCore

struct ValidationTests {
    private func c(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(lon: lon, lat: lat) }

    @Test("a counter-clockwise square with a clockwise hole is valid")
    func validPolygon() {
        #expect(GeometryFixtures.squareWithHole(0, 0, size: 3).validate() == [])
        #expect(GeometryFixtures.rectangle(103.9, 30.8, 103.91, 30.81).isValid)
    }

    @Test("a bow-tie reports its self-intersection at the crossing")
    func bowTie() throws {
        let bowTie = Polygon([c(0, 0), c(2, 2), c(2, 0), c(0, 2)])
        let problems = bowTie.validate()
        let crossing = try #require(problems.compactMap { problem -> Coordinate? in
            if case let .selfIntersection(path, at) = problem, path == RingPath(polygon: 0, ring: 0) { return at }
            return nil
        }.first)
        #expect(abs(crossing.lon - 1) < 1e-12 && abs(crossing.lat - 1) < 1e-12)
        #expect(!problems.contains(.wrongOrientation(RingPath(polygon: 0, ring: 0))))
    }

    @Test("a ring touching itself at a vertex (figure 8) is a self-intersection")
    func pinchedRing() {
        let figure8 = Polygon([c(0, 0), c(1, 1), c(2, 0), c(2, 2), c(1, 1), c(0, 2)])
        #expect(figure8.validate().contains(.selfIntersection(RingPath(polygon: 0, ring: 0), at: c(1, 1))))
    }

    @Test("a spike folding back on itself is a self-intersection")
    func spike() {
        let spike = Polygon([c(0, 0), c(2, 0), c(2, 1), c(3, 1), c(2, 1), c(0, 1)])
        #expect(spike.validate().contains { if case .selfIntersection = $0 { true } else { false } })
    }

    @Test("clockwise exterior and counter-clockwise hole are reported; normalized() fixes both")
    func orientation() {
        let good = GeometryFixtures.squareWithHole(0, 0, size: 3)
        let bad = Polygon(exterior: good.exterior.reversed(), holes: good.holes.map { $0.reversed() })
        #expect(bad.validate() == [.wrongOrientation(RingPath(polygon: 0, ring: 0)), .wrongOrientation(RingPath(polygon: 0, ring: 1))])
        #expect(bad.validate().allSatisfy { $0.isRepairable })
        #expect(bad.normalized().validate() == [])
        #expect(bad.normalized().area == good.area)
    }

    @Test("unclosed rings, repeated points and too few points are reported")
    func ringShape() {
        let unclosed = Polygon(exterior: Ring([c(0, 0), c(1, 0), c(1, 1), c(0, 1)]))
        #expect(unclosed.validate() == [.notClosed(RingPath(polygon: 0, ring: 0))])
        #expect(unclosed.normalized().validate() == [])

        let repeated = Polygon(exterior: Ring([c(0, 0), c(1, 0), c(1, 0), c(1, 1), c(0, 1), c(0, 0)]))
        #expect(repeated.validate() == [.duplicateConsecutivePoints(RingPath(polygon: 0, ring: 0), index: 2, at: c(1, 0))])
        #expect(repeated.normalized().exterior.coordinates.count == 5)

        let sliver = Polygon(exterior: Ring([c(0, 0), c(1, 0), c(0, 0), c(0, 0)]))
        #expect(sliver.validate().contains(.tooFewPoints(RingPath(polygon: 0, ring: 0), distinctCount: 2)))
        #expect(!sliver.validate().allSatisfy { $0.isRepairable })
    }

    @Test("holes outside the shell, crossing it or nested in another hole are reported")
    func holes() {
        let shell = GeometryFixtures.rectangle(0, 0, 4, 4).exterior
        let outside = Polygon(exterior: shell, holes: [GeometryFixtures.rectangle(5, 5, 6, 6).exterior.reversed()])
        #expect(outside.validate() == [.holeOutsideShell(RingPath(polygon: 0, ring: 1))])

        let crossing = Polygon(exterior: shell, holes: [GeometryFixtures.rectangle(3, 1, 5, 2).exterior.reversed()])
        #expect(crossing.validate().contains { if case .ringsIntersect = $0 { true } else { false } })

        let nested = Polygon(exterior: shell, holes: [
            GeometryFixtures.rectangle(1, 1, 3, 3).exterior.reversed(),
            GeometryFixtures.rectangle(1.5, 1.5, 2, 2).exterior.reversed(),
        ])
        #expect(nested.validate() == [.nestedHoles(RingPath(polygon: 0, ring: 2), inside: RingPath(polygon: 0, ring: 1))])

        // A hole touching the shell at one corner is allowed (OGC).
        let touching = Polygon(exterior: shell, holes: [Ring(closing: [c(0, 0), c(1, 2), c(2, 1)]).oriented(counterClockwise: false)])
        #expect(touching.validate() == [])
    }

    @Test("overlapping parts of a multipolygon are reported with their area and a location inside the overlap")
    func overlappingParts() throws {
        let parts = MultiPolygon([GeometryFixtures.rectangle(103.90, 30.80, 103.92, 30.82), GeometryFixtures.rectangle(103.91, 30.81, 103.93, 30.83)])
        let problems = parts.validate()
        #expect(problems.count == 1)
        guard case let .partsOverlap(first, second, area, at) = try #require(problems.first) else {
            Issue.record("expected partsOverlap, got \(problems)")
            return
        }
        #expect((first, second) == (0, 1))
        let expected = GeometryFixtures.rectangle(103.91, 30.81, 103.92, 30.82).area
        #expect(abs(area - expected) < 1e-6 * expected)
        #expect(GeometryFixtures.rectangle(103.91, 30.81, 103.92, 30.82).locate(at) == .inside)
        // Parts that only share an edge are fine.
        #expect(MultiPolygon([GeometryFixtures.rectangle(0, 0, 1, 1), GeometryFixtures.rectangle(1, 0, 2, 1)]).isValid)
    }

    @Test("validated() throws a user-facing error that lists the problems in both languages")
    func validatedThrows() {
        let bowTie = Polygon([c(0, 0), c(2, 2), c(2, 0), c(0, 2)])
        do {
            _ = try bowTie.validated(field: "geometry")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "geometry")
            #expect(error.reason.zhHans.contains("自相交"))
            #expect(error.reason.en.contains("intersects itself"))
        }
    }

    @Test("coordinates out of range are reported")
    func outOfRange() {
        let polygon = Polygon([c(0, 0), c(200, 0), c(0, 1)])
        #expect(polygon.validate() == [.invalidCoordinate(RingPath(polygon: 0, ring: 0), index: 1)])
    }

    @Test("Pidu's real outline is simple; only its clockwise winding needs normalising", GeometryFixtures.needsSharedData)
    func piduOutline() throws {
        let pidu = try #require(try GeometryFixtures.districtOutline("510117"))
        #expect(pidu.validate() == [.wrongOrientation(RingPath(polygon: 0, ring: 0))])
        #expect(pidu.normalized().validate() == [])
    }
}
