import Foundation

/// The part of JSON Schema (OpenAPI 3.0 dialect) the API documents need.
public indirect enum JSONSchema: Sendable, Encodable {
    case string(format: String? = nil, enumeration: [String]? = nil, description: String? = nil)
    case integer(description: String? = nil)
    case number(description: String? = nil)
    case boolean(description: String? = nil)
    case array(JSONSchema)
    case object(properties: [String: JSONSchema], required: [String], description: String? = nil)
    /// A free-form object (`attributes`, `properties`).
    case anyObject(description: String? = nil)
    case ref(String)
    case nullable(JSONSchema)

    public static let uuid = JSONSchema.string(format: "uuid")
    public static let dateTime = JSONSchema.string(format: "date-time")

    private enum Key: String, CodingKey {
        case type, format, description, items, properties, required, nullable, additionalProperties, allOf
        case enumeration = "enum"
        case ref = "$ref"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try encode(into: &container, nullable: false)
    }

    private func encode(into container: inout KeyedEncodingContainer<Key>, nullable: Bool) throws {
        if nullable { try container.encode(true, forKey: .nullable) }
        switch self {
        case .string(let format, let enumeration, let description):
            try container.encode("string", forKey: .type)
            try container.encodeIfPresent(format, forKey: .format)
            try container.encodeIfPresent(enumeration, forKey: .enumeration)
            try container.encodeIfPresent(description, forKey: .description)
        case .integer(let description):
            try container.encode("integer", forKey: .type)
            try container.encodeIfPresent(description, forKey: .description)
        case .number(let description):
            try container.encode("number", forKey: .type)
            try container.encodeIfPresent(description, forKey: .description)
        case .boolean(let description):
            try container.encode("boolean", forKey: .type)
            try container.encodeIfPresent(description, forKey: .description)
        case .array(let items):
            try container.encode("array", forKey: .type)
            try container.encode(items, forKey: .items)
        case .object(let properties, let required, let description):
            try container.encode("object", forKey: .type)
            try container.encode(properties, forKey: .properties)
            if !required.isEmpty { try container.encode(required.sorted(), forKey: .required) }
            try container.encodeIfPresent(description, forKey: .description)
        case .anyObject(let description):
            try container.encode("object", forKey: .type)
            try container.encode(true, forKey: .additionalProperties)
            try container.encodeIfPresent(description, forKey: .description)
        case .ref(let name):
            // OpenAPI 3.0 ignores siblings of $ref, so a nullable reference is wrapped in allOf.
            if nullable {
                try container.encode([["$ref": "#/components/schemas/\(name)"]], forKey: .allOf)
            } else {
                try container.encode("#/components/schemas/\(name)", forKey: .ref)
            }
        case .nullable(let inner):
            try inner.encode(into: &container, nullable: true)
        }
    }
}

/// A type that can describe itself in the OpenAPI document.
public protocol OpenAPIDescribed {
    static var schemaName: String { get }
    static var schema: JSONSchema { get }
}

extension OpenAPIDescribed {
    public static var schemaName: String { String(describing: Self.self).replacingOccurrences(of: "DTO", with: "") }
}
