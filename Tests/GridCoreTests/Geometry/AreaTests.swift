import Testing
@testable import GridCore

struct AreaTests {
    @Test("longitude/latitude rectangles match numerical integration on the ellipsoid", arguments: [
        (103.90, 30.80, 103.91, 30.81),   // ~1 km², grid scale
        (103.90, 30.80, 103.93, 30.84),   // ~12 km²
        (113.90, 22.50, 113.9005, 22.5004), // ~2,000 m², a school
        (0.0, 0.0, 1.0, 1.0),             // 1° at the equator
        (120.0, 53.0, 120.2, 53.1),       // far north
    ])
    func rectangles(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        let polygon = GeometryFixtures.rectangle(minLon, minLat, maxLon, maxLat)
        let reference = GeometryFixtures.ellipsoidRectangleArea(minLon, minLat, maxLon, maxLat)
        #expect(abs(polygon.area - reference) / reference < 1e-9, "\(polygon.area) vs \(reference)")
    }

    @Test("one degree square at the equator is about 12,308 km² on WGS-84")
    func equatorDegree() {
        // Textbook value: 111.32 km × 110.57 km ≈ 12,308.8 km².
        let area = GeometryFixtures.rectangle(0, 0, 1, 1).area
        #expect(abs(area / 1e6 - 12_308.8) < 1.0, "\(area / 1e6) km²")
    }

    /// Reference areas from GeographicLib 2.1 (Karney's geodesic polygon area on WGS-84, edges as
    /// geodesics), an independent method. Edges here are straight in the equal-area plane instead,
    /// which cancels for symmetric shapes and costs ~6e-5 on a triangle with 3 km edges.
    @Test("areas agree with GeographicLib's geodesic polygon areas", arguments: [
        ([(103.89791801162839, 30.793863801162594), (103.90709588157482, 30.79819959021431),
          (103.90208198837162, 30.806136198837407), (103.8929041184252, 30.80180040978569)], 1_003_517.5482301712, 1e-7),
        ([(103.9, 30.8), (103.93, 30.81), (103.91, 30.83)], 4_243_643.301239967, 1e-4),
    ])
    func matchesGeographicLib(corners: [(Double, Double)], geodesicArea: Double, tolerance: Double) {
        let polygon = Polygon(corners.map { Coordinate(lon: $0.0, lat: $0.1) })
        #expect(abs(polygon.area - geodesicArea) / geodesicArea < tolerance, "\(polygon.area)")
    }

    @Test("holes are subtracted and orientation does not matter")
    func holesAndOrientation() {
        let holed = GeometryFixtures.squareWithHole(103.9, 30.8, size: 0.03)
        let outer = GeometryFixtures.rectangle(103.9, 30.8, 103.93, 30.83).area
        let hole = GeometryFixtures.rectangle(103.91, 30.81, 103.92, 30.82).area
        #expect(abs(holed.area - (outer - hole)) < 1e-6 * outer)
        let clockwise = Polygon(exterior: holed.exterior.reversed(), holes: holed.holes.map { $0.reversed() })
        #expect(abs(clockwise.area - holed.area) < 1e-9 * outer)
        #expect(abs(MultiPolygon([holed, GeometryFixtures.rectangle(104, 30.8, 104.01, 30.81)]).area
            - holed.area - GeometryFixtures.rectangle(104, 30.8, 104.01, 30.81).area) < 1e-6)
    }

    @Test("the L-shape is three quarters of its 2×2 square")
    func lShape() {
        let l = GeometryFixtures.lShape(origin: Coordinate(lon: 103.9, lat: 30.8), cell: 0.005)
        let square = GeometryFixtures.rectangle(103.9, 30.8, 103.91, 30.81).area
        let northEast = GeometryFixtures.rectangle(103.905, 30.805, 103.91, 30.81).area
        #expect(abs(l.area - (square - northEast)) < 1e-6 * square)
    }

    @Test("centroid of a rectangle is its middle; of an L it is pulled to the heavy corner")
    func centroids() throws {
        let rectangle = MultiPolygon(GeometryFixtures.rectangle(103.9, 30.8, 103.92, 30.81))
        let c = try #require(rectangle.centroid)
        #expect(abs(c.lon - 103.91) < 1e-9)
        // On the ellipsoid the area-weighted middle latitude is a hair south of the arithmetic one.
        #expect(abs(c.lat - 30.805) < 1e-6)
        let l = MultiPolygon(GeometryFixtures.lShape(origin: Coordinate(lon: 0, lat: 0), cell: 0.01))
        let lc = try #require(l.centroid)
        // Planar answer for an L of three unit cells: (5/6, 5/6) cells.
        #expect(abs(lc.lon - 0.01 * 5 / 6) < 1e-7)
        #expect(abs(lc.lat - 0.01 * 5 / 6) < 1e-7)
    }

    @Test("Pidu's outline measures about 438 km², the published area", GeometryFixtures.needsSharedData)
    func piduArea() throws {
        let pidu = try #require(try GeometryFixtures.districtOutline("510117"))
        let km2 = pidu.area / 1e6
        #expect(abs(km2 - 438) / 438 < 0.01, "\(km2) km²")
        // GeographicLib 2.1 geodesic area of the same ring: 435,889,393.937 m².
        #expect(abs(pidu.area - 435_889_393.937) / pidu.area < 1e-6)
    }
}
