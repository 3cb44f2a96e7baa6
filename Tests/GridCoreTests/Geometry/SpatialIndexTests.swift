import Foundation
import Testing
@testable import GridCore

struct SpatialIndexTests {
    /// A jittered lattice of quads near Pidu whose corners are multiples of 2⁻²⁰°, so edge
    /// midpoints are exact doubles lying exactly on their edges, plus two "special" overlays.
    static func fixture() -> [(String, Polygon)] {
        var generator = SeededGenerator(seed: 11)
        let step = 0x1p-20
        let (nx, ny) = (12, 10)
        func snap(_ v: Double) -> Double { (v / step).rounded() * step }
        var corners: [[Coordinate]] = []
        for j in 0...ny {
            corners.append((0...nx).map { i in
                let jitter = i == 0 || i == nx || j == 0 || j == ny ? 0.0 : 0.004
                return Coordinate(lon: snap(103.8 + Double(i) * 0.01 + generator.next(in: -jitter...jitter)),
                                  lat: snap(30.8 + Double(j) * 0.01 + generator.next(in: -jitter...jitter)))
            })
        }
        var shapes: [(String, Polygon)] = []
        for j in 0..<ny {
            for i in 0..<nx {
                shapes.append(("g\(i)-\(j)", Polygon([corners[j][i], corners[j][i + 1], corners[j + 1][i + 1], corners[j + 1][i]])))
            }
        }
        shapes.append(("school", Polygon([Coordinate(lon: 103.831, lat: 30.831), Coordinate(lon: 103.836, lat: 30.832),
                                          Coordinate(lon: 103.834, lat: 30.837)])))
        shapes.append(("park", GeometryFixtures.squareWithHole(103.85, 30.85, size: 0.006)))
        return shapes
    }

    /// Probe points: random ones, every vertex, every exact edge midpoint, and a few outside.
    static func probes(_ shapes: [(String, Polygon)]) -> [Coordinate] {
        var generator = SeededGenerator(seed: 5)
        var points = (0..<1500).map { _ in Coordinate(lon: generator.next(in: 103.795...103.925), lat: generator.next(in: 30.795...30.905)) }
        for (_, shape) in shapes {
            for ring in shape.rings {
                ring.forEachEdge { a, b in
                    points.append(a)
                    points.append(Coordinate(lon: (a.lon + b.lon) / 2, lat: (a.lat + b.lat) / 2))
                }
            }
        }
        return points
    }

    @Test("locate agrees with brute-force point-in-polygon, boundary included", arguments: [0.05, 0.5, 2.0, 8.0])
    func matchesBruteForce(cellsPerEdge: Double) {
        let shapes = Self.fixture()
        let index = SpatialIndex(shapes, cellsPerEdge: cellsPerEdge)
        var mismatches = 0
        var boundaryHits = 0
        for p in Self.probes(shapes) {
            let expected = shapes.filter { $0.1.contains(p) }.map(\.0)
            if shapes.contains(where: { $0.1.locate(p) == .boundary }) { boundaryHits += 1 }
            if index.locate(p) != expected {
                mismatches += 1
                if mismatches < 5 { Issue.record("\(p): index \(index.locate(p)), brute force \(expected)") }
            }
        }
        #expect(mismatches == 0)
        #expect(boundaryHits > 500)
    }

    @Test("a point in a special grid gets both the general and the special grid, in input order")
    func overlays() {
        let index = SpatialIndex(Self.fixture())
        let hits = index.locate(Coordinate(lon: 103.834, lat: 30.833))
        #expect(hits.count == 2)
        #expect(hits.last == "school")
        #expect(hits.first?.hasPrefix("g") == true)
    }

    @Test("holes are excluded, hole edges included; outside the extent nothing")
    func holesAndOutside() {
        let index = SpatialIndex([("park", GeometryFixtures.squareWithHole(0, 0, size: 3))])
        #expect(index.locate(Coordinate(lon: 1.5, lat: 1.5)) == [])
        #expect(index.locate(Coordinate(lon: 1, lat: 1.5)) == ["park"])
        #expect(index.locate(Coordinate(lon: 0.5, lat: 2.5)) == ["park"])
        #expect(index.locate(Coordinate(lon: 3, lat: 3)) == ["park"])
        #expect(index.locate(Coordinate(lon: 3.0000001, lat: 1)) == [])
        #expect(index.locate(Coordinate(lon: .nan, lat: 1)) == [])
        let empty = SpatialIndex<String>([(String, Polygon)]())
        #expect(empty.locate(Coordinate(lon: 0, lat: 0)) == [])
        #expect(empty.bounds == nil)
    }

    @Test("a shape with a non-finite coordinate is ignored instead of crashing the build")
    func nonFiniteShape() {
        let broken = Polygon([Coordinate(lon: 0, lat: 0), Coordinate(lon: .nan, lat: 0), Coordinate(lon: 1, lat: .infinity)])
        let index = SpatialIndex([("broken", broken), ("square", GeometryFixtures.rectangle(0, 0, 1, 1))])
        #expect(index.locate(Coordinate(lon: 0.5, lat: 0.5)) == ["square"])
        #expect(index.locate(Coordinate(lon: 2, lat: 2)) == [])
    }

    @Test("non-allocating queries give the same answers as locate")
    func nonAllocatingQueries() {
        let shapes = Self.fixture()
        let index = SpatialIndex(shapes)
        var buffer: [Int] = []
        for p in Self.probes(shapes).prefix(1000) {
            index.containingIndices(of: p, into: &buffer)
            var visited: [String] = []
            index.forEachContaining(p) { visited.append($0) }
            #expect(buffer.map { index.keys[$0] } == index.locate(p))
            #expect(visited == index.locate(p))
        }
    }

    @Test("points in another datum are converted before lookup")
    func datumConversion() {
        let gcjSquare = GeometryFixtures.rectangle(103.90, 30.80, 103.91, 30.81)
        let index = SpatialIndex([(1, gcjSquare)], datum: .gcj02)
        let gcjPoint = Coordinate(lon: 103.9005, lat: 30.8005)
        let wgsPoint = DatumConverter.gcj02ToWGS84(gcjPoint)
        #expect(index.locate(gcjPoint) == [1])
        // The raw WGS-84 numbers lie ~500 m away, outside the square…
        #expect(index.locate(wgsPoint) == [])
        // …and land in it once the index converts them.
        #expect(index.locate(wgsPoint, datum: .wgs84) == [1])
    }

    @Test("the index is Sendable: concurrent readers agree")
    func concurrentReaders() async {
        let shapes = Self.fixture()
        let index = SpatialIndex(shapes)
        let probes = Self.probes(shapes)
        let expected = probes.map { index.locate($0) }
        let results = await withTaskGroup(of: [[String]].self) { group in
            for _ in 0..<4 { group.addTask { probes.map { index.locate($0) } } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0 == expected })
    }
}
