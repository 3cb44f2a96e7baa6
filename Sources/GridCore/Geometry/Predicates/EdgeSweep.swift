/// Candidate pairs of segments whose bounding boxes overlap, found by sorting on the western
/// end and scanning forward: near-linear for the edge sets of real boundaries instead of n².
struct EdgeSweep {
    struct Segment {
        var a: Coordinate
        var b: Coordinate
        /// Caller's tag, e.g. which ring the segment belongs to.
        var tag: Int
        var index: Int
        var minLon: Double { Swift.min(a.lon, b.lon) }
        var maxLon: Double { Swift.max(a.lon, b.lon) }
        var minLat: Double { Swift.min(a.lat, b.lat) }
        var maxLat: Double { Swift.max(a.lat, b.lat) }
    }

    /// Calls `body` once per unordered pair with overlapping boxes; stop by returning false.
    static func forEachCandidatePair(_ segments: [Segment], _ body: (Segment, Segment) -> Bool) {
        let order = segments.indices.sorted { segments[$0].minLon < segments[$1].minLon }
        for (position, i) in order.enumerated() {
            let s = segments[i]
            let sMaxLon = s.maxLon
            for j in order[(position + 1)...] {
                let t = segments[j]
                if t.minLon > sMaxLon { break }
                guard t.minLat <= s.maxLat, s.minLat <= t.maxLat else { continue }
                if !body(s, t) { return }
            }
        }
    }
}
