import Testing
@testable import GridCore

/// Hand-computable overlays near Pidu. Expected areas are the library's polygon areas of the
/// hand-derived result shapes (same projection), so agreement must be to rounding.
struct OverlayTests {
    private static let unit = 0.01
    private func c(_ x: Double, _ y: Double) -> Coordinate { Coordinate(lon: 103.9 + x * Self.unit, lat: 30.8 + y * Self.unit) }
    private func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Polygon {
        Polygon([c(x0, y0), c(x1, y0), c(x1, y1), c(x0, y1)])
    }
    private func close(_ a: Double, _ b: Double, _ scale: Double = 1e6) -> Bool { abs(a - b) <= 1e-7 * scale }

    @Test("intersection of overlapping squares is their common rectangle")
    func squares() {
        let a = box(0, 0, 2, 2)
        let b = box(1, 1, 3, 3)
        #expect(close(Overlay.intersectionArea(a, b), box(1, 1, 2, 2).area))
        #expect(close(Overlay.unionArea([a, b]), a.area + b.area - box(1, 1, 2, 2).area))
        #expect(close(Overlay.differenceArea(a, b), a.area - box(1, 1, 2, 2).area))
        #expect(Overlay.intersectionArea(a, box(5, 5, 6, 6)) == 0)
        #expect(Overlay.intersectionArea(a, box(2, 0, 3, 2)) == 0)   // sharing an edge only
    }

    @Test("edges crossing inside a slab: square ∩ diamond is a triangle")
    func crossingEdges() {
        let square = box(0, 0, 2, 2)
        let diamond = Polygon([c(1, 1), c(2, 0), c(3, 1), c(2, 2)])
        let triangle = Polygon([c(1, 1), c(2, 0), c(2, 2)])
        #expect(close(Overlay.intersectionArea(square, diamond), triangle.area))
        // Two diamonds crossing each other's edges mid-slab: overlap is a smaller diamond.
        let left = Polygon([c(0, 1), c(1, 0), c(2, 1), c(1, 2)])
        let right = Polygon([c(1, 1), c(2, 0), c(3, 1), c(2, 2)])
        let lens = Polygon([c(1, 1), c(1.5, 0.5), c(2, 1), c(1.5, 1.5)])
        #expect(close(Overlay.intersectionArea(left, right), lens.area))
    }

    @Test("L-shapes and holes")
    func lShapesAndHoles() {
        let l = GeometryFixtures.lShape(origin: c(0, 0), cell: Self.unit)
        #expect(close(Overlay.intersectionArea(l, box(1, 1, 2, 2)), 0))
        let lCorner = box(0.5, 0.5, 1, 1).area + box(1, 0.5, 1.5, 1).area + box(0.5, 1, 1, 1.5).area
        #expect(close(Overlay.intersectionArea(l, box(0.5, 0.5, 1.5, 1.5)), lCorner))
        let holed = Polygon(exterior: box(0, 0, 3, 3).exterior, holes: [box(1, 1, 2, 2).exterior.reversed()])
        #expect(close(Overlay.intersectionArea(holed, box(0, 0, 3, 3)), holed.area))
        #expect(close(Overlay.intersectionArea(holed, box(1, 1, 2, 2)), 0))
        #expect(close(Overlay.intersectionArea(holed, box(0.5, 0.5, 2.5, 2.5)), box(0.5, 0.5, 2.5, 2.5).area - box(1, 1, 2, 2).area))
    }

    @Test("four quarters tile their square seamlessly")
    func seamlessTiling() {
        let container = box(0, 0, 2, 2)
        let quarters = [box(0, 0, 1, 1), box(1, 0, 2, 1), box(0, 1, 1, 2), box(1, 1, 2, 2)]
        let report = CoverageAnalysis.analyze(container: container, pieces: quarters)
        #expect(report.isSeamless)
        #expect(report.gapArea == 0 && report.overlapArea == 0 && report.outsideArea == 0)
        #expect(close(report.containerArea, container.area))
    }

