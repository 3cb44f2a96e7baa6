/// Validity checks for polygons and multipolygons (几何有效性检查), OGC simple-features rules
/// with RFC 7946 orientation:
/// - each ring closed, with at least 3 distinct corners and no repeated consecutive point;
/// - no ring crosses, touches or overlaps itself (a pinched "figure 8" counts);
/// - exterior counter-clockwise, holes clockwise;
/// - rings of one polygon do not cross or share an edge stretch (touching at a point is allowed),
///   every hole lies inside its exterior and not inside another hole;
/// - parts of a multipolygon do not overlap (they may touch; unlike strict OGC, a shared edge
///   stretch between parts is not reported, since it encloses no area).
public enum GeometryValidator: Sendable {
    /// At most this many self-intersections are listed per ring; one is enough to reject.
    static let maximumReportsPerRing = 10

    public static func problems(of geometry: some Polygonal) -> [GeometryProblem] {
        var problems: [GeometryProblem] = []
        var partsAreSound = true
        for (index, polygon) in geometry.polygons.enumerated() {
            let found = polygonProblems(polygon, index: index)
            if found.contains(where: { !$0.isRepairable }) { partsAreSound = false }
            problems += found
        }
        if partsAreSound && geometry.polygons.count > 1 {
            problems += partOverlapProblems(geometry.polygons)
        }
        return problems
    }

    static func polygonProblems(_ polygon: Polygon, index: Int) -> [GeometryProblem] {
        var problems: [GeometryProblem] = []
        for (k, ring) in polygon.rings.enumerated() {
            problems += ringProblems(ring, path: RingPath(polygon: index, ring: k))
        }
        // How rings relate is only meaningful once each ring is a proper simple ring.
        guard problems.allSatisfy(\.isRepairable) else { return problems }
        problems += crossRingProblems(polygon, index: index)
        guard !problems.contains(where: { if case .ringsIntersect = $0 { true } else { false } }) else { return problems }
        for (h, hole) in polygon.holes.enumerated() {
            let path = RingPath(polygon: index, ring: h + 1)
            if let probe = hole.vertices.first(where: { polygon.exterior.locate($0) != .boundary }),
               polygon.exterior.locate(probe) == .outside {
                problems.append(.holeOutsideShell(path))
            }
            for (o, other) in polygon.holes.enumerated() where o != h {
                if let probe = hole.vertices.first(where: { other.locate($0) != .boundary }),
                   other.locate(probe) == .inside {
                    problems.append(.nestedHoles(path, inside: RingPath(polygon: index, ring: o + 1)))
                }
            }
        }
        return problems
    }

    /// Problems of one ring on its own.
    static func ringProblems(_ ring: Ring, path: RingPath) -> [GeometryProblem] {
        var problems: [GeometryProblem] = []
        let coordinates = ring.coordinates
        if let bad = coordinates.firstIndex(where: { !$0.isValidGeographic }) {
            return [.invalidCoordinate(path, index: bad)]
        }
        if !ring.isClosed && coordinates.count > 1 { problems.append(.notClosed(path)) }
        for i in coordinates.indices.dropFirst() where coordinates[i] == coordinates[i - 1] {
            problems.append(.duplicateConsecutivePoints(path, index: i, at: coordinates[i]))
        }
        let vertices = ring.distinctVertices
        guard vertices.count >= 3 else {
            problems.append(.tooFewPoints(path, distinctCount: vertices.count))
            return problems
        }
        let crossings = selfIntersections(vertices)
        problems += crossings.map { .selfIntersection(path, at: $0) }
        if crossings.isEmpty {
            let counterClockwise = Ring(closing: vertices).isCounterClockwise
            if counterClockwise != path.isExterior { problems.append(.wrongOrientation(path)) }
        }
        return problems
    }

