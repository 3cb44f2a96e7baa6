/// A trapezoid of the slab decomposition, in metres on the equal-area plane: between the
/// vertical lines `left` and `right`, above the edge running bottomLeft→bottomRight and below
/// the edge running topLeft→topRight.
struct SlabTrapezoid {
    var left: Double
    var right: Double
    var bottomLeft: Double
    var bottomRight: Double
    var topLeft: Double
    var topRight: Double

    var area: Double {
        Swift.max(0, (right - left) * ((topLeft - bottomLeft) + (topRight - bottomRight)) / 2)
    }

    /// A point strictly inside: the middle of the vertical through the middle.
    var interiorPoint: PlanarPoint {
        PlanarPoint(x: (left + right) / 2, y: (bottomLeft + bottomRight + topLeft + topRight) / 4)
    }
}

/// Receives the trapezoids of a slab sweep in order: slab by slab west to east, and within a
/// slab from south to north.
protocol SlabVisitor {
    mutating func beginSlab(left: Double, right: Double)
    /// `members`: the layers covering the trapezoid, unordered, never empty.
    mutating func visit(_ trapezoid: SlabTrapezoid, members: ArraySlice<Int>)
}

/// Exact area overlay of several polygonal layers by slab decomposition (条带分解).
///
/// Between two consecutive event x-coordinates (every vertex x, plus every x where two edges
/// cross) no edges cross, so the edges spanning the slab are totally ordered from south to north
/// and every stretch between two neighbours is a trapezoid covered by a fixed set of layers
/// (even-odd per layer, so holes and multipolygons need no special case). Areas of
/// intersections, unions, gaps and overlaps are then sums of trapezoid areas. Coordinates are
/// projected to the equal-area plane first, so the sums are square metres. Identical shared edges
/// map to identical planar edges, so a seamless tiling yields exactly zero gap and overlap.
struct SlabOverlay {
    struct Edge {
        var x0: Double
        var y0: Double
        var x1: Double
        var y1: Double
        var layer: Int

        /// y on the edge at x; exact at the endpoints so that edges sharing a vertex agree there.
        @inline(__always)
        func y(at x: Double) -> Double {
            if x == x0 { return y0 }
            if x == x1 { return y1 }
            return y0 + (y1 - y0) * ((x - x0) / (x1 - x0))
        }
    }

    let projection: EqualAreaProjection
    let layerCount: Int
    private(set) var edges: [Edge] = []
    private(set) var eventXs: [Double] = []

    /// Layers in order; each is a set of polygons (an empty layer is allowed).
    init(layers: [[Polygon]]) {
        layerCount = layers.count
        let boxes = layers.joined().compactMap(\.boundingBox)
        let box = boxes.dropFirst().reduce(boxes.first) { $0?.union($1) }
        projection = EqualAreaProjection(origin: box?.center ?? Coordinate(lon: 0, lat: 0))
        var xs: [Double] = []
        for (layer, polygons) in layers.enumerated() {
            for ring in polygons.flatMap(\.rings) {
                let points = ring.vertices.map(projection.forward)
                guard var previous = points.last, points.count >= 3 else { continue }
                for p in points {
                    xs.append(p.x)
                    // Vertical edges bound no slab; skipping them loses nothing.
                    if previous.x < p.x {
                        edges.append(Edge(x0: previous.x, y0: previous.y, x1: p.x, y1: p.y, layer: layer))
                    } else if previous.x > p.x {
                        edges.append(Edge(x0: p.x, y0: p.y, x1: previous.x, y1: previous.y, layer: layer))
                    }
                    previous = p
                }
            }
        }
        edges.sort { $0.x0 < $1.x0 }
        xs.sort()
        eventXs = xs.reduce(into: []) { unique, x in if unique.last != x { unique.append(x) } }
    }

    func inverse(_ p: PlanarPoint) -> Coordinate { projection.inverse(p) }

