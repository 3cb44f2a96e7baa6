import Foundation
import Testing
@testable import GridCore

/// The map layers' direct writer must give exactly the bytes the API's encoder gives, so a client
/// cannot tell which one answered.
struct GeoJSONWriterTests {
    private func encoded(_ collection: GeoJSONFeatureCollection) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(collection), as: UTF8.self)
    }

    @Test("points, outlines, odd strings and numbers come out byte for byte as JSONEncoder writes them")
    func sameBytesAsTheEncoder() throws {
        let square = GeometryFixtures.rectangle(103.9, 30.8, 103.95, 30.85)
        let holed = GeometryFixtures.squareWithHole(104.0, 30.7, size: 0.01)
        let collection = GeoJSONFeatureCollection(features: [
            GeoJSONFeature(id: .string("E-1"), geometry: .point(Coordinate(lon: 103.887_654_321, lat: 30.8)), properties: [
                "number": .string("25120500777"), "type_name": .string("乱贴乱画 \"小广告\" \\ 路/口\n\t\u{1}"),
                "level": .number(3), "share": .number(0.125), "tiny": .number(1e-7), "big": .number(12_345_678_901),
                "negative": .number(-2.5), "overdue": .bool(true), "handled": .bool(false), "note": .null,
                "tags": .array([.string("a"), .number(1), .object(["z": .null, "a": .array([])])]),
                "Zeta": .string("upper before lower"), "émoji 🚒": .string("非 ASCII 键"),
            ]),
            GeoJSONFeature(id: .number(7), geometry: .polygon(square), properties: [:]),
            GeoJSONFeature(geometry: .multiPolygon(MultiPolygon([square, holed])), properties: ["name": .string("团结第1网格")]),
            GeoJSONFeature(geometry: .lineString([Coordinate(lon: 104, lat: 30), Coordinate(lon: 104.5, lat: 30.25)])),
            GeoJSONFeature(geometry: nil, properties: ["empty": .object([:])]),
        ], total: 11_000)
        let written = String(decoding: GeoJSONWriter.json(collection), as: UTF8.self)
        #expect(written == (try encoded(collection)))
        // and it reads back as the same collection
        #expect(try GeoJSONFeatureCollection(geoJSON: Data(written.utf8)) == collection)
    }

    @Test("a collection holding all that matched has no total; an empty one is still a collection")
    func totalAndEmpty() throws {
        for collection in [GeoJSONFeatureCollection(features: []), GeoJSONFeatureCollection(features: [], total: 0)] {
            #expect(String(decoding: GeoJSONWriter.json(collection), as: UTF8.self) == (try encoded(collection)))
        }
    }
}
