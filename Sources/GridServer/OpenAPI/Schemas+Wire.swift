import Foundation
import GridCore
import Vapor

// The wire DTOs live in GridCore (the SDK shares them); here they learn to describe themselves
// to the OpenAPI document and to travel as Vapor content.

private let unitKinds = UnitKind.allCases.map(\.rawValue)
private let roleNames = Role.allCases.map(\.rawValue)

extension LoginRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "LoginRequest" }
    public static var schema: JSONSchema {
        .object(properties: ["username": .string(), "password": .string(format: "password")], required: ["username", "password"])
    }
}

extension LoginResponseDTO: OpenAPIDescribed {
    public static var schemaName: String { "LoginResponse" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "token": .string(description: "Opaque bearer token; send as `Authorization: Bearer …`"),
                "expires_at": .dateTime, "user": .ref(UserDTO.schemaName),
            ],
            required: ["token", "expires_at", "user"])
    }
}

extension ChangePasswordRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "ChangePasswordRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: ["current_password": .string(format: "password"), "new_password": .string(format: "password")],
            required: ["current_password", "new_password"])
    }
}

extension UnitSummaryDTO: OpenAPIDescribed {
    public static var schemaName: String { "UnitSummary" }
    public static var schema: JSONSchema {
        .object(
            properties: ["id": .uuid, "code": .string(), "name": .string(), "kind": .string(enumeration: unitKinds)],
            required: ["id", "code", "name", "kind"])
    }
}

extension UserDTO: OpenAPIDescribed {
    public static var schemaName: String { "User" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "username": .string(), "display_name": .string(),
                "roles": .array(.string(enumeration: roleNames)), "unit": .ref(UnitSummaryDTO.schemaName),
                "disabled": .boolean(), "locked_until": .nullable(.dateTime),
                "permissions": .array(.string(enumeration: Permission.allCases.map(\.rawValue))),
            ],
            required: ["id", "username", "display_name", "roles", "unit", "disabled"])
    }
}

extension CreateUserRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "CreateUserRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "username": .string(), "display_name": .string(), "password": .string(format: "password"),
                "roles": .array(.string(enumeration: roleNames)), "unit": .string(description: "Scope unit id or code"),
            ],
            required: ["username", "password", "roles", "unit"])
    }
}

extension UpdateUserRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "UpdateUserRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "display_name": .string(), "roles": .array(.string(enumeration: roleNames)),
                "unit": .string(description: "Scope unit id or code"), "disabled": .boolean(),
                "password": .string(format: "password"),
            ],
            required: [])
    }
}

extension UnitDTO: OpenAPIDescribed {
    public static var schemaName: String { "Unit" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "code": .string(), "name": .string(), "kind": .string(enumeration: unitKinds),
                "parent_id": .nullable(.uuid), "path": .string(description: "Materialised path, e.g. /510117/510117001/"),
                "depth": .integer(), "children": .array(.ref("Unit")), "child_count": .integer(),
                "ancestors": .array(.ref(UnitSummaryDTO.schemaName)),
            ],
            required: ["id", "code", "name", "kind", "path", "depth"])
    }
}

extension UnitTreeDTO: OpenAPIDescribed {
    public static var schemaName: String { "UnitTree" }
    public static var schema: JSONSchema {
        .object(properties: ["items": .array(.ref(UnitDTO.schemaName))], required: ["items"])
    }
}

extension CreateUnitRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "CreateUnitRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "code": .string(), "name": .string(), "kind": .string(enumeration: unitKinds),
                "parent": .string(description: "Parent unit id or code; omit for a root"),
            ],
            required: ["code", "name", "kind"])
    }
}

extension UpdateUnitRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "UpdateUnitRequest" }
    public static var schema: JSONSchema { .object(properties: ["name": .string()], required: []) }
}

extension AuditEntryDTO: OpenAPIDescribed {
    public static var schemaName: String { "AuditEntry" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "at": .dateTime, "actor_id": .nullable(.uuid), "actor": .string(), "action": .string(),
                "target_type": .string(), "target_id": .nullable(.string()), "summary": .string(),
                "client_address": .nullable(.string()), "unit_path": .nullable(.string()),
            ],
            required: ["id", "at", "actor", "action", "target_type", "summary"])
    }
}

/// A wrapper whose schema refers to others that must be in the document too.
protocol OpenAPINesting {
    static var nestedSchemas: [(String, JSONSchema)] { get }
}

extension PageDTO: OpenAPINesting where Item: OpenAPIDescribed {
    static var nestedSchemas: [(String, JSONSchema)] { [(Item.schemaName, Item.schema)] }
}

extension PageDTO: OpenAPIDescribed where Item: OpenAPIDescribed {
    public static var schemaName: String { Item.schemaName + "Page" }
    public static var schema: JSONSchema {
        .object(
            properties: ["items": .array(.ref(Item.schemaName)), "page": .integer(), "per": .integer(), "total": .integer()],
            required: ["items", "page", "per", "total"])
    }
}

extension APIErrorDTO: OpenAPIDescribed {
    public static var schemaName: String { "APIError" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "error": .string(description: "Machine-readable code"), "message": .string(description: "In the caller's language"),
                "field": .string(), "reason": .string(),
                "errors": .array(.object(properties: ["field": .string(), "reason": .string()], required: ["field", "reason"])),
            ],
            required: ["error", "message"])
    }
}

/// Every wire schema, so that a reference from one schema to another always resolves
/// (a test checks that every `$ref` in the document does).
enum OpenAPISchemas {
    static var all: [any OpenAPIDescribed.Type] { [
        LoginRequestDTO.self, LoginResponseDTO.self, ChangePasswordRequestDTO.self, UnitSummaryDTO.self, UserDTO.self,
        CreateUserRequestDTO.self, UpdateUserRequestDTO.self, UnitDTO.self, UnitTreeDTO.self, CreateUnitRequestDTO.self,
        UpdateUnitRequestDTO.self, AuditEntryDTO.self, PageDTO<UserDTO>.self, PageDTO<AuditEntryDTO>.self, APIErrorDTO.self,
        GeoJSONGeometry.self, GeoJSONFeature.self, GeoJSONFeatureCollection.self, GridRefDTO.self, GridRefListDTO.self,
        LocateResultDTO.self, GridStaffDTO.self, GridStaffListDTO.self, AssignStaffRequestDTO.self, GridImportReportDTO.self,
        CrosswalkDTO.self, GridChangeRequestDTO.self, EventTypeTreeDTO.self, ReportEventRequestDTO.self, EventActionRequestDTO.self,
        EventDTO.self, PageDTO<EventDTO>.self, InboxItemDTO.self, PageDTO<InboxItemDTO>.self,
    ] }
}

extension Array: OpenAPINesting where Element: OpenAPIDescribed {
    static var nestedSchemas: [(String, JSONSchema)] { [(Element.schemaName, Element.schema)] }
}

/// A bare JSON array of one schema (a record's history, address matches).
extension Array: OpenAPIDescribed where Element: OpenAPIDescribed {
    public static var schemaName: String { Element.schemaName + "List" }
    public static var schema: JSONSchema { .array(.ref(Element.schemaName)) }
}
