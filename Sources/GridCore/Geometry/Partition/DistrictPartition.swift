/// One unit of a generated partition: a street (街道), community (社区) or grid (网格).
public struct PartitionUnit: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case street
        case community
        /// 一般网格: tiles its community with the other general grids.
        case generalGrid
        /// 专属网格 (school, park, market…): lies inside a community over its general grids.
        case specialGrid
    }

    public var kind: Kind
    /// 9 digits for a street, 12 for a community, 15 for a grid (see `GridCode`).
    public var code: String
    /// The parent's code: the county (6 digits), street (9) or community (12).
    public var parentCode: String
    /// In the datum of the district outline the partition was made from.
    public var geometry: MultiPolygon

    /// The grid code of a grid unit.
    public var gridCode: GridCode? { try? GridCode(code) }
}

/// A generated district hierarchy for demos and benchmarks (演示网格). Every unit's children
/// tile it exactly: no gap, no overlap, and shared boundaries carry identical vertices, down to
/// the district outline (which gains the vertices where cuts meet it). Special grids overlay.
public struct DistrictPartition: Sendable, Hashable {
    public var countyCode: String
    public var outline: MultiPolygon
    public var streets: [PartitionUnit]
    public var communities: [PartitionUnit]
    public var generalGrids: [PartitionUnit]
    public var specialGrids: [PartitionUnit]

    /// General grids then special grids.
    public var grids: [PartitionUnit] { generalGrids + specialGrids }

    /// The units whose parent is `code`, in code order.
    public func children(of code: String) -> [PartitionUnit] {
        (streets + communities + grids).filter { $0.parentCode == code }.sorted { $0.code < $1.code }
    }
}