    /// Where the edges of a ring meet other than at the corner two neighbours share.
    static func selfIntersections(_ vertices: [Coordinate]) -> [Coordinate] {
        let n = vertices.count
        let segments = (0..<n).map {
            EdgeSweep.Segment(a: vertices[$0], b: vertices[($0 + 1) % n], tag: 0, index: $0)
        }
        var found: [Coordinate] = []
        EdgeSweep.forEachCandidatePair(segments) { s, t in
            let (first, second) = s.index < t.index ? (s, t) : (t, s)
            let adjacent = second.index == first.index + 1 || (first.index == 0 && second.index == n - 1)
            if adjacent {
                // Neighbours share one corner; they are wrong only if they fold back onto each other.
                let (shared, before, after) = second.index == first.index + 1
                    ? (first.b, first.a, second.b) : (first.a, first.b, second.a)
                if Orientation.sign(before, shared, after) == 0 {
                    let dot = (before.lon - shared.lon) * (after.lon - shared.lon)
                        + (before.lat - shared.lat) * (after.lat - shared.lat)
                    if dot > 0 { found.append(shared) }
                }
            } else {
                switch SegmentIntersection.classify(s.a, s.b, t.a, t.b) {
                case .none: break
                case let .proper(at), let .touch(at), let .overlap(at): found.append(at)
                }
            }
            return found.count < maximumReportsPerRing
        }
        return found
    }

    /// Crossings and shared stretches between different rings of one polygon.
    static func crossRingProblems(_ polygon: Polygon, index: Int) -> [GeometryProblem] {
        guard !polygon.holes.isEmpty else { return [] }
        var segments: [EdgeSweep.Segment] = []
        for (k, ring) in polygon.rings.enumerated() {
            let v = ring.distinctVertices
            for i in v.indices {
                segments.append(EdgeSweep.Segment(a: v[i], b: v[(i + 1) % v.count], tag: k, index: i))
            }
        }
        var problems: [GeometryProblem] = []
        var reported = Set<[Int]>()
        EdgeSweep.forEachCandidatePair(segments) { s, t in
            guard s.tag != t.tag else { return true }
            let key = [Swift.min(s.tag, t.tag), Swift.max(s.tag, t.tag)]
            guard !reported.contains(key) else { return true }
            switch SegmentIntersection.classify(s.a, s.b, t.a, t.b) {
            case let .proper(at), let .overlap(at):
                reported.insert(key)
                problems.append(.ringsIntersect(
                    RingPath(polygon: index, ring: key[0]), RingPath(polygon: index, ring: key[1]), at: at))
            case .none, .touch:
                break
            }
            return true
        }
        return problems
    }

    /// Overlaps between parts, measured by the slab overlay; slivers below 0.01 m² are rounding.
    static func partOverlapProblems(_ parts: [Polygon]) -> [GeometryProblem] {
        let report = CoverageAnalysis.overlaps(among: parts)
        return report.overlaps.map { piece in
            let first = piece.members.first ?? 0
            let second = piece.members.dropFirst().first ?? first
            return .partsOverlap(first: first, second: second, area: piece.area, at: piece.location)
        }
    }
}

extension Ring {
    /// Corners without consecutive repeats and without the closing repetition.
    var distinctVertices: [Coordinate] {
        var result: [Coordinate] = []
        result.reserveCapacity(coordinates.count)
        for c in coordinates where c != result.last { result.append(c) }
        while result.count > 1, result.last == result.first { result.removeLast() }
        return result
    }
}

extension Polygonal {
    /// Every validity problem (empty when valid). See `GeometryValidator`.
    public func validate() -> [GeometryProblem] {
        GeometryValidator.problems(of: self)
    }

    /// True when `validate()` finds nothing.
    public var isValid: Bool { validate().isEmpty }

    /// Self, or a user-facing error listing every problem.
    public func validated(field: String? = "geometry") throws(GeometryValidationError) -> Self {
        let problems = validate()
        guard problems.isEmpty else { throw GeometryValidationError(field: field, problems: problems) }
        return self
    }
}
