import Foundation

/// Recursive equal-area bisection by straight cuts (等面积二分): a region is cut across its
/// longer extent, at the offset where the area on one side is the wanted share, then each side
/// is cut again until there are as many pieces as asked. Cut angles are jittered by the seeded
/// generator; of a few candidate angles the one leaving the fewest separate parts wins, so
/// pieces stay in one part wherever the outline allows.
struct BalancedBisection {
    var generator: SeededGenerator
    /// How close (degrees, ≈ 1 cm) a cut may pass by a vertex; closer cuts are nudged aside so
    /// every crossing is a clean one.
    let vertexClearance = 1e-7
    let candidateAngles = 3

    init(generator: SeededGenerator) {
        self.generator = generator
    }

    /// `count` pieces of equal area tiling `region` (a set of polygons without holes).
    mutating func split(_ region: [Polygon], into count: Int) throws(PartitionError) -> [[Polygon]] {
        guard count > 1 else { return [region] }
        let leftCount = count / 2
        let pieces = try bestCut(region, leftShare: Double(leftCount) / Double(count))
        return try split(pieces.left, into: leftCount) + split(pieces.right, into: count - leftCount)
    }

    private mutating func bestCut(_ region: [Polygon], leftShare: Double) throws(PartitionError) -> LineSplit.Pieces {
        guard let box = MultiPolygon(region).boundingBox else { throw .internalFailure("empty region to cut") }
        let latitude = box.center.lat
        let widthMetres = box.width * cos(latitude * .pi / 180)
        let across = widthMetres >= box.height ? 0.0 : Double.pi / 2
        var best: (score: (Int, Double), pieces: LineSplit.Pieces)?
        for _ in 0..<candidateAngles {
            let angle = across + generator.next(in: -0.35...0.35)
            var line = CutLine(angle: angle, latitude: latitude)
            line.offset = offset(region, line, leftShare: leftShare)
            nudgeOffVertices(region, &line)
            let pieces = try LineSplit.split(region, by: line)
            guard !pieces.left.isEmpty, !pieces.right.isEmpty else { continue }
            let score = (pieces.left.count + pieces.right.count, perimeter(pieces.left) + perimeter(pieces.right))
            if let current = best, current.score <= score { continue }
            best = (score, pieces)
        }
        guard let best else { throw .internalFailure("no cut divides the region") }
        return best.pieces
    }

    /// Bisection on the offset: the share of area on the left falls from 1 to 0 as it grows.
    private func offset(_ region: [Polygon], _ line: CutLine, leftShare: Double) -> Double {
        let vertices = region.flatMap { $0.exterior.vertices }
        let projections = vertices.map(line.projection)
        var low = projections.min() ?? 0
        var high = projections.max() ?? 0
        let total = HalfPlaneArea.area(region, line, offset: -Double.infinity)
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if HalfPlaneArea.area(region, line, offset: middle) > leftShare * total { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    private func nudgeOffVertices(_ region: [Polygon], _ line: inout CutLine) {
        let projections = region.flatMap { $0.exterior.vertices.map(line.projection) }
        for attempt in 0..<1000 {
            guard projections.contains(where: { abs($0 - line.offset) < vertexClearance }) else { return }
            line.offset += Double(attempt % 2 == 0 ? attempt + 1 : -(attempt + 1)) * vertexClearance
        }
    }

    /// Perimeter in metres (approximate), to prefer short cuts.
    private func perimeter(_ polygons: [Polygon]) -> Double {
        var total = 0.0
        for polygon in polygons {
            polygon.exterior.forEachEdge { a, b in
                let dx = (b.lon - a.lon) * cos(a.lat * .pi / 180)
                let dy = b.lat - a.lat
                total += (dx * dx + dy * dy).squareRoot()
            }
        }
        return total * 111_195
    }
}

/// Area of polygons on the left of a cut (side > offset), in locally scaled degree² — only its
/// ratio to the total matters. Half-plane clipping may join pieces by zero-width bridges, which
/// add no area, so this cheap form is exact for areas even though its rings are not pieces.
enum HalfPlaneArea {
    static func area(_ polygons: [Polygon], _ line: CutLine, offset: Double) -> Double {
        var total = 0.0
        for polygon in polygons {
            let v = polygon.exterior.vertices
            guard let origin = v.first else { continue }
            let scale = cos(origin.lat * .pi / 180)
            var clipped: [Coordinate] = []
            var previous = v[v.endIndex - 1]
            var previousSide = line.projection(previous) - offset
            for c in v {
                let side = line.projection(c) - offset
                if (previousSide > 0) != (side > 0) {
                    let t = previousSide / (previousSide - side)
                    clipped.append(Coordinate(lon: previous.lon + t * (c.lon - previous.lon), lat: previous.lat + t * (c.lat - previous.lat)))
                }
                if side > 0 { clipped.append(c) }
                previous = c
                previousSide = side
            }
            guard clipped.count >= 3 else { continue }
            var sum = 0.0
            var last = clipped[clipped.count - 1]
            for c in clipped {
                sum += ((last.lon - origin.lon) * (c.lat - origin.lat) - (c.lon - origin.lon) * (last.lat - origin.lat)) * scale
                last = c
            }
            total += abs(sum) / 2
        }
        return total
    }
}
