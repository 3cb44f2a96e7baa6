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
                "employer_id": .nullable(.uuid),
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

/// `{code, label}`: a choice with its name in the caller's language.
private let codeLabel = JSONSchema.object(properties: ["code": .string(), "label": .string()], required: ["code", "label"])
private let date = JSONSchema.string(format: "date")

extension PersonUpdateDTO: OpenAPIDescribed {
    public static var schemaName: String { "PersonUpdate" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "version": .integer(description: "The version read; a newer stored version answers 409"), "name": .string(),
                "id_type": .string(), "id_number": .string(), "phone": .string(description: "Empty clears"),
                "residence_kind": .string(enumeration: ResidenceKind.allCases.map(\.rawValue)), "room_id": .uuid,
                "relation": .string(description: "Empty clears"), "moved_in_on": date, "care_groups": .array(.string()),
                "tags": .array(.string()), "sex": .string(enumeration: ["male", "female"]), "birth_date": date,
                "reason": .string(description: "Why; kept in the history"),
            ],
            required: ["version"])
    }
}

extension MoveOutRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "MoveOutRequest" }
    public static var schema: JSONSchema {
        .object(properties: ["version": .integer(), "moved_out_on": date, "reason": .string()], required: ["version"])
    }
}

extension RoomUpdateDTO: OpenAPIDescribed {
    public static var schemaName: String { "RoomUpdate" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "version": .integer(), "use": .string(enumeration: RoomUse.allCases.map(\.rawValue)), "occupied": .boolean(),
                "area": .number(), "owner_name": .string(), "landlord_name": .string(), "landlord_phone": .string(), "floor": .integer(),
                "reason": .string(),
            ],
            required: ["version"])
    }
}

extension OrganizationUpdateDTO: OpenAPIDescribed {
    public static var schemaName: String { "OrganizationUpdate" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "version": .integer(), "name": .string(), "credit_code": .string(),
                "kind": .string(enumeration: OrganizationKind.allCases.map(\.rawValue)), "legal_person": .string(), "phone": .string(),
                "employee_count": .integer(), "reason": .string(),
            ],
            required: ["version"])
    }
}

extension RecordHistoryDTO: OpenAPIDescribed {
    public static var schemaName: String { "RecordHistory" }
    public static var schema: JSONSchema {
        let change = JSONSchema.object(
            properties: ["field": .string(), "label": .string(), "old": .nullable(.string()), "new": .nullable(.string())],
            required: ["field", "label"])
        return .object(
            properties: ["version": .integer(), "changed_at": .dateTime, "changed_by": .string(), "summary": .string(), "changes": .array(change)],
            required: ["version", "changed_at", "changed_by", "summary", "changes"])
    }
}

extension AddressDTO: OpenAPIDescribed {
    public static var schemaName: String { "Address" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "code": .string(), "text": .string(), "level": .string(enumeration: ["building", "room"]), "building_id": .uuid,
                "room_id": .nullable(.uuid), "grid_path": .string(),
            ],
            required: ["code", "text", "level", "building_id", "grid_path"])
    }
}

extension BuildingDTO: OpenAPIDescribed {
    public static var schemaName: String { "Building" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "name": .string(), "address_code": .string(), "address": .string(), "use": codeLabel, "floors": .integer(),
                "lon": .nullable(.number()), "lat": .nullable(.number()), "datum": .string(), "rooms": .integer(), "residents": .integer(),
                "grid_path": .string(), "updated_on": date,
            ],
            required: ["id", "name", "address_code", "address", "use", "floors", "datum", "rooms", "residents", "grid_path", "updated_on"])
    }
}

extension RoomDTO: OpenAPIDescribed {
    public static var schemaName: String { "Room" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "building_id": .uuid, "building_name": .string(), "address_code": .string(), "address": .string(),
                "unit": .string(), "number": .string(), "floor": .integer(), "use": codeLabel, "area": .nullable(.number()),
                "owner_name": .string(), "landlord_name": .nullable(.string()), "landlord_phone": .nullable(.string(description: "Masked")),
                "occupied": .boolean(), "residents": .integer(), "grid_path": .string(), "updated_on": date, "version": .integer(),
            ],
            required: ["id", "building_id", "building_name", "address_code", "address", "unit", "number", "floor", "use", "owner_name",
                       "occupied", "residents", "grid_path", "updated_on", "version"])
    }
}

extension OrganizationDTO: OpenAPIDescribed {
    public static var schemaName: String { "Organization" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "name": .string(), "credit_code": .nullable(.string()), "kind": codeLabel, "address_code": .string(),
                "address": .string(), "room_id": .nullable(.uuid), "legal_person": .string(), "phone": .nullable(.string(description: "Masked")),
                "employee_count": .integer(), "registered_employees": .integer(), "grid_path": .string(), "updated_on": date, "version": .integer(),
            ],
            required: ["id", "name", "kind", "address_code", "address", "legal_person", "employee_count", "registered_employees",
                       "grid_path", "updated_on", "version"])
    }
}

extension DataQualityDTO: OpenAPIDescribed {
    public static var schemaName: String { "DataQuality" }
    public static var schema: JSONSchema {
        let ratio = JSONSchema.object(
            properties: ["numerator": .integer(), "denominator": .integer(), "rate": .nullable(.number())], required: ["numerator", "denominator"])
        let records = JSONSchema.object(
            properties: [
                "records": .integer(), "complete": .integer(), "completeness": .nullable(.number()),
                "missing": .anyObject(description: "Per field key, records lacking it"), "stale": .integer(), "duplicates": .integer(),
            ],
            required: ["records", "complete", "missing", "stale", "duplicates"])
        let area = JSONSchema.object(
            properties: [
                "unit_path": .string(), "unit_code": .string(), "unit_name": .string(), "people": records, "rooms": records,
                "organizations": records, "occupied_rooms_without_residents": ratio, "residents_in_vacant_rooms": ratio,
            ],
            required: ["unit_path", "unit_code", "unit_name", "people", "rooms", "organizations", "occupied_rooms_without_residents",
                       "residents_in_vacant_rooms"])
        return .object(
            properties: [
                "today": date, "stale_after_days": .integer(), "total": area, "areas": .array(area), "duplicate_people": .array(.array(.uuid)),
            ],
            required: ["today", "stale_after_days", "total", "areas", "duplicate_people"])
    }
}