    /// Runs the sweep, feeding every trapezoid of positive area covered by at least one layer.
    func sweep<V: SlabVisitor>(_ visitor: inout V) {
        var state = SweepState(layerCount: layerCount)
        var active: [Int] = []
        var next = 0
        for s in eventXs.indices.dropLast() {
            let left = eventXs[s]
            let right = eventXs[s + 1]
            active.removeAll { edges[$0].x1 <= left }
            while next < edges.count && edges[next].x0 <= left {
                active.append(next)
                next += 1
            }
            guard !active.isEmpty else { continue }
            process(left: left, right: right, active: active, depth: 0, state: &state, visitor: &visitor)
        }
    }

    /// Per-sweep scratch: which layers are inside at the current height.
    private struct SweepState {
        var inside: [Bool]
        var members: [Int] = []
        var order: [(mid: Double, edge: Int)] = []

        init(layerCount: Int) {
            inside = Array(repeating: false, count: layerCount)
        }

        mutating func toggle(_ layer: Int) {
            inside[layer].toggle()
            if inside[layer] {
                members.append(layer)
            } else if let position = members.firstIndex(of: layer) {
                members.swapAt(position, members.count - 1)
                members.removeLast()
            }
        }

        mutating func reset() {
            for layer in members { inside[layer] = false }
            members.removeAll(keepingCapacity: true)
        }
    }

    private func process<V: SlabVisitor>(
        left: Double, right: Double, active: [Int], depth: Int, state: inout SweepState, visitor: inout V
    ) {
        if depth < 4, let cuts = crossings(left: left, right: right, active: active), !cuts.isEmpty {
            var from = left
            for x in cuts + [right] {
                process(left: from, right: x, active: active, depth: depth + 1, state: &state, visitor: &visitor)
                from = x
            }
            return
        }
        visitor.beginSlab(left: left, right: right)
        let middle = (left + right) / 2
        state.order.removeAll(keepingCapacity: true)
        for e in active { state.order.append((edges[e].y(at: middle), e)) }
        state.order.sort { $0.mid < $1.mid }
        for k in state.order.indices.dropLast() {
            let lower = edges[state.order[k].edge]
            let upper = edges[state.order[k + 1].edge]
            state.toggle(lower.layer)
            guard !state.members.isEmpty else { continue }
            let trapezoid = SlabTrapezoid(
                left: left, right: right,
                bottomLeft: lower.y(at: left), bottomRight: lower.y(at: right),
                topLeft: upper.y(at: left), topRight: upper.y(at: right))
            if trapezoid.area > 0 { visitor.visit(trapezoid, members: state.members[...]) }
        }
        state.reset()
    }

    /// The x-coordinates strictly inside the slab where two active edges cross, sorted; nil when
    /// the edges keep one south-to-north order across the slab (the common case, checked in n log n).
    private func crossings(left: Double, right: Double, active: [Int]) -> [Double]? {
        let ends = active.map { (l: edges[$0].y(at: left), r: edges[$0].y(at: right)) }
        let byLeft = ends.indices.sorted { ends[$0].l != ends[$1].l ? ends[$0].l < ends[$1].l : ends[$0].r < ends[$1].r }
        let ordered = zip(byLeft, byLeft.dropFirst()).allSatisfy { ends[$0].r <= ends[$1].r }
        if ordered { return nil }
        var xs: [Double] = []
        for i in ends.indices {
            for j in ends.indices where j > i {
                let dl = ends[i].l - ends[j].l
                let dr = ends[i].r - ends[j].r
                guard (dl < 0 && dr > 0) || (dl > 0 && dr < 0) else { continue }
                let x = left + (right - left) * (dl / (dl - dr))
                if x > left && x < right { xs.append(x) }
            }
        }
        xs.sort()
        return xs.reduce(into: []) { unique, x in if unique.last != x { unique.append(x) } }
    }
}
