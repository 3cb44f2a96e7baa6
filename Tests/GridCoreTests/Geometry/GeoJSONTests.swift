import Foundation
import Testing
@testable import GridCore

struct GeoJSONTests {
    private func decode(_ text: String) throws(GeoJSONError) -> GeoJSONFeatureCollection {
        try GeoJSONFeatureCollection(geoJSON: Data(text.utf8))
    }

    private func error(_ text: String) -> GeoJSONError? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("Pidu's boundary decodes: one MultiPolygon feature, 1023 positions, GCJ-02 properties", GeometryFixtures.needsSharedData)
    func decodesPidu() throws {
        let directory = try #require(GeometryFixtures.sharedDataDirectory())
        let data = try Data(contentsOf: directory.appendingPathComponent("boundaries/510117.geojson"))
        let collection = try GeoJSONFeatureCollection(geoJSON: data)
        #expect(collection.features.count == 1)
        let feature = try #require(collection.features.first)
        #expect(feature.properties["adcode"] == "510117")
        #expect(feature.properties["name"]?.stringValue == "四川省成都市郫都区")
        #expect(try Datum(parsing: try #require(feature.properties["crs"]?.stringValue)) == .gcj02)
        let outline = try #require(feature.geometry?.multiPolygon)
        #expect(outline.polygons.count == 1)
        #expect(outline.polygons[0].holes.isEmpty)
        #expect(outline.polygons[0].exterior.coordinates.count == 1023)   // 1022 corners + closing
        #expect(outline.polygons[0].exterior.coordinates.first == Coordinate(lon: 103.982734, lat: 30.827201))
        let box = try #require(outline.boundingBox)
        #expect(box == BoundingBox(minLon: 103.715829, minLat: 30.718505, maxLon: 104.049279, maxLat: 30.959906))
    }

    @Test("encoding and decoding round-trips every geometry type and the properties")
    func roundTrip() throws {
        let collection = GeoJSONFeatureCollection(features: [
            GeoJSONFeature(id: .string("510117001001001"), geometry: .polygon(GeometryFixtures.squareWithHole(103.9, 30.8, size: 0.03)),
                           properties: ["name": "一号网格", "households": 420, "special": false, "tags": .array(["学校"]), "note": nil]),
            GeoJSONFeature(id: .number(7), geometry: .multiPolygon(MultiPolygon([GeometryFixtures.rectangle(0, 0, 1, 1)]))),
            GeoJSONFeature(geometry: .point(Coordinate(lon: 103.95, lat: 30.85))),
            GeoJSONFeature(geometry: .lineString([Coordinate(lon: 103.9, lat: 30.8), Coordinate(lon: 103.91, lat: 30.81)])),
            GeoJSONFeature(geometry: nil, properties: ["nested": .object(["a": 1.5])]),
        ])
        let data = try GeoJSONCoding.encode(collection)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains(#""type":"FeatureCollection""#))
        #expect(text.contains(#""coordinates":[103.95,30.85]"#))
        #expect(text.contains(#""geometry":null"#))
        #expect(try GeoJSONFeatureCollection(geoJSON: data) == collection)
    }

    @Test("a broken ring names the feature index and the JSON path")
    func unclosedRing() throws {
        let text = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[103.9,30.8]}},
          {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}
        ]}
        """
        let failure = try #require(error(text))
        #expect(failure.problem == .ringNotClosed)
        #expect(failure.featureIndex == 1)
        #expect(failure.path == "features[1].geometry.coordinates[0]")
        #expect(failure.field == failure.path)
        #expect(failure.reason.zhHans.contains("第 1 个要素"))
        #expect(failure.reason.en.contains("feature 1"))
    }

    @Test("RFC 7946 violations are user-facing errors with the place they occur", arguments: [
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}}]}"#,
         GeoJSONError.Problem.ringTooShort(count: 3), "features[0].geometry.coordinates[0]"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[103.9]}}]}"#,
         .positionTooShort(count: 1), "features[0].geometry.coordinates"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[0,0],[1,0],[1,95],[0,0]]]]}}]}"#,
         .coordinateOutOfRange(lon: 1, lat: 95), "features[0].geometry.coordinates[1][0][2]"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[]}}]}"#,
         .unsupportedGeometryType("GeometryCollection"), "features[0].geometry.type"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0]]}}]}"#,
         .lineStringTooShort(count: 1), "features[0].geometry.coordinates"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{}}]}"#,
         .missingMember("geometry"), "features[0]"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point"}}]}"#,
         .missingMember("coordinates"), "features[0].geometry"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["a","b"]}}]}"#,
         .wrongValueType(expected: "number"), "features[0].geometry.coordinates[0]"),
        (#"{"type":"Feature","properties":{},"geometry":null}"#,
         .unexpectedType(found: "Feature", expected: "FeatureCollection"), "type"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","prop"#, .malformedJSON, ""),
    ])
    func rejects(text: String, problem: GeoJSONError.Problem, path: String) throws {
        let failure = try #require(error(text))
        #expect(failure.problem == problem)
        #expect(failure.path == path)
        #expect(!failure.reason.zhHans.isEmpty && !failure.reason.en.isEmpty)
    }

    @Test("a null geometry and null properties are accepted")
    func nullMembers() throws {
        let collection = try decode(#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"x","properties":null,"geometry":null}]}"#)
        #expect(collection.features[0].geometry == nil)
        #expect(collection.features[0].properties.isEmpty)
        #expect(collection.features[0].id == .string("x"))
    }

    @Test("clockwise rings are accepted as RFC 7946 asks of parsers")
    func clockwiseAccepted() throws {
        let collection = try decode(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}}]}"#)
        let polygon = try #require(collection.features[0].geometry?.multiPolygon)
        #expect(!polygon.polygons[0].exterior.isCounterClockwise)
    }

    @Test("single geometries and features decode on their own")
    func standaloneGeometry() throws {
        let geometry = try GeoJSONCoding.decode(GeoJSONGeometry.self, from: Data(#"{"type":"Point","coordinates":[103.9,30.8,512.0]}"#.utf8))
        #expect(geometry == .point(Coordinate(lon: 103.9, lat: 30.8)))
        #expect(throws: GeoJSONError.self) {
            try GeoJSONCoding.decode(GeoJSONGeometry.self, from: Data(#"{"type":"Point","coordinates":[181,0]}"#.utf8))
        }
    }

    @Test("a whole collection converts between datums")
    func convertsCollection() {
        let collection = GeoJSONFeatureCollection(features: [GeoJSONFeature(geometry: .point(Coordinate(lon: 116.404, lat: 39.915)))])
        let converted = DatumConverter.convert(collection, from: .wgs84, to: .gcj02)
        #expect(converted.features[0].geometry == .point(DatumConverter.wgs84ToGCJ02(Coordinate(lon: 116.404, lat: 39.915))))
    }
}
