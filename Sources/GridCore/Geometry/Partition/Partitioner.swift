/// Generates a demo hierarchy (演示网格划分) for a real district outline: streets, communities,
/// general grids tiling each community exactly, and special grids inside communities.
///
/// Deterministic: the same outline, plan and seed give the same partition on every machine
/// (a SplitMix64 generator, no system randomness, no hash-order dependence). Each level is cut
/// from its parent by recursive equal-area bisection with straight lines (`BalancedBisection`,
/// `LineSplit`), so siblings have equal areas and tile their parent; then `VertexNoding` inserts
/// every vertex lying on another unit's edge, so shared boundaries are vertex-for-vertex identical
/// at every level. Codes follow `GridCode`: streets 001… and communities 001… in reading order
/// inside their parent, general grids 001… in reading order (west→east, rows north→south) inside
/// their community, special grids numbered after their community's general grids.
///
/// Limits: outlines with holes (enclaves) are rejected; a unit is a multipolygon where a cut
/// crosses a concave outline more than twice.
public enum Partitioner: Sendable {
    public static func partition(
        _ district: MultiPolygon, countyCode: String, plan: PartitionPlan = .pidu, seed: UInt64 = 510_117
    ) throws(PartitionError) -> DistrictPartition {
        guard countyCode.count == 6, countyCode.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
              (try? GridCode.checkCounty(countyCode, field: nil)) != nil
        else { throw .invalidCountyCode(countyCode) }
        try plan.validate()
        let outline = district.normalized()
        guard outline.polygons.allSatisfy({ $0.holes.isEmpty }) else { throw .districtHasHoles }
        let problems = outline.validate()
        guard problems.isEmpty else { throw .invalidDistrict(problems) }

        var generator = SeededGenerator(seed: seed)
        let communityCounts = evenCounts(plan.communities, over: plan.streets, &generator)
        let gridCounts = evenCounts(plan.generalGrids, over: plan.communities, &generator)
        var bisection = BalancedBisection(generator: SeededGenerator(seed: generator.next()))

        var streets: [PartitionUnit] = []
        var communities: [PartitionUnit] = []
        var grids: [PartitionUnit] = []
        let streetShapes = try pieces(of: outline, count: plan.streets, &bisection)
        for (s, street) in streetShapes.enumerated() {
            let streetCode = countyCode + GridCode.threeDigits(s + 1)
            streets.append(PartitionUnit(kind: .street, code: streetCode, parentCode: countyCode, geometry: street))
            for (c, community) in try pieces(of: street, count: communityCounts[s], &bisection).enumerated() {
                let communityCode = streetCode + GridCode.threeDigits(c + 1)
                communities.append(PartitionUnit(kind: .community, code: communityCode, parentCode: streetCode, geometry: community))
                for (g, grid) in try pieces(of: community, count: gridCounts[communities.count - 1], &bisection).enumerated() {
                    grids.append(PartitionUnit(
                        kind: .generalGrid, code: communityCode + GridCode.threeDigits(g + 1), parentCode: communityCode, geometry: grid))
                }
            }
        }

        let noding = VertexNoding(vertices: Set(grids.flatMap { $0.geometry.allRings.flatMap(\.vertices) }))
        func node(_ unit: PartitionUnit) -> PartitionUnit {
            var unit = unit
            unit.geometry = MultiPolygon(unit.geometry.polygons.map(noding.noded))
            return unit
        }
        let generalGrids = grids.map(node)
        let specials = try specialGrids(plan.specialGrids, in: communities, generalGrids: generalGrids, &generator)
        return DistrictPartition(
            countyCode: countyCode, outline: MultiPolygon(outline.polygons.map(noding.noded)),
            streets: streets.map(node), communities: communities.map(node), generalGrids: generalGrids, specialGrids: specials)
    }

    /// Equal-area pieces of a unit, in reading order.
    private static func pieces(of unit: MultiPolygon, count: Int, _ bisection: inout BalancedBisection) throws(PartitionError) -> [MultiPolygon] {
        let shapes = try bisection.split(unit.polygons, into: count).map { MultiPolygon($0) }
        return ReadingOrder.sorted(shapes, parentArea: unit.area)
    }

    private static func specialGrids(
        _ count: Int, in communities: [PartitionUnit], generalGrids: [PartitionUnit], _ generator: inout SeededGenerator
    ) throws(PartitionError) -> [PartitionUnit] {
        var order = Array(communities.indices)
        shuffle(&order, &generator)
        var result: [PartitionUnit] = []
        for index in order.prefix(count).sorted() {
            let community = communities[index]
            guard let shape = SpecialGridPlacer.place(in: community.geometry, generator: &generator) else {
                throw .internalFailure("no room for a special grid in community \(community.code)")
            }
            let serial = generalGrids.filter { $0.parentCode == community.code }.count + 1
            result.append(PartitionUnit(kind: .specialGrid, code: community.code + GridCode.threeDigits(serial), parentCode: community.code,
                                        geometry: MultiPolygon(shape)))
        }
        return result
    }

    /// `total` split over `parts` as evenly as possible, larger shares at seeded places.
    private static func evenCounts(_ total: Int, over parts: Int, _ generator: inout SeededGenerator) -> [Int] {
        var counts = (0..<parts).map { $0 < total % parts ? total / parts + 1 : total / parts }
        shuffle(&counts, &generator)
        return counts
    }

    /// Fisher–Yates with our own generator, so the order is the same on every platform.
    private static func shuffle<T>(_ items: inout [T], _ generator: inout SeededGenerator) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, Int(generator.next() % UInt64(i + 1)))
        }
    }
}
