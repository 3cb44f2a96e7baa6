import Foundation
import GridCore

// OpenAPI descriptions of basic data (一标三实).

extension PersonDTO: OpenAPIDescribed {
    public static var schemaName: String { "Person" }
    public static var schema: JSONSchema {
        let label = JSONSchema.object(properties: ["code": .string(), "label": .string()], required: ["code", "label"])
        return .object(
            properties: [
                "id": .uuid, "name": .string(), "id_type": label, "id_number": .string(description: "Masked unless unmasked"),
                "phone": .nullable(.string()), "masked": .boolean(), "residence_kind": label, "sex": .nullable(.string()),
                "birth_date": .nullable(.string(format: "date")), "age": .nullable(.integer()), "relation": .nullable(.string()),
                "room_id": .nullable(.uuid), "household_id": .nullable(.uuid), "grid_path": .string(),
                "moved_in_on": .nullable(.string(format: "date")), "moved_out_on": .nullable(.string(format: "date")),
                "care_groups": .array(label), "tags": .array(.string()), "updated_on": .string(format: "date"), "version": .integer(),
            ],
            required: ["id", "name", "id_type", "id_number", "masked", "residence_kind", "grid_path", "care_groups", "tags", "updated_on", "version"])
    }
}

extension ImportResultDTO: OpenAPIDescribed {
    public static var schemaName: String { "ImportResult" }
    public static var schema: JSONSchema {
        .object(properties: ["rows": .integer(), "imported": .integer(), "dry_run": .boolean()], required: ["rows", "imported", "dry_run"])
    }
}
