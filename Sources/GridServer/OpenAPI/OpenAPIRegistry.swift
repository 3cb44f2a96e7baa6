import Foundation
import GridCore
import NIOConcurrencyHelpers
import Vapor

/// One documented operation of the API.
public struct OpenAPIOperation: Sendable {
    public var method: String
    /// OpenAPI spelling: `/api/v1/units/{id}`.
    public var path: String
    public var summary: String
    public var tag: String
    public var access: EndpointAccess
    public var parameters: [Parameter]
    public var requestBody: (name: String, schema: JSONSchema)?
    public var response: (status: Int, name: String, schema: JSONSchema)?
    /// Set for endpoints that answer a file (photos): its media type.
    public var fileResponse: String? = nil
    /// Media type of the answer when not JSON (Open311's `.xml` resources).
    public var responseMediaType: String? = nil
    /// Media type of the request body when not JSON (Open311's form-encoded POST).
    public var requestMediaType: String? = nil
    /// The schema of error answers when not `APIError` (Open311's error list).
    public var errorSchema: String? = nil
    /// An explicit operationId, for paths outside `/api/v1`.
    public var operationID: String? = nil

    public struct Parameter: Sendable {
        public var name: String
        public var location: String
        public var required: Bool
        public var schema: JSONSchema
        public var description: String

        public static func query(_ name: String, _ schema: JSONSchema, _ description: String) -> Parameter {
            Parameter(name: name, location: "query", required: false, schema: schema, description: description)
        }
    }
}

/// Collects operations as routes are registered through `APIRouter`, so the document cannot
/// drift from what the server actually serves; a test checks every registered route is in it.
public final class OpenAPIRegistry: Sendable {
    private let state = NIOLockedValueBox<(operations: [OpenAPIOperation], schemas: [String: JSONSchema])>(([], [:]))

    public init() {}

    func add(_ operation: OpenAPIOperation, schemas: [(String, JSONSchema)]) {
        state.withLockedValue { state in
            state.operations.append(operation)
            for (name, schema) in schemas { state.schemas[name] = schema }
        }
    }

    public var operations: [OpenAPIOperation] { state.withLockedValue { $0.operations } }

    /// The whole document as JSON.
    public func document(serverURL: String? = nil) throws -> Data {
        let (operations, schemas) = state.withLockedValue { ($0.operations, $0.schemas) }
        var paths: [String: [String: AnyEncodable]] = [:]
        for operation in operations {
            var entry: [String: AnyEncodable] = [
                "summary": AnyEncodable(operation.summary),
                "tags": AnyEncodable([operation.tag]),
                "operationId": AnyEncodable(operation.operationID ?? Self.operationID(operation)),
            ]
            // `{id}`, or a parameter inside a segment such as Open311's `{service_code}.json`.
            let pathParameters = operation.path.split(separator: "/").compactMap { part -> OpenAPIOperation.Parameter? in
                guard let open = part.firstIndex(of: "{"), let close = part.firstIndex(of: "}"), open < close else { return nil }
                return OpenAPIOperation.Parameter(
                    name: String(part[part.index(after: open)..<close]), location: "path", required: true, schema: .string(), description: "")
            }
            let parameters = (pathParameters + operation.parameters).map { parameter in
                [
                    "name": AnyEncodable(parameter.name), "in": AnyEncodable(parameter.location),
                    "required": AnyEncodable(parameter.required), "schema": AnyEncodable(parameter.schema),
                    "description": AnyEncodable(parameter.description),
                ]
            }
            if !parameters.isEmpty { entry["parameters"] = AnyEncodable(parameters) }
            if let body = operation.requestBody {
                entry["requestBody"] = AnyEncodable([
                    "required": AnyEncodable(true),
                    "content": AnyEncodable([operation.requestMediaType ?? "application/json": ["schema": JSONSchema.ref(body.name)]]),
                ])
            }
            var responses: [String: AnyEncodable] = [:]
            if let media = operation.fileResponse {
                responses["200"] = AnyEncodable([
                    "description": AnyEncodable("The file"),
                    "content": AnyEncodable([media: ["schema": JSONSchema.string(format: "binary")]]),
                ])
            } else if let response = operation.response {
                responses[String(response.status)] = AnyEncodable([
                    "description": AnyEncodable("OK"),
                    "content": AnyEncodable([operation.responseMediaType ?? "application/json": ["schema": JSONSchema.ref(response.name)]]),
                ])
            } else {
                responses["204"] = AnyEncodable(["description": "No content"])
            }
            if let errorSchema = operation.errorSchema {
                responses["default"] = AnyEncodable([
                    "description": AnyEncodable("Error list: 400 bad input, 403 missing or bad api_key, 404 not found, 429 over the key's rate"),
                    "content": AnyEncodable([operation.responseMediaType ?? "application/json": ["schema": JSONSchema.ref(errorSchema)]]),
                ])
            } else {
                responses["default"] = AnyEncodable([
                    "description": AnyEncodable("Error: 401 sign-in needed, 403 missing right, 404 not found or out of scope, 409 conflict, 422 bad input"),
                    "content": AnyEncodable(["application/json": ["schema": JSONSchema.ref("APIError")]]),
                ])
            }
            entry["responses"] = AnyEncodable(responses)
            switch operation.access {
            case .public:
                entry["security"] = AnyEncodable([[String: [String]]]())
            case .signedIn:
                break
            case .permission(let permission):
                entry["x-gridgov-permission"] = AnyEncodable(permission.rawValue)
            }
            paths[operation.path, default: [:]][operation.method.lowercased()] = AnyEncodable(entry)
        }
        var allSchemas = schemas
        for type in OpenAPISchemas.all { allSchemas[type.schemaName] = type.schema }
        let document: [String: AnyEncodable] = [
            "openapi": AnyEncodable("3.0.3"),
            "info": AnyEncodable([
                "title": "GridGov API",
                "version": "1",
                "description": "网格化社会治理综合信息平台 — grid-based community governance platform",
            ]),
            "servers": AnyEncodable([["url": serverURL ?? "/"]]),
            "paths": AnyEncodable(paths),
            "components": AnyEncodable([
                "schemas": AnyEncodable(allSchemas),
                "securitySchemes": AnyEncodable([
                    "bearer": ["type": "http", "scheme": "bearer"],
                ]),
            ]),
            "security": AnyEncodable([["bearer": [String]()]]),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    static func operationID(_ operation: OpenAPIOperation) -> String {
        let words = operation.path.split(separator: "/").dropFirst(2).map { part in
            part.hasPrefix("{") ? "By" + part.dropFirst().dropLast().capitalized : part.capitalized
        }
        return operation.method.lowercased() + words.joined().replacingOccurrences(of: "-", with: "")
    }
}

/// Type erasure for building the document from mixed values.
struct AnyEncodable: Encodable, Sendable {
    private let encodeValue: @Sendable (any Encoder) throws -> Void

    init<T: Encodable & Sendable>(_ value: T) {
        encodeValue = { try value.encode(to: $0) }
    }

    func encode(to encoder: any Encoder) throws {
        try encodeValue(encoder)
    }
}
