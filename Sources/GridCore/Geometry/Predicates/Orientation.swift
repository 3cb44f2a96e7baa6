/// Exact orientation of three points (which side of a line a point lies), the one predicate
/// every point-in-polygon and intersection decision here rests on.
///
/// A floating-point determinant with Shewchuk's error bound answers almost every call; when
/// the bound cannot decide, the determinant is recomputed exactly as a floating-point
/// expansion (error-free sums and FMA products), so points on an edge are found exactly.
enum Orientation {
    /// Shewchuk's `ccwerrboundA`: (3 + 16ε)ε with ε = 2⁻⁵³.
    private static let errorBound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53

    /// +1 when `c` lies left of the directed line a→b (a, b, c counter-clockwise), −1 when right,
    /// 0 when the three points are exactly collinear.
    @inline(__always)
    static func sign(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int {
        let detLeft = (ax - cx) * (by - cy)
        let detRight = (ay - cy) * (bx - cx)
        let det = detLeft - detRight
        let detSum: Double
        if detLeft > 0 {
            if detRight <= 0 { return det > 0 ? 1 : (det < 0 ? -1 : 0) }
            detSum = detLeft + detRight
        } else if detLeft < 0 {
            if detRight >= 0 { return det > 0 ? 1 : (det < 0 ? -1 : 0) }
            detSum = -detLeft - detRight
        } else {
            return det > 0 ? 1 : (det < 0 ? -1 : 0)
        }
        let bound = errorBound * detSum
        if det > bound { return 1 }
        if -det > bound { return -1 }
        return exactSign(ax, ay, bx, by, cx, cy)
    }

    @inline(__always)
    static func sign(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate) -> Int {
        sign(a.lon, a.lat, b.lon, b.lat, c.lon, c.lat)
    }

    /// True when `p` lies on the closed segment a–b, decided exactly.
    @inline(__always)
    static func isOnSegment(_ px: Double, _ py: Double, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Bool {
        guard px >= Swift.min(ax, bx), px <= Swift.max(ax, bx), py >= Swift.min(ay, by), py <= Swift.max(ay, by)
        else { return false }
        return sign(ax, ay, bx, by, px, py) == 0
    }

    @inline(__always)
    static func isOnSegment(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Bool {
        isOnSegment(p.lon, p.lat, a.lon, a.lat, b.lon, b.lat)
    }

    /// The sign of (ax−cx)(by−cy) − (ay−cy)(bx−cx) computed without rounding error.
    @inline(never)
    static func exactSign(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int {
        let acx = ExactArithmetic.twoDiff(ax, cx)
        let bcy = ExactArithmetic.twoDiff(by, cy)
        let acy = ExactArithmetic.twoDiff(ay, cy)
        let bcx = ExactArithmetic.twoDiff(bx, cx)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 18) { buffer in
            var expansion = ExactArithmetic.Expansion(storage: buffer)
            expansion.addProduct(acx.hi, bcy.hi)
            expansion.addProduct(acx.hi, bcy.lo)
            expansion.addProduct(acx.lo, bcy.hi)
            expansion.addProduct(acx.lo, bcy.lo)
            expansion.addProduct(-acy.hi, bcx.hi)
            expansion.addProduct(-acy.hi, bcx.lo)
            expansion.addProduct(-acy.lo, bcx.hi)
            expansion.addProduct(-acy.lo, bcx.lo)
            return expansion.sign
        }
    }
}
