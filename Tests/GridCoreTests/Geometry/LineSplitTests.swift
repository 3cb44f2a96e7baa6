import Foundation
import Testing
@testable import GridCore

struct LineSplitTests {
    private func c(_ lon: Double, _ lat: Double) -> Coordinate { Coordinate(lon: 103.9 + lon * 0.01, lat: 30.8 + lat * 0.01) }

    /// A U open to the north: two arms joined at the bottom.
    private var u: Polygon {
        Polygon([c(0, 0), c(3, 0), c(3, 3), c(2, 3), c(2, 1), c(1, 1), c(1, 3), c(0, 3)])
    }

    @Test("a cut through both arms of a U gives two separate pieces above and one below, not a bridged ring")
    func uShape() throws {
        let line = CutLine(angle: .pi / 2, latitude: 30.8, offset: 30.8 + 0.02)   // the parallel at y = 2
        let pieces = try LineSplit.split([u], by: line)
        #expect(pieces.left.count == 2)
        #expect(pieces.right.count == 1)
        let all = pieces.left + pieces.right
        #expect(all.allSatisfy { $0.validate().isEmpty })
        #expect(abs(all.reduce(0) { $0 + $1.area } - u.area) < 1e-6 * u.area)
        #expect(abs(pieces.left.reduce(0) { $0 + $1.area } - Polygon([c(0, 2), c(1, 2), c(1, 3), c(0, 3)]).area
            - Polygon([c(2, 2), c(3, 2), c(3, 3), c(2, 3)]).area) < 1e-6 * u.area)
        // The cut edges of both sides are the same points.
        let above = Set(pieces.left.flatMap { $0.exterior.vertices })
        let below = Set(pieces.right.flatMap { $0.exterior.vertices })
        #expect(above.intersection(below).count == 4)
    }

    @Test("a line missing the polygon leaves it whole on one side")
    func missingLine() throws {
        let line = CutLine(angle: 0, latitude: 30.8, offset: 104.5 * cos(30.8 * .pi / 180))
        let pieces = try LineSplit.split([u], by: line)
        #expect(pieces.right == [u])
        #expect(pieces.left.isEmpty)
    }
}
