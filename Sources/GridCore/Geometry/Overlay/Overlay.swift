/// Areas of boolean combinations (叠加分析) of polygonal shapes, in square metres, computed
/// exactly (up to rounding) by slab decomposition; see `SlabOverlay`.
public enum Overlay: Sendable {
    /// Area common to both shapes.
    public static func intersectionArea(_ a: some Polygonal, _ b: some Polygonal) -> Double {
        var sum = AreaSum { $0.count == 2 }
        SlabOverlay(layers: [a.polygons, b.polygons]).sweep(&sum)
        return sum.total
    }

    /// Area covered by at least one of the shapes.
    public static func unionArea<Shape: Polygonal>(_ shapes: [Shape]) -> Double {
        var sum = AreaSum { !$0.isEmpty }
        SlabOverlay(layers: shapes.map(\.polygons)).sweep(&sum)
        return sum.total
    }

    /// Area of `a` not covered by `b`.
    public static func differenceArea(_ a: some Polygonal, _ b: some Polygonal) -> Double {
        var sum = AreaSum { $0.count == 1 && $0.first == 0 }
        SlabOverlay(layers: [a.polygons, b.polygons]).sweep(&sum)
        return sum.total
    }

    private struct AreaSum: SlabVisitor {
        let counts: (ArraySlice<Int>) -> Bool
        var total = 0.0

        init(_ counts: @escaping (ArraySlice<Int>) -> Bool) {
            self.counts = counts
        }

        mutating func beginSlab(left: Double, right: Double) {}

        mutating func visit(_ trapezoid: SlabTrapezoid, members: ArraySlice<Int>) {
            if counts(members) { total += trapezoid.area }
        }
    }
}
