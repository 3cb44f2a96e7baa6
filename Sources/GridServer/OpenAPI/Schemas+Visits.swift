import Foundation
import GridCore

// OpenAPI descriptions of the household visits' wire types.

extension VisitRecordDTO: OpenAPIDescribed {
    public static var schemaName: String { "VisitRecord" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "household_id": .string(description: "the household's key from the due list"), "visited_at": .dateTime,
                "met": .string(description: "whom the worker met"), "notes": .nullable(.string()), "needs": .nullable(.string()),
            ],
            required: ["id", "household_id", "visited_at", "met"])
    }
}

extension VisitDueListDTO: OpenAPIDescribed {
    public static var schemaName: String { "VisitDueList" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "today": .string(format: "date"), "total": .integer(),
                "items": .array(.object(
                    properties: [
                        "household_id": .string(), "address_code": .nullable(.string()), "members": .integer(),
                        "care_groups": .array(.string()), "reason": .string(enumeration: ["monthly", "quarterly"]),
                        "required": .integer(), "made": .integer(), "due_by": .string(format: "date"), "behind": .boolean(),
                    ],
                    required: ["household_id", "members", "care_groups", "reason", "required", "made", "due_by", "behind"])),
            ],
            required: ["today", "total", "items"])
    }
}
