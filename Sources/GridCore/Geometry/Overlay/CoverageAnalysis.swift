/// Gap and overlap analysis of polygons against a container, on top of `SlabOverlay`.
public enum CoverageAnalysis: Sendable {
    /// Analyses how `pieces` cover `container` (pass nil to look only for overlaps).
    /// - Parameter minimumPieceArea: pieces smaller than this (m²) are rounding slivers and are
    ///   left out of the lists; the default 0.01 m² is a 10 cm square.
    public static func analyze<Container: Polygonal, Piece: Polygonal>(
        container: Container?, pieces: [Piece], minimumPieceArea: Double = 0.01
    ) -> CoverageReport {
        let hasContainer = container != nil
        let layers = (container.map { [$0.polygons] } ?? []) + pieces.map(\.polygons)
        let overlay = SlabOverlay(layers: layers)
        var collector = Collector(firstPiece: hasContainer ? 1 : 0)
        overlay.sweep(&collector)
        return collector.report(overlay: overlay, minimumPieceArea: minimumPieceArea)
    }

    /// Convenience for when there is no container: only overlaps are looked for.
    public static func overlaps<Piece: Polygonal>(among pieces: [Piece], minimumPieceArea: Double = 0.01) -> CoverageReport {
        analyze(container: Optional<MultiPolygon>.none, pieces: pieces, minimumPieceArea: minimumPieceArea)
    }

    /// What a trapezoid is a piece of. Members are piece indices (container excluded), sorted.
    private enum Kind: Hashable {
        case gap
        case overlap([Int])
        case outside([Int])
    }

    /// Accumulates totals and joins defect trapezoids of neighbouring slabs into pieces.
    private struct Collector: SlabVisitor {
        let firstPiece: Int
        var containerArea = 0.0
        var gapArea = 0.0
        var overlapArea = 0.0
        var outsideArea = 0.0
        /// Per overlapping pair: total area and the largest trapezoid, for a location.
        var pairs: [[Int]: (area: Double, largest: SlabTrapezoid)] = [:]

        var trapezoids: [SlabTrapezoid] = []
        var kinds: [Kind] = []
        var parent: [Int] = []
        /// Defect trapezoids of the previous and the current slab, south to north.
        var previousSlab: [Int] = []
        var currentSlab: [Int] = []
        var lastRight = -Double.infinity

        init(firstPiece: Int) {
            self.firstPiece = firstPiece
        }

        mutating func beginSlab(left: Double, right: Double) {
            // Only a slab that starts where the last one ended can continue its pieces.
            previousSlab = lastRight == left ? currentSlab : []
            currentSlab = []
            lastRight = right
        }

        mutating func visit(_ trapezoid: SlabTrapezoid, members: ArraySlice<Int>) {
            let area = trapezoid.area
            let hasContainer = firstPiece == 1
            let inContainer = hasContainer && members.contains(0)
            let spills = hasContainer && !inContainer
            let pieces = members.filter { $0 >= firstPiece }.map { $0 - firstPiece }.sorted()
            if inContainer { containerArea += area }
            if spills { outsideArea += area }
            if pieces.count >= 2 {
                overlapArea += area
                for i in pieces.indices {
                    for j in pieces.indices where j > i {
                        let key = [pieces[i], pieces[j]]
                        let previous = pairs[key] ?? (0, trapezoid)
                        pairs[key] = (previous.area + area, previous.largest.area >= area ? previous.largest : trapezoid)
                    }
                }
                add(trapezoid, .overlap(pieces))
            } else if spills {
                add(trapezoid, .outside(pieces))
            } else if inContainer && pieces.isEmpty {
                gapArea += area
                add(trapezoid, .gap)
            }
        }

        private mutating func add(_ trapezoid: SlabTrapezoid, _ kind: Kind) {
            let id = trapezoids.count
            trapezoids.append(trapezoid)
            kinds.append(kind)
            parent.append(id)
            // Join with same-kind trapezoids of the previous slab whose right side overlaps this
            // one's left side over a positive length.
            for other in previousSlab where kinds[other] == kind {
                let o = trapezoids[other]
                let low = Swift.max(o.bottomRight, trapezoid.bottomLeft)
                let high = Swift.min(o.topRight, trapezoid.topLeft)
                if high > low { union(id, other) }
            }
            currentSlab.append(id)
        }

        private mutating func find(_ i: Int) -> Int {
            var root = i
            while parent[root] != root { root = parent[root] }
            var node = i
            while parent[node] != root {
                let next = parent[node]
                parent[node] = root
                node = next
            }
            return root
        }

        private mutating func union(_ a: Int, _ b: Int) {
            let ra = find(a)
            let rb = find(b)
            if ra != rb { parent[ra] = rb }
        }

        mutating func report(overlay: SlabOverlay, minimumPieceArea: Double) -> CoverageReport {
            var groups: [Int: [Int]] = [:]
            for id in trapezoids.indices { groups[find(id), default: []].append(id) }
            var gaps: [CoveragePiece] = []
            var overlaps: [CoveragePiece] = []
            var outside: [CoveragePiece] = []
            for ids in groups.values {
                let area = ids.reduce(0) { $0 + trapezoids[$1].area }
                guard area >= minimumPieceArea, let largest = ids.max(by: { trapezoids[$0].area < trapezoids[$1].area })
                else { continue }
                var box: BoundingBox?
                for id in ids {
                    let t = trapezoids[id]
                    for corner in [PlanarPoint(x: t.left, y: t.bottomLeft), PlanarPoint(x: t.left, y: t.topLeft),
                                   PlanarPoint(x: t.right, y: t.bottomRight), PlanarPoint(x: t.right, y: t.topRight)] {
                        let c = overlay.inverse(corner)
                        box = box?.union(BoundingBox(minLon: c.lon, minLat: c.lat, maxLon: c.lon, maxLat: c.lat))
                            ?? BoundingBox(minLon: c.lon, minLat: c.lat, maxLon: c.lon, maxLat: c.lat)
                    }
                }
                let location = overlay.inverse(trapezoids[largest].interiorPoint)
                let bounds = box ?? BoundingBox(minLon: location.lon, minLat: location.lat, maxLon: location.lon, maxLat: location.lat)
                switch kinds[largest] {
                case .gap:
                    gaps.append(CoveragePiece(area: area, location: location, bounds: bounds, members: []))
                case let .overlap(members):
                    overlaps.append(CoveragePiece(area: area, location: location, bounds: bounds, members: members))
                case let .outside(members):
                    outside.append(CoveragePiece(area: area, location: location, bounds: bounds, members: members))
                }
            }
            // Largest first; ties broken by place so the order never depends on hashing.
            let byArea: (CoveragePiece, CoveragePiece) -> Bool = {
                $0.area != $1.area ? $0.area > $1.area : ($0.location.lon, $0.location.lat) < ($1.location.lon, $1.location.lat)
            }
            let pairwise = pairs
                .map { key, value in
                    PairwiseOverlap(first: key[0], second: key[1], area: value.area, location: overlay.inverse(value.largest.interiorPoint))
                }
                .sorted { $0.area != $1.area ? $0.area > $1.area : ($0.first, $0.second) < ($1.first, $1.second) }
            return CoverageReport(
                containerArea: containerArea, gapArea: gapArea, overlapArea: overlapArea, outsideArea: outsideArea,
                gaps: gaps.sorted(by: byArea), overlaps: overlaps.sorted(by: byArea), outside: outside.sorted(by: byArea),
                pairwiseOverlaps: pairwise)
        }
    }
}
