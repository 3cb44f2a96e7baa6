/// Splits polygons without holes by a straight line into the pieces on each side (直线切分).
///
/// Unlike Sutherland–Hodgman clipping, which joins the separate pieces of a concave polygon with
/// zero-width bridges along the line, this returns every piece as its own simple polygon: the
/// crossings of the ring with the line, sorted along the line, pair up (1st–2nd, 3rd–4th, …) into
/// the stretches of the line inside the polygon, and each piece's ring follows the original ring
/// on its side and jumps along such a stretch from where it leaves the side to where it comes
/// back. Each crossing point is computed once, so the two sides share their cut edges exactly.
/// The caller guarantees no vertex lies on the line (`CutLine` offsets are nudged off vertices).
enum LineSplit {
    struct Pieces {
        var left: [Polygon] = []
        var right: [Polygon] = []
    }

    private struct Node {
        var point: Coordinate
        /// For a vertex: whether it is on the left. For a crossing: its rank along the line.
        var isLeft: Bool
        var crossingRank: Int?
    }

    static func split(_ polygons: [Polygon], by line: CutLine) throws(PartitionError) -> Pieces {
        var pieces = Pieces()
        for polygon in polygons {
            let ring = polygon.exterior.distinctVertices
            guard ring.count >= 3 else { continue }
            let sides = ring.map { line.side($0) > 0 }
            if sides.allSatisfy({ $0 }) {
                pieces.left.append(polygon)
            } else if !sides.contains(true) {
                pieces.right.append(polygon)
            } else {
                pieces.left += try walk(ring, sides, line, keepLeft: true)
                pieces.right += try walk(ring, sides, line, keepLeft: false)
            }
        }
        return pieces
    }

    /// The ring with its crossings inserted (crossings ranked along the line).
    private static func nodes(_ ring: [Coordinate], _ sides: [Bool], _ line: CutLine) -> [Node] {
        var nodes: [Node] = []
        var crossingNodes: [(along: Double, node: Int)] = []
        for i in ring.indices {
            nodes.append(Node(point: ring[i], isLeft: sides[i], crossingRank: nil))
            let j = (i + 1) % ring.count
            if sides[i] != sides[j] {
                let x = line.crossing(ring[i], ring[j])
                crossingNodes.append((line.along(x), nodes.count))
                nodes.append(Node(point: x, isLeft: false, crossingRank: 0))
            }
        }
        crossingNodes.sort { $0.along < $1.along }
        for (rank, entry) in crossingNodes.enumerated() { nodes[entry.node].crossingRank = rank }
        return nodes
    }

    private static func walk(_ ring: [Coordinate], _ sides: [Bool], _ line: CutLine, keepLeft: Bool) throws(PartitionError) -> [Polygon] {
        let nodes = nodes(ring, sides, line)
        let count = nodes.count
        var nodeOfRank: [Int: Int] = [:]
        for (i, node) in nodes.enumerated() { if let rank = node.crossingRank { nodeOfRank[rank] = i } }
        // Entries: crossings after which the ring continues on the kept side.
        let entries = nodes.indices.filter { i in
            nodes[i].crossingRank != nil && nodes[(i + 1) % count].crossingRank == nil && nodes[(i + 1) % count].isLeft == keepLeft
        }
        var used = Set<Int>()
        var result: [Polygon] = []
        for start in entries where !used.contains(start) {
            var points: [Coordinate] = []
            var current = start
            var steps = 0
            while true {
                used.insert(current)
                points.append(nodes[current].point)
                var i = (current + 1) % count
                while nodes[i].crossingRank == nil {
                    points.append(nodes[i].point)
                    i = (i + 1) % count
                    steps += 1
                    if steps > 4 * count { throw PartitionError.internalFailure("line split did not close a ring") }
                }
                points.append(nodes[i].point)
                guard let rank = nodes[i].crossingRank, let partner = nodeOfRank[rank ^ 1] else {
                    throw PartitionError.internalFailure("unpaired crossing in line split")
                }
                if partner == start { break }
                let next = nodes[(partner + 1) % count]
                guard next.crossingRank == nil, next.isLeft == keepLeft else {
                    throw PartitionError.internalFailure("line split paired a crossing with one leaving the side")
                }
                current = partner
            }
            var ringPoints: [Coordinate] = []
            for p in points where p != ringPoints.last { ringPoints.append(p) }
            if ringPoints.count > 1, ringPoints.first == ringPoints.last { ringPoints.removeLast() }
            if ringPoints.count >= 3 { result.append(Polygon(ringPoints)) }
        }
        return result
    }
}
