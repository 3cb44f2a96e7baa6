import Foundation
import GridCore

/// The Open311 GeoReport v2 resources in the OpenAPI document: each resource in both formats,
/// public (only `POST requests` needs an `api_key`, which travels in the form, not a header).
enum Open311OpenAPI {
    static let tag = "Open311 GeoReport v2"
    static let base = "/open311/v2"

    static func register(in registry: OpenAPIRegistry) {
        let jurisdiction = OpenAPIOperation.Parameter.query("jurisdiction_id", .string(), "Optional; when given it must be this server's jurisdiction")
        let filters: [OpenAPIOperation.Parameter] = [
            jurisdiction,
            .query("service_request_id", .string(), "Comma-separated ids; overrides every other filter"),
            .query("service_code", .string(), "Comma-separated service codes"),
            .query("start_date", .string(format: "date-time"), "W3C datetime with a zone; the window is at most 90 days"),
            .query("end_date", .string(format: "date-time"), "W3C datetime with a zone"),
            .query("status", .string(), "open, closed or both, comma-separated"),
        ]
        let resources: [(method: String, path: String, summary: String, query: [OpenAPIOperation.Parameter], body: String?, response: String, id: String)] = [
            ("GET", "discovery", "Service discovery", [], nil, "Open311Discovery", "open311Discovery"),
            ("GET", "services", "The service list (public items of the admission list)", [jurisdiction], nil, "Open311Services", "open311Services"),
            ("GET", "services/{service_code}", "A service's definition (its attributes)", [jurisdiction], nil, "Open311ServiceDefinition", "open311ServiceDefinition"),
            ("GET", "requests", "Service requests: at most 1000 of a window of at most 90 days", filters, nil, "Open311Requests", "open311Requests"),
            ("POST", "requests", "Submit a service request (form-encoded; api_key required)", [], "Open311RequestForm", "Open311Created", "open311CreateRequest"),
            ("GET", "requests/{service_request_id}", "One service request", [jurisdiction], nil, "Open311Requests", "open311Request"),
            ("GET", "tokens/{token}", "The service_request_id of a token", [jurisdiction], nil, "Open311Tokens", "open311Token"),
        ]
        for resource in resources {
            for format in Open311Format.allCases {
                var operation = OpenAPIOperation(
                    method: resource.method, path: "\(base)/\(resource.path).\(format.rawValue)", summary: resource.summary, tag: tag,
                    access: .public, parameters: resource.query,
                    requestBody: resource.body.map { ($0, schemas[$0] ?? .anyObject()) },
                    response: (200, resource.response, schemas[resource.response] ?? .anyObject()))
                operation.responseMediaType = format == .json ? "application/json" : "text/xml"
                operation.requestMediaType = resource.body == nil ? nil : "application/x-www-form-urlencoded"
                operation.errorSchema = "Open311Errors"
                operation.operationID = resource.id + (format == .json ? "JSON" : "XML")
                registry.add(operation, schemas: schemas.map { ($0.key, $0.value) })
            }
        }
    }

    static let request: JSONSchema = .object(properties: [
        "service_request_id": .string(), "status": .string(enumeration: ["open", "closed"]), "status_notes": .string(),
        "service_name": .string(), "service_code": .string(), "description": .string(), "agency_responsible": .string(),
        "requested_datetime": .string(format: "date-time"), "updated_datetime": .string(format: "date-time"),
        "expected_datetime": .string(format: "date-time"), "address": .string(), "address_id": .nullable(.string()),
        "zipcode": .nullable(.string()), "lat": .number(), "long": .number(), "media_url": .nullable(.string()),
    ], required: ["service_request_id", "status", "service_code", "requested_datetime"])

    static let schemas: [String: JSONSchema] = [
        "Open311Discovery": .object(properties: [
            "changeset": .string(), "contact": .string(), "key_service": .string(),
            "endpoints": .array(.object(properties: [
                "specification": .string(), "url": .string(), "changeset": .string(), "type": .string(enumeration: ["production", "test"]),
                "formats": .array(.string()),
            ], required: ["specification", "url", "changeset", "type", "formats"])),
        ], required: ["changeset", "contact", "key_service", "endpoints"]),
        "Open311Services": .array(.object(properties: [
            "service_code": .string(), "service_name": .string(), "description": .string(), "metadata": .boolean(),
            "type": .string(enumeration: ["realtime", "batch", "blackbox"]), "keywords": .string(), "group": .string(),
        ], required: ["service_code", "service_name", "metadata", "type"])),
        "Open311ServiceDefinition": .object(properties: [
            "service_code": .string(),
            "attributes": .array(.object(properties: [
                "variable": .boolean(), "code": .string(),
                "datatype": .string(enumeration: ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]),
                "required": .boolean(), "datatype_description": .string(), "order": .integer(), "description": .string(),
                "values": .array(.object(properties: ["key": .string(), "name": .string()], required: ["key", "name"])),
            ], required: ["variable", "code", "datatype", "required", "order", "description"])),
        ], required: ["service_code", "attributes"]),
        "Open311Requests": .array(request),
        "Open311RequestForm": .object(properties: [
            "api_key": .string(), "jurisdiction_id": .string(), "service_code": .string(),
            "lat": .number(description: "WGS-84"), "long": .number(description: "WGS-84"), "address_string": .string(), "address_id": .string(),
            "attribute[CODE]": .string(description: "A value of the service definition's attribute CODE; attribute[CODE][] for several"),
            "email": .string(), "device_id": .string(), "account_id": .string(), "first_name": .string(), "last_name": .string(),
            "phone": .string(), "description": .string(description: "At most 4000 characters"), "media_url": .string(format: "uri"),
        ], required: ["api_key", "service_code"]),
        "Open311Created": .array(.object(properties: [
            "service_request_id": .string(), "service_notice": .string(), "account_id": .nullable(.string()),
        ], required: ["service_request_id"])),
        "Open311Tokens": .array(.object(properties: ["service_request_id": .string(), "token": .string()], required: ["service_request_id", "token"])),
        "Open311Errors": .array(.object(properties: ["code": .integer(), "description": .string()], required: ["code", "description"])),
    ]
}
