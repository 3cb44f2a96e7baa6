import Foundation

/// One line of a crosswalk (新旧网格对照): how much of an old grid's area lies in a new one.
public struct CrosswalkEntry: Sendable, Hashable, Codable {
    public var oldCode: String
    public var newCode: String
    /// Share of the old grid's area that lies in the new grid, 0–1.
    public var share: Double
    public var area: Double

    public init(oldCode: String, newCode: String, share: Double, area: Double) {
        self.oldCode = oldCode
        self.newCode = newCode
        self.share = share
        self.area = area
    }

    enum CodingKeys: String, CodingKey {
        case share
        case oldCode = "old_code"
        case newCode = "new_code"
        case area = "area_m2"
    }
}

/// Builds crosswalks between two layers of grids: after a split, merge or redraw, and for
/// 多网合一 (a department's old layer against the one map). Shares come from exact overlay areas.
public enum Crosswalk {
    /// For every old shape, the new shapes that cover part of it, with the share of its area.
    /// Slivers below `minimumShare` (rounding along shared edges) are left out.
    public static func compute(
        old: [(code: String, shape: MultiPolygon)], new: [(code: String, shape: MultiPolygon)], minimumShare: Double = 0.0005
    ) -> [CrosswalkEntry] {
        let newBoxes = new.map { $0.shape.boundingBox }
        var entries: [CrosswalkEntry] = []
        for (oldCode, oldShape) in old {
            let oldArea = oldShape.area
            guard oldArea > 0, let box = oldShape.boundingBox else { continue }
            for (index, candidate) in new.enumerated() {
                guard let candidateBox = newBoxes[index], candidateBox.intersects(box) else { continue }
                let area = Overlay.intersectionArea(oldShape, candidate.shape)
                let share = area / oldArea
                if share >= minimumShare {
                    entries.append(CrosswalkEntry(oldCode: oldCode, newCode: candidate.code, share: share, area: area))
                }
            }
        }
        return entries.sorted { ($0.oldCode, -$0.share) < ($1.oldCode, -$1.share) }
    }
}
