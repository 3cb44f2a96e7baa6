/// A GeoJSON feature (要素, RFC 7946 §3.2): a geometry (possibly null) with free-form properties.
public struct GeoJSONFeature: Sendable, Hashable, Codable {
    /// RFC 7946 allows a string or a number as a feature's identifier.
    public enum ID: Sendable, Hashable, Codable {
        case string(String)
        case number(Double)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .string(value): try container.encode(value)
            case let .number(value): try container.encode(value)
            }
        }
    }

    public var id: ID?
    public var geometry: GeoJSONGeometry?
    public var properties: [String: JSONValue]

    public init(id: ID? = nil, geometry: GeoJSONGeometry?, properties: [String: JSONValue] = [:]) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }

    private enum CodingKeys: String, CodingKey {
        case type, id, geometry, properties
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        guard type == "Feature" else {
            throw GeoJSONError(.unexpectedType(found: type, expected: "Feature"), codingPath: decoder.codingPath, suffix: "type")
        }
        id = try container.decodeIfPresent(ID.self, forKey: .id)
        // Both members are required by RFC 7946 but may be null.
        guard container.contains(.geometry) else {
            throw GeoJSONError(.missingMember("geometry"), codingPath: decoder.codingPath)
        }
        geometry = try container.decodeIfPresent(GeoJSONGeometry.self, forKey: .geometry)
        properties = try container.decodeIfPresent([String: JSONValue].self, forKey: .properties) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("Feature", forKey: .type)
        try container.encodeIfPresent(id, forKey: .id)
        if let geometry {
            try container.encode(geometry, forKey: .geometry)
        } else {
            try container.encodeNil(forKey: .geometry)
        }
        try container.encode(properties, forKey: .properties)
    }
}

extension GeoJSONFeature: CoordinateMappable {
    public func mapCoordinates(_ transform: (Coordinate) -> Coordinate) -> GeoJSONFeature {
        GeoJSONFeature(id: id, geometry: geometry?.mapCoordinates(transform), properties: properties)
    }
}
