import Foundation
import GridCore
import Testing

/// Small shapes whose areas and boundaries can be worked out by hand, and access to the shared
/// district boundaries.
enum GeometryFixtures {
    /// An axis-aligned rectangle, counter-clockwise.
    static func rectangle(_ minLon: Double, _ minLat: Double, _ maxLon: Double, _ maxLat: Double) -> Polygon {
        Polygon([
            Coordinate(lon: minLon, lat: minLat), Coordinate(lon: maxLon, lat: minLat),
            Coordinate(lon: maxLon, lat: maxLat), Coordinate(lon: minLon, lat: maxLat),
        ])
    }

    /// An L made of three unit cells (of `cell` degrees) around `origin`: the 2×2 square minus
    /// its north-east cell.
    static func lShape(origin: Coordinate, cell: Double) -> Polygon {
        let (x, y, c) = (origin.lon, origin.lat, cell)
        return Polygon([
            Coordinate(lon: x, lat: y), Coordinate(lon: x + 2 * c, lat: y), Coordinate(lon: x + 2 * c, lat: y + c),
            Coordinate(lon: x + c, lat: y + c), Coordinate(lon: x + c, lat: y + 2 * c), Coordinate(lon: x, lat: y + 2 * c),
        ])
    }

    /// A square with a square hole in its middle third, RFC 7946 orientation.
    static func squareWithHole(_ minLon: Double, _ minLat: Double, size: Double) -> Polygon {
        let third = size / 3
        let hole = rectangle(minLon + third, minLat + third, minLon + 2 * third, minLat + 2 * third).exterior.reversed()
        return Polygon(exterior: rectangle(minLon, minLat, minLon + size, minLat + size).exterior, holes: [hole])
    }

    /// Area in m² of a longitude/latitude rectangle on the WGS-84 ellipsoid by numerical
    /// integration of the area element M(φ)·N(φ)·cos φ dφ dλ (Simpson's rule), a method
    /// independent of the authalic-latitude formula the library uses.
    static func ellipsoidRectangleArea(_ minLon: Double, _ minLat: Double, _ maxLon: Double, _ maxLat: Double) -> Double {
        let a = 6_378_137.0
        let f = 1 / 298.257_223_563
        let e2 = f * (2 - f)
        func element(_ phi: Double) -> Double {
            let w = 1 - e2 * sin(phi) * sin(phi)
            return a * (1 - e2) / pow(w, 1.5) * a / w.squareRoot() * cos(phi)
        }
        let steps = 2000
        let lo = minLat * .pi / 180
        let hi = maxLat * .pi / 180
        let h = (hi - lo) / Double(steps)
        var sum = element(lo) + element(hi)
        for i in 1..<steps { sum += element(lo + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
        return sum * h / 3 * (maxLon - minLon) * .pi / 180
    }

    /// The shared data directory beside the repository (`../shared/data`), found from this
    /// file's real location (symlinks resolved); nil when absent.
    static func sharedDataDirectory(filePath: String = #filePath) -> URL? {
        var directory = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let data = directory.deletingLastPathComponent().appendingPathComponent("shared/data")
                return FileManager.default.fileExists(atPath: data.path) ? data : nil
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// Skips a test, saying why, when `../shared/data` is not beside the repository.
    static let needsSharedData = Testing.ConditionTrait.enabled(
        if: sharedDataDirectory() != nil, "../shared/data/boundaries is not beside the repository")

    /// A district outline from `shared/data/boundaries`, nil when the file is absent.
    static func districtOutline(_ adcode: String) throws -> MultiPolygon? {
        guard let url = sharedDataDirectory()?.appendingPathComponent("boundaries/\(adcode).geojson"),
              let data = FileManager.default.contents(atPath: url.path)
        else { return nil }
        let collection = try GeoJSONFeatureCollection(geoJSON: data)
        return collection.features.first?.geometry?.multiPolygon
    }
}
