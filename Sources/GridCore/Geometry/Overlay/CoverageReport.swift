/// One connected piece of a coverage defect: a gap, an overlap or a spill outside the container.
public struct CoveragePiece: Sendable, Hashable {
    /// Square metres.
    public var area: Double
    /// A point inside the piece, to show on a map.
    public var location: Coordinate
    public var bounds: BoundingBox
    /// Indices (into the `pieces` passed in) of the polygons involved: both or all overlapping
    /// polygons for an overlap, the spilling polygon(s) for a spill, empty for a gap.
    public var members: [Int]
}

/// Two polygons that overlap, and by how much in total.
public struct PairwiseOverlap: Sendable, Hashable {
    public var first: Int
    public var second: Int
    /// Square metres.
    public var area: Double
    /// A point inside (the largest stretch of) their overlap.
    public var location: Coordinate
}

/// How a set of polygons covers a container (覆盖检查): the "无缝覆盖" rule for general grids
/// says no gap and no overlap. Areas are in square metres and exact up to rounding; the piece
/// lists leave out slivers below the analysis's minimum piece area, the totals do not.
public struct CoverageReport: Sendable, Hashable {
    /// Area of the container (0 when there is none).
    public var containerArea: Double
    /// Area inside the container covered by no piece.
    public var gapArea: Double
    /// Area covered by two or more pieces, counted once.
    public var overlapArea: Double
    /// Area of pieces lying outside the container.
    public var outsideArea: Double
    public var gaps: [CoveragePiece]
    public var overlaps: [CoveragePiece]
    public var outside: [CoveragePiece]
    /// Every overlapping pair with its total overlap area, largest first.
    public var pairwiseOverlaps: [PairwiseOverlap]

    /// Sum of the pairwise overlap areas (an area covered three times counts for three pairs).
    public var totalPairwiseOverlapArea: Double { pairwiseOverlaps.reduce(0) { $0 + $1.area } }

    /// True when the pieces tile the container: no gap, overlap or spill above the sliver size.
    public var isSeamless: Bool { gaps.isEmpty && overlaps.isEmpty && outside.isEmpty }
}
