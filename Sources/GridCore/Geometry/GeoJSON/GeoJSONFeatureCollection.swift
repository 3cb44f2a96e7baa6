import Foundation

/// A GeoJSON feature collection (要素集合, RFC 7946 §3.3), e.g. a district's grids.
public struct GeoJSONFeatureCollection: Sendable, Hashable, Codable {
    public var features: [GeoJSONFeature]
    /// How many features matched when the collection holds only some of them (a foreign member,
    /// RFC 7946 §6.1, that GeoJSON readers ignore); absent when it holds them all.
    public var total: Int?

    public init(features: [GeoJSONFeature], total: Int? = nil) {
        self.features = features
        self.total = total
    }

    private enum CodingKeys: String, CodingKey {
        case type, features, total
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        guard type == "FeatureCollection" else {
            throw GeoJSONError(
                .unexpectedType(found: type, expected: "FeatureCollection"), codingPath: decoder.codingPath, suffix: "type")
        }
        features = try container.decode([GeoJSONFeature].self, forKey: .features)
        total = try container.decodeIfPresent(Int.self, forKey: .total)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("FeatureCollection", forKey: .type)
        try container.encode(features, forKey: .features)
        try container.encodeIfPresent(total, forKey: .total)
    }

    /// Decodes a document, turning every failure into a user-facing `GeoJSONError` that names
    /// the feature and the JSON path at fault.
    public init(geoJSON data: Data) throws(GeoJSONError) {
        self = try GeoJSONCoding.decode(Self.self, from: data)
    }
}

extension GeoJSONFeatureCollection: CoordinateMappable {
    public func mapCoordinates(_ transform: (Coordinate) -> Coordinate) -> GeoJSONFeatureCollection {
        GeoJSONFeatureCollection(features: features.map { $0.mapCoordinates(transform) })
    }
}

/// Decoding and encoding of GeoJSON documents with user-facing errors.
public enum GeoJSONCoding: Sendable {
    /// Decodes any GeoJSON type (`GeoJSONFeatureCollection`, `GeoJSONFeature`, `GeoJSONGeometry`).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(GeoJSONError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as GeoJSONError {
            throw error
        } catch let error as DecodingError {
            throw GeoJSONError(error)
        } catch {
            throw GeoJSONError(.malformedJSON, path: "")
        }
    }

    /// Encodes with stable key order, so that exports diff cleanly. Fails only for a non-finite
    /// number in `properties` (JSON has no NaN or infinity).
    public static func encode<T: Encodable>(_ value: T) throws(EncodingError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return try encoder.encode(value)
        } catch let error as EncodingError {
            throw error
        } catch {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "\(error)"))
        }
    }
}
