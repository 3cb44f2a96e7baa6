import Foundation
import GridCore

// OpenAPI descriptions of the event loop's wire types.

private let states = EventState.allCases.map(\.rawValue)
private let locationSchema = JSONSchema.object(
    properties: ["lon": .number(), "lat": .number(), "datum": .string(enumeration: Datum.allCases.map(\.rawValue))],
    required: ["lon", "lat", "datum"])

extension EventTypeTreeDTO: OpenAPIDescribed {
    public static var schemaName: String { "EventTypeTree" }
    public static var schema: JSONSchema {
        .object(properties: ["items": .array(.anyObject(description: "{type, reportable, children}: the admission list tree"))], required: ["items"])
    }
}

extension ReportEventRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "ReportEventRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "type": .string(description: "Event-type code"), "description": .string(), "location": locationSchema,
                "occurred_at": .dateTime, "solved_on_spot": .boolean(), "attributes": .anyObject(description: "The type's required attributes"),
                "photos": .array(.string(format: "byte")), "channel": .string(enumeration: ["grid_worker", "resident", "hotline", "department", "video"]),
                "grid": .string(description: "Grid code when chosen instead of located"),
            ],
            required: ["id", "type", "description", "location"])
    }
}

extension EventActionRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "EventActionRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "note": .string(), "reason": .string(), "unit": .string(description: "Target unit id or code (dispatch)"),
                "co_handlers": .array(.string()), "passed": .boolean(), "stars": .integer(),
                "satisfaction": .string(enumeration: ["unsatisfied", "none", "fair", "very"]), "days": .integer(), "level": .integer(),
                "target": .uuid, "real": .boolean(), "photos": .array(.string(format: "byte")), "version": .integer(),
            ],
            required: [])
    }
}

extension EventDTO: OpenAPIDescribed {
    public static var schemaName: String { "Event" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "number": .string(), "type": .string(), "type_name": .string(), "state": .string(enumeration: states),
                "state_label": .string(), "level": .integer(), "description": .string(), "grid": .ref(GridRefDTO.schemaName),
                "unit_path": .string(), "owner_path": .string(), "handling_unit": .nullable(.string()), "deadline": .nullable(.dateTime),
                "overdue": .boolean(), "location": locationSchema, "map_point": locationSchema,
                "reporter": .object(properties: ["id": .nullable(.uuid), "name": .string()], required: ["name"]),
                "channel": .string(), "occurred_at": .dateTime, "reported_at": .dateTime, "awaiting_check": .boolean(), "parked": .boolean(),
                "pending_request": .nullable(.string()), "outcome": .nullable(.string()), "rework_count": .integer(), "return_count": .integer(),
                "version": .integer(), "attributes": .anyObject(), "photos": .array(.string(description: "SHA-256")),
                "ratings": .anyObject(description: "discoveryStars, satisfaction, timeliness, disposalComputed, disposalStars, overrideReason"),
                "possible_duplicates": .array(.object(
                    properties: ["id": .uuid, "number": .string(), "state": .string(enumeration: states), "distance_m": .number(), "reported_at": .dateTime],
                    required: ["id", "number", "state", "distance_m", "reported_at"])),
                "timeline": .array(.object(
                    properties: [
                        "at": .dateTime, "actor": .string(), "actor_role": .nullable(.string()), "action": .string(),
                        "from": .nullable(.string(enumeration: states)), "to": .string(enumeration: states), "note": .nullable(.string()),
                        "attachments": .array(.string()),
                    ],
                    required: ["at", "actor", "action", "to"])),
            ],
            required: ["id", "number", "type", "state", "level", "grid", "unit_path", "overdue", "version"])
    }
}

extension InboxItemDTO: OpenAPIDescribed {
    public static var schemaName: String { "InboxItem" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "event_id": .nullable(.uuid), "kind": .string(), "message": .string(description: "In the caller's language"),
                "created_at": .dateTime, "read_at": .nullable(.dateTime),
            ],
            required: ["id", "kind", "message", "created_at"])
    }
}

extension OverduePolicyDTO: OpenAPIDescribed {
    public static var schemaName: String { "OverduePolicy" }
    public static var schema: JSONSchema {
        .object(
            properties: ["stages": .array(.object(
                properties: [
                    "stage": .string(enumeration: OverduePolicy.Stage.allCases.map(\.rawValue)), "label": .string(),
                    "response": .string(enumeration: OverduePolicy.Response.allCases.map(\.rawValue)),
                    "allowed": .array(.string()),
                ],
                required: ["stage", "label", "response", "allowed"]))],
            required: ["stages"])
    }
}

extension OverduePolicyUpdateDTO: OpenAPIDescribed {
    public static var schemaName: String { "OverduePolicyUpdate" }
    public static var schema: JSONSchema {
        .object(
            properties: Dictionary(uniqueKeysWithValues: OverduePolicy.Stage.allCases.map {
                ($0.rawValue, JSONSchema.string(enumeration: $0.allowedResponses.map(\.rawValue)))
            }),
            required: [])
    }
}

extension HolidayCalendarDTO: OpenAPIDescribed {
    public static var schemaName: String { "HolidayCalendar" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "coverage": .array(.integer()), "years_needing_data": .array(.integer()),
                "entries": .array(.object(
                    properties: [
                        "date": .string(format: "date"), "kind": .string(enumeration: HolidayEntry.Kind.allCases.map(\.rawValue)),
                        "festival": .string(), "festival_name": .string(),
                    ],
                    required: ["date", "kind", "festival", "festival_name"])),
            ],
            required: ["coverage", "years_needing_data", "entries"])
    }
}
