import Foundation
import GridCore

// OpenAPI descriptions of special rectifications (专项整治).

extension CreateCampaignRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "CreateCampaignRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "name": .string(), "description": .string(),
                "lead_unit": .string(description: "Lead department (牵头单位), id or code"),
                "scope_unit": .string(description: "Territory (district, street or community), id or code; the caller's unit when absent"),
                "event_types": .array(.string(description: "Event-type code")),
                "start": .string(format: "date"), "due": .string(format: "date"),
            ],
            required: ["id", "name", "lead_unit", "due"])
    }
}

extension CampaignMembersRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "CampaignMembersRequest" }
    public static var schema: JSONSchema {
        .object(properties: ["events": .array(.uuid)], required: ["events"])
    }
}

extension CloseCampaignRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "CloseCampaignRequest" }
    public static var schema: JSONSchema {
        .object(properties: ["note": .string()], required: ["note"])
    }
}

extension CampaignDTO: OpenAPIDescribed {
    public static var schemaName: String { "Campaign" }
    public static var schema: JSONSchema {
        let unit = JSONSchema.nullable(.object(
            properties: ["id": .uuid, "code": .string(), "name": .string(), "kind": .string()], required: ["id", "code", "name", "kind"]))
        let progress = JSONSchema.object(
            properties: [
                "total": .integer(), "resolved": .integer(), "awaiting_verification": .integer(), "in_hand": .integer(),
                "overdue": .integer(), "by_state": .anyObject(description: "state → count"), "working_days_left": .integer(),
                "status": .string(enumeration: CampaignProgress.Status.allCases.map(\.rawValue)), "status_label": .string(),
                "resolved_percent": .number(),
            ],
            required: ["total", "resolved", "awaiting_verification", "in_hand", "overdue", "by_state", "working_days_left", "status",
                       "status_label", "resolved_percent"])
        return .object(
            properties: [
                "id": .uuid, "name": .string(), "description": .string(), "lead": unit, "scope": unit,
                "event_types": .array(.string()), "start": .string(format: "date"), "due": .string(format: "date"),
                "closed_at": .nullable(.dateTime), "closing_note": .nullable(.string()), "created_by": .string(), "created_at": .dateTime,
                "progress": progress,
            ],
            required: ["id", "name", "description", "event_types", "start", "due", "created_by", "created_at", "progress"])
    }
}
