import Foundation
import GridCore

/// The residents' portal's forms in the OpenAPI document: public, form-encoded (multipart for
/// the report's photos), answering HTML pages; and the public map's GeoJSON.
enum PortalOpenAPI {
    static let tag = "Residents' portal"

    static func register(in registry: OpenAPIRegistry) {
        let report = JSONSchema.object(properties: [
            "_csrf": .string(description: "Double-submit token: the value of the gridgov_portal_csrf cookie"),
            "form_id": .string(format: "uuid", description: "Made by the form; a resubmission answers the first report"),
            "type": .string(description: "A public item of the admission list"), "description": .string(),
            "phone": .string(description: "Mainland mobile number; stored sealed, looked up by keyed hash"),
            "lon": .number(), "lat": .number(), "datum": .string(enumeration: ["gcj02", "wgs84", "cgcs2000"]),
            "address": .string(description: "When there is no pin: a standard address"), "website": .string(description: "Honeypot; must be empty"),
            "attr[KEY]": .string(description: "The item's attributes"), "photos[]": .string(format: "binary"),
        ], required: ["_csrf", "type", "description", "phone"])
        let lookup = JSONSchema.object(properties: [
            "_csrf": .string(), "ticket": .string(description: "The event number"), "phone": .string(),
            "satisfaction": .string(enumeration: Satisfaction.allCases.map(\.rawValue)),
        ], required: ["_csrf", "ticket", "phone"])
        let forms: [(path: String, summary: String, body: String, schema: JSONSchema, media: String, id: String)] = [
            ("/portal/report", "A resident reports a problem (201 with the ticket; 422 by field; 429 too many)", "PortalReportForm", report,
             "multipart/form-data", "portalReport"),
            ("/portal/status", "Progress of a report by ticket and phone (404 unless both match)", "PortalLookupForm", lookup,
             "application/x-www-form-urlencoded", "portalStatus"),
            ("/portal/rate", "The resident's satisfaction with a verified or closed report", "PortalLookupForm", lookup,
             "application/x-www-form-urlencoded", "portalRate"),
        ]
        for form in forms {
            var operation = OpenAPIOperation(
                method: "POST", path: form.path, summary: form.summary, tag: tag, access: .public, parameters: [],
                requestBody: (form.body, form.schema), response: (200, "PortalPage", .string(description: "HTML page")))
            operation.requestMediaType = form.media
            operation.responseMediaType = "text/html"
            operation.operationID = form.id
            registry.add(operation, schemas: [(form.body, form.schema), ("PortalPage", .string())])
        }
        for (path, summary, id) in [
            ("/portal/map/events.json", "Public events of a community in the last 30 days (GeoJSON, GCJ-02; no personal data)", "portalMapEvents"),
            ("/portal/map/outlines.json", "Outlines of the communities, or of one community's grids (GeoJSON, GCJ-02)", "portalMapOutlines"),
        ] {
            var operation = OpenAPIOperation(
                method: "GET", path: path, summary: summary, tag: tag, access: .public,
                parameters: [.query("community", .string(), "A community's code")], requestBody: nil,
                response: (200, "GeoJSONFeatureCollection", .anyObject()))
            operation.responseMediaType = "application/geo+json"
            operation.operationID = id
            registry.add(operation, schemas: [])
        }
    }
}
