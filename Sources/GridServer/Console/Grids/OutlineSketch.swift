import Foundation
import GridCore

/// A grid's outline drawn as SVG in a local plane (longitude scaled by cos(latitude), north up,
/// 1,000 units across the longer side), and points placed in the same plane — the public board's
/// outline and the grid card's map of open events. No tiles, so it prints and works offline.
struct OutlineSketch {
    let path: String
    let viewBox: String
    private let box: BoundingBox?
    private let scale: Double
    private let unit: Double

    init(_ shape: MultiPolygon) {
        guard let box = shape.boundingBox else {
            (path, viewBox, self.box, scale, unit) = ("", "0 0 1 1", nil, 1, 1)
            return
        }
        let scale = cos((box.minLat + box.maxLat) / 2 * .pi / 180)
        let width = max((box.maxLon - box.minLon) * scale, 1e-9), height = max(box.maxLat - box.minLat, 1e-9)
        let unit = 1000 / max(width, height)
        (self.box, self.scale, self.unit) = (box, scale, unit)
        let ring: (Ring) -> String = { ring in
            "M" + ring.vertices.map { "\(Self.format((($0.lon - box.minLon) * scale * unit))),\(Self.format((box.maxLat - $0.lat) * unit))" }
                .joined(separator: "L") + "Z"
        }
        path = shape.polygons.flatMap(\.rings).map(ring).joined()
        viewBox = "-20 -20 \(String(format: "%.0f", width * unit + 40)) \(String(format: "%.0f", height * unit + 40))"
    }

    /// Where `point` (same datum as the outline) falls on the sketch; nil for an empty outline.
    func place(_ point: Coordinate) -> (x: String, y: String)? {
        guard let box else { return nil }
        return (Self.format((point.lon - box.minLon) * scale * unit), Self.format((box.maxLat - point.lat) * unit))
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
