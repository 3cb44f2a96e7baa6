import Foundation
import Testing
@testable import GridCore

/// Pidu's outline partitioned into the plan of the seed reports, built once for all tests.
private let piduPartition: DistrictPartition? = {
    guard let outline = try? GeometryFixtures.districtOutline("510117") else { return nil }
    return try? Partitioner.partition(outline, countyCode: "510117", plan: .pidu, seed: 510_117)
}()

struct PartitionerTests {
    private func partition() throws -> DistrictPartition { try #require(piduPartition) }

    /// Undirected edges of a shape as exact coordinate pairs.
    private func edges(_ shape: MultiPolygon) -> [[Coordinate]] {
        var result: [[Coordinate]] = []
        for ring in shape.allRings {
            ring.forEachEdge { a, b in result.append((a.lon, a.lat) < (b.lon, b.lat) ? [a, b] : [b, a]) }
        }
        return result
    }

    @Test("Pidu gets 14 streets, 195 communities, 555 general and 34 special grids with valid, unique codes", GeometryFixtures.needsSharedData)
    func counts() throws {
        let p = try partition()
        #expect(p.streets.count == 14)
        #expect(p.communities.count == 195)
        #expect(p.generalGrids.count == 555)
        #expect(p.specialGrids.count == 34)
        let codes = p.grids.compactMap(\.gridCode)
        #expect(codes.count == 589)
        #expect(Set(codes).count == 589)
        #expect(p.streets.map(\.code) == (1...14).map { String(format: "510117%03d", $0) })
        for community in p.communities {
            let generals = p.generalGrids.filter { $0.parentCode == community.code }
            #expect((2...3).contains(generals.count))
            #expect(generals.map { $0.gridCode?.serial } == Array(1...generals.count))
            #expect(generals.allSatisfy { $0.gridCode?.communityCode == community.code })
        }
        #expect(Set(p.communities.map(\.parentCode)).count == 14)
        #expect(p.streets.allSatisfy { (13...14).contains(p.children(of: $0.code).count) })
    }

    @Test("every street, community and grid is a valid polygon or multipolygon", GeometryFixtures.needsSharedData)
    func validity() throws {
        let p = try partition()
        for unit in p.streets + p.communities + p.grids {
            let problems = unit.geometry.validate()
            #expect(problems.isEmpty, "\(unit.code): \(problems.map(\.message.en))")
        }
        #expect(p.outline.validate().isEmpty)
    }

    @Test("children's areas add up to their parent's at every level", GeometryFixtures.needsSharedData)
    func areasAddUp() throws {
        let p = try partition()
        func check(_ parent: MultiPolygon, _ children: [PartitionUnit], _ name: String) {
            let sum = children.reduce(0) { $0 + $1.geometry.area }
            #expect(abs(sum - parent.area) < 1e-9 * parent.area, "\(name): \(sum) vs \(parent.area)")
        }
        check(p.outline, p.streets, "district")
        for street in p.streets { check(street.geometry, p.communities.filter { $0.parentCode == street.code }, street.code) }
        for community in p.communities { check(community.geometry, p.generalGrids.filter { $0.parentCode == community.code }, community.code) }
        // Balanced: grids of one community have equal areas.
        for community in p.communities.prefix(20) {
            let areas = p.generalGrids.filter { $0.parentCode == community.code }.map(\.geometry.area)
            #expect((areas.max() ?? 0) - (areas.min() ?? 0) < 1e-3 * (areas.max() ?? 1))
        }
    }

    @Test("general grids tile their community, communities their street, streets the district: no gap, no overlap", GeometryFixtures.needsSharedData)
    func seamlessCoverage() throws {
        let p = try partition()
        let district = CoverageAnalysis.analyze(container: p.outline, pieces: p.generalGrids.map(\.geometry), minimumPieceArea: 0)
        #expect(district.isSeamless)
        #expect(district.gapArea == 0 && district.overlapArea == 0 && district.outsideArea == 0)
        let streets = CoverageAnalysis.analyze(container: p.outline, pieces: p.streets.map(\.geometry), minimumPieceArea: 0)
        #expect(streets.isSeamless)
        for street in p.streets {
            let report = CoverageAnalysis.analyze(
                container: street.geometry, pieces: p.communities.filter { $0.parentCode == street.code }.map(\.geometry), minimumPieceArea: 0)
            #expect(report.isSeamless, "\(street.code)")
        }
        for community in p.communities {
            let report = CoverageAnalysis.analyze(
                container: community.geometry, pieces: p.generalGrids.filter { $0.parentCode == community.code }.map(\.geometry), minimumPieceArea: 0)
            #expect(report.isSeamless, "\(community.code)")
        }
    }

    @Test("shared boundaries are vertex-for-vertex identical: inner edges twice, the parent's outline once", GeometryFixtures.needsSharedData)
    func identicalSharedEdges() throws {
        let p = try partition()
        func check(_ parent: MultiPolygon, _ children: [PartitionUnit], _ name: String) {
            var counts: [[Coordinate]: Int] = [:]
            for child in children { for edge in edges(child.geometry) { counts[edge, default: 0] += 1 } }
            let outlineEdges = Set(edges(parent))
            let once = Set(counts.filter { $0.value == 1 }.keys)
            #expect(once == outlineEdges, "\(name): \(once.symmetricDifference(outlineEdges).count) edges differ")
            #expect(counts.values.allSatisfy { $0 <= 2 }, "\(name)")
        }
        check(p.outline, p.streets, "district")
        for street in p.streets { check(street.geometry, p.communities.filter { $0.parentCode == street.code }, street.code) }
        for community in p.communities { check(community.geometry, p.generalGrids.filter { $0.parentCode == community.code }, community.code) }
    }

    @Test("special grids lie strictly inside their community and are numbered after its general grids", GeometryFixtures.needsSharedData)
    func specialGrids() throws {
        let p = try partition()
        #expect(Set(p.specialGrids.map(\.parentCode)).count == 34)
        for special in p.specialGrids {
            let community = try #require(p.communities.first { $0.code == special.parentCode })
            let generals = p.generalGrids.filter { $0.parentCode == community.code }
            #expect(special.gridCode?.serial == generals.count + 1)
            #expect(special.geometry.polygons.allSatisfy { SpecialGridPlacer.isStrictlyInside($0, community.geometry) })
            #expect(abs(Overlay.intersectionArea(special.geometry, community.geometry) - special.geometry.area) < 1e-6 * special.geometry.area)
            let share = special.geometry.area / community.geometry.area
            #expect(share > 0.005 && share < 0.07)
        }
    }

    @Test("the same seed gives the same partition; another seed a different one", GeometryFixtures.needsSharedData)
    func deterministic() throws {
        let outline = try #require(try GeometryFixtures.districtOutline("510117"))
        let plan = PartitionPlan(streets: 3, communities: 7, generalGrids: 16, specialGrids: 2)
        let first = try Partitioner.partition(outline, countyCode: "510117", plan: plan, seed: 42)
        let second = try Partitioner.partition(outline, countyCode: "510117", plan: plan, seed: 42)
        let other = try Partitioner.partition(outline, countyCode: "510117", plan: plan, seed: 43)
        #expect(first == second)
        #expect(first.generalGrids.map(\.geometry) != other.generalGrids.map(\.geometry))
        #expect(first.generalGrids.count == 16 && first.communities.count == 7)
    }

    @Test("the Pidu grids index correctly: the index agrees with brute force on random points", GeometryFixtures.needsSharedData)
    func indexOverPidu() throws {
        let p = try partition()
        let grids = p.grids
        let index = SpatialIndex(grids.map { ($0.code, $0.geometry) })
        var generator = SeededGenerator(seed: 99)
        let box = try #require(p.outline.boundingBox)
        var generalHits = 0
        for _ in 0..<1500 {
            let point = Coordinate(lon: generator.next(in: box.minLon...box.maxLon), lat: generator.next(in: box.minLat...box.maxLat))
            let expected = grids.filter { $0.geometry.contains(point) }.map(\.code)
            #expect(index.locate(point) == expected)
            // Inside the district exactly one general grid holds an interior point.
            if p.outline.locate(point) == .inside {
                #expect(expected.filter { code in p.generalGrids.contains { $0.code == code } }.count == 1)
                generalHits += 1
            }
        }
        #expect(generalHits > 500)
    }

    @Test("reading order numbers a 2×2 block NW, NE, SW, SE")
    func readingOrder() {
        func cell(_ x: Double, _ y: Double) -> MultiPolygon { MultiPolygon(GeometryFixtures.rectangle(x, y, x + 0.01, y + 0.01)) }
        let (nw, ne, sw, se) = (cell(103.90, 30.81), cell(103.91, 30.812), cell(103.90, 30.80), cell(103.91, 30.798))
        let parentArea = [nw, ne, sw, se].reduce(0) { $0 + $1.area }
        #expect(ReadingOrder.sorted([se, sw, ne, nw], parentArea: parentArea) == [nw, ne, sw, se])
    }

    @Test("bad input is refused with user-facing reasons")
    func badInput() {
        let square = MultiPolygon(GeometryFixtures.rectangle(103.9, 30.8, 104.0, 30.9))
        #expect(throws: PartitionError.invalidCountyCode("51011")) { try Partitioner.partition(square, countyCode: "51011") }
        let tooFew = PartitionPlan(streets: 3, communities: 2, generalGrids: 5, specialGrids: 0)
        #expect(throws: PartitionError.self) { try Partitioner.partition(square, countyCode: "510117", plan: tooFew) }
        let holed = MultiPolygon(GeometryFixtures.squareWithHole(103.9, 30.8, size: 0.1))
        #expect(throws: PartitionError.districtHasHoles) { try Partitioner.partition(holed, countyCode: "510117") }
        let bowTie = MultiPolygon(Polygon([Coordinate(lon: 0, lat: 0), Coordinate(lon: 1, lat: 1), Coordinate(lon: 1, lat: 0), Coordinate(lon: 0, lat: 1)]))
        do {
            _ = try Partitioner.partition(bowTie, countyCode: "510117")
            Issue.record("accepted a bow-tie district")
        } catch {
            #expect(error.field == "district")
            #expect(error.reason.en.contains("intersects itself"))
        }
    }

    @Test("a small plan on a plain square: every grid close to the same area")
    func squareDistrict() throws {
        let square = MultiPolygon(GeometryFixtures.rectangle(103.9, 30.8, 103.95, 30.84))
        let plan = PartitionPlan(streets: 2, communities: 4, generalGrids: 12, specialGrids: 1)
        let p = try Partitioner.partition(square, countyCode: "510117", plan: plan, seed: 1)
        #expect(p.generalGrids.count == 12)
        let areas = p.generalGrids.map(\.geometry.area)
        #expect((areas.max() ?? 0) / (areas.min() ?? 1) < 1.6)
        #expect(CoverageAnalysis.analyze(container: p.outline, pieces: p.generalGrids.map(\.geometry)).isSeamless)
    }
}