    @Test("a missing quarter is one gap piece with its area and a location inside it")
    func gap() throws {
        let report = CoverageAnalysis.analyze(container: box(0, 0, 2, 2), pieces: [box(0, 0, 1, 1), box(1, 0, 2, 1), box(0, 1, 1, 2)])
        #expect(report.gaps.count == 1)
        let gap = try #require(report.gaps.first)
        #expect(close(gap.area, box(1, 1, 2, 2).area))
        #expect(box(1, 1, 2, 2).locate(gap.location) == .inside)
        #expect(abs(gap.bounds.minLon - c(1, 1).lon) < 1e-9 && abs(gap.bounds.maxLat - c(2, 2).lat) < 1e-9)
        #expect(report.overlaps.isEmpty && !report.isSeamless)
    }

    @Test("an L-shaped gap spanning several slabs is still one piece; separate gaps are separate")
    func gapConnectivity() {
        // Container 3×3 covered except an L along the north and east sides, and one isolated hole.
        let pieces = [box(0, 0, 2, 2), box(0, 2, 0.5, 2.5)]
        let container = box(0, 0, 3, 3)
        let report = CoverageAnalysis.analyze(container: container, pieces: pieces)
        #expect(report.gaps.count == 1)
        #expect(close(report.gapArea, container.area - box(0, 0, 2, 2).area - box(0, 2, 0.5, 2.5).area))
        let separated = CoverageAnalysis.analyze(container: box(0, 0, 3, 1), pieces: [box(1, 0, 2, 1)])
        #expect(separated.gaps.count == 2)
    }

    @Test("overlaps are reported per pair with areas and locations; spills outside the container too")
    func overlapsAndSpills() throws {
        let container = box(0, 0, 2, 2)
        let pieces = [box(0, 0, 1.2, 2), box(1, 0, 2, 2), box(1.5, 1.5, 2.5, 2.5)]
        let report = CoverageAnalysis.analyze(container: container, pieces: pieces)
        let pairs = Dictionary(uniqueKeysWithValues: report.pairwiseOverlaps.map { ([$0.first, $0.second], $0.area) })
        #expect(close(try #require(pairs[[0, 1]]), box(1, 0, 1.2, 2).area))
        #expect(close(try #require(pairs[[1, 2]]), box(1.5, 1.5, 2, 2).area))
        #expect(pairs[[0, 2]] == nil)
        for pair in report.pairwiseOverlaps {
            #expect(pieces[pair.first].locate(pair.location) == .inside && pieces[pair.second].locate(pair.location) == .inside)
        }
        #expect(close(report.overlapArea, box(1, 0, 1.2, 2).area + box(1.5, 1.5, 2, 2).area))
        #expect(report.overlaps.count == 2)
        for piece in report.overlaps {
            #expect(pieces[piece.members[0]].contains(piece.location) && pieces[piece.members[1]].contains(piece.location))
        }
        #expect(close(report.outsideArea, box(1.5, 1.5, 2.5, 2.5).area - box(1.5, 1.5, 2, 2).area))
        #expect(report.outside.first?.members == [2])
        #expect(report.gaps.isEmpty)
    }

    @Test("slivers below the minimum piece area are left out of the lists but not the totals")
    func slivers() {
        let container = box(0, 0, 2, 1)
        let pieces = [box(0, 0, 1, 1), box(1.000001, 0, 2, 1)]   // a 1 µ-unit (≈ 1 cm) wide gap
        let strict = CoverageAnalysis.analyze(container: container, pieces: pieces, minimumPieceArea: 0)
        let tolerant = CoverageAnalysis.analyze(container: container, pieces: pieces, minimumPieceArea: 100)
        #expect(strict.gaps.count == 1)
        #expect(tolerant.gaps.isEmpty)
        #expect(strict.gapArea == tolerant.gapArea && strict.gapArea > 0)
    }
}
