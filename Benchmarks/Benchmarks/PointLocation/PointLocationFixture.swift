import Foundation
import GridCore

/// The demo district's 589 grids (555 general, 34 special) with every edge split in 8, indexed,
/// plus 1 M seeded uniform points over the grids' extent, in GCJ-02 and in WGS-84.
/// Built once per process, outside every measurement.
final class PointLocationFixture: Sendable {
    static let shared = PointLocationFixture()

    static let pointCount = 1_000_000
    static let pointSeed: UInt64 = 20_240_601
    static let densification = 8

    let index: SpatialIndex<String>
    let gridCount: Int
    let meanVertices: Double
    /// The points in the index's datum (GCJ-02), uniform over the index's bounding box.
    let gcjPoints: [Coordinate]
    /// The same places in WGS-84, as a phone would report them.
    let wgsPoints: [Coordinate]
    /// Total grid hits over all points (a point in a special grid hits two grids).
    let expectedHits: Int
    let pointsInsideSomeGrid: Int

    private init() {
        let partition: DistrictPartition
        do {
            partition = try Partitioner.partition(
                DemoOutline.multiPolygon(), countyCode: DemoOutline.countyCode, plan: .pidu)
        } catch {
            fatalError("demo partition failed: \(error)")
        }
        let grids = partition.grids.map { ($0.code, Self.densified($0.geometry, by: Self.densification)) }
        gridCount = grids.count
        meanVertices = Double(grids.reduce(0) { total, grid in
            total + grid.1.polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.vertices.count } }
        }) / Double(grids.count)
        index = SpatialIndex(grids, datum: .gcj02)

        guard let box = index.bounds else { fatalError("empty index") }
        var generator = SeededGenerator(seed: Self.pointSeed)
        func unit() -> Double { Double(generator.next() >> 11) * 0x1p-53 }
        gcjPoints = (0..<Self.pointCount).map { _ in
            Coordinate(lon: box.minLon + unit() * box.width, lat: box.minLat + unit() * box.height)
        }
        wgsPoints = gcjPoints.map(DatumConverter.gcj02ToWGS84)

        var hits = 0
        var inside = 0
        var buffer: [Int] = []
        for p in gcjPoints {
            index.containingIndices(of: p, into: &buffer)
            hits += buffer.count
            if !buffer.isEmpty { inside += 1 }
        }
        expectedHits = hits
        pointsInsideSomeGrid = inside

        // A spot check of the index against brute force, so the benchmark times a correct index.
        var mismatches = 0
        for p in gcjPoints.prefix(2_000) where index.locate(p) != grids.filter({ $0.1.contains(p) }).map(\.0) {
            mismatches += 1
        }
        precondition(mismatches == 0, "index disagrees with brute force on \(mismatches) of 2000 points")

        print("""
            Fixture: \(gridCount) grids, \(String(format: "%.1f", meanVertices)) vertices per grid \
            (edges split \(Self.densification)×), index \(index.approximateMemoryBytes / 1024) KiB; \
            \(Self.pointCount) uniform points, \(inside) inside a grid, \(hits) grid hits
            """)
    }

    /// Splits every edge into `parts` equal pieces. Neighbours share edges, so each edge's points
    /// are computed from its lexicographically smaller end: both neighbours get identical doubles.
    static func densified(_ shape: MultiPolygon, by parts: Int) -> MultiPolygon {
        func ring(_ ring: Ring) -> Ring {
            let v = Array(ring.vertices)
            var result: [Coordinate] = []
            result.reserveCapacity(v.count * parts + 1)
            for i in v.indices {
                let a = v[i]
                let b = v[(i + 1) % v.count]
                result.append(a)
                let forward = (a.lon, a.lat) < (b.lon, b.lat)
                let (p, q) = forward ? (a, b) : (b, a)
                for k in 1..<parts {
                    let j = forward ? k : parts - k
                    let t = Double(j) / Double(parts)
                    result.append(Coordinate(lon: p.lon + (q.lon - p.lon) * t, lat: p.lat + (q.lat - p.lat) * t))
                }
            }
            return Ring(closing: result)
        }
        return MultiPolygon(shape.polygons.map { Polygon(exterior: ring($0.exterior), holes: $0.holes.map(ring)) })
    }
}
