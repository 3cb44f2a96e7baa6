import Foundation
import GridCore

// OpenAPI descriptions of self-declarations (自主申报).

private let codeLabel = JSONSchema.object(properties: ["code": .string(), "label": .string()], required: ["code", "label"])

extension DeclarationDraft: OpenAPIDescribed {
    public static var schemaName: String { "DeclarationDraft" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "kind": .string(enumeration: DeclarationKind.allCases.map(\.rawValue)),
                "declarant_role": .string(enumeration: DeclarantRole.allCases.map(\.rawValue)),
                "declarant_name": .string(), "declarant_phone": .string(description: "Mainland mobile number"),
                "person_name": .string(), "id_type": .string(enumeration: PersonIDType.allCases.map(\.rawValue)), "id_number": .string(),
                "person_phone": .string(), "residence_kind": .string(enumeration: ResidenceKind.allCases.map(\.rawValue)),
                "declared_sex": .string(enumeration: ["male", "female"]), "declared_birth_date": .string(format: "date"),
                "address_code": .string(description: "The room's address code (new tenant, moved out)"),
                "credit_code": .string(description: "The employer's unified social credit code (new employee)"),
                "effective_on": .string(format: "date"), "note": .string(),
            ],
            required: ["kind", "declarant_role", "declarant_name", "declarant_phone", "person_name", "id_type", "id_number", "effective_on"])
    }
}

extension DeclarationReviewDTO: OpenAPIDescribed {
    public static var schemaName: String { "DeclarationReview" }
    public static var schema: JSONSchema {
        .object(properties: ["decision": .string(enumeration: ["accept", "reject"]), "reason": .string(description: "Required to reject")],
                required: ["decision"])
    }
}

extension DeclarationReceiptDTO: OpenAPIDescribed {
    public static var schemaName: String { "DeclarationReceipt" }
    public static var schema: JSONSchema {
        .object(properties: ["id": .uuid, "receipt": .string(), "state": codeLabel, "message": .string()],
                required: ["id", "receipt", "state", "message"])
    }
}

extension DeclarationStatusDTO: OpenAPIDescribed {
    public static var schemaName: String { "DeclarationStatus" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "receipt": .string(), "kind": codeLabel, "state": codeLabel, "submitted_at": .dateTime, "reviewed_at": .nullable(.dateTime),
                "rejection_reason": .nullable(.string()), "message": .string(),
            ],
            required: ["receipt", "kind", "state", "submitted_at", "message"])
    }
}

extension DeclarationDTO: OpenAPIDescribed {
    public static var schemaName: String { "Declaration" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "receipt": .string(), "kind": codeLabel, "state": codeLabel, "declarant_role": codeLabel,
                "declarant_name": .string(), "declarant_phone": .string(description: "Masked"), "person_name": .string(), "id_type": codeLabel,
                "id_number": .string(description: "Masked"), "residence_kind": .nullable(codeLabel), "address_code": .nullable(.string()),
                "credit_code": .nullable(.string()), "effective_on": .string(format: "date"), "note": .nullable(.string()), "grid_path": .string(),
                "room_id": .nullable(.uuid), "organization_id": .nullable(.uuid), "submitted_at": .dateTime, "submitted_by": .nullable(.string()),
                "reviewed_at": .nullable(.dateTime), "reviewed_by": .nullable(.string()), "rejection_reason": .nullable(.string()),
                "person_id": .nullable(.uuid),
            ],
            required: ["id", "receipt", "kind", "state", "declarant_role", "declarant_name", "declarant_phone", "person_name", "id_type",
                       "id_number", "effective_on", "grid_path", "submitted_at"])
    }
}
