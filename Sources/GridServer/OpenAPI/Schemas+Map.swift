import Foundation
import GridCore

// OpenAPI descriptions of the one map's wire types.

private let datums = Datum.allCases.map(\.rawValue)
private let pointSchema = JSONSchema.object(
    properties: ["lon": .number(), "lat": .number(), "datum": .string(enumeration: datums)], required: ["lon", "lat", "datum"])

extension GeoJSONGeometry: OpenAPIDescribed {
    public static var schemaName: String { "GeoJSONGeometry" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "type": .string(enumeration: ["Point", "LineString", "Polygon", "MultiPolygon"]),
                "coordinates": .array(.anyObject(description: "RFC 7946 positions [lon, lat], nested by type")),
            ],
            required: ["type", "coordinates"], description: "RFC 7946 geometry")
    }
}

extension GeoJSONFeature: OpenAPIDescribed {
    public static var schemaName: String { "GeoJSONFeature" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "type": .string(enumeration: ["Feature"]), "id": .string(),
                "geometry": .ref(GeoJSONGeometry.schemaName),
                "properties": .anyObject(description: "code, name, kind, parent, datum; map answers add area_m2, staff, valid_from…"),
            ],
            required: ["type", "geometry", "properties"])
    }
}

extension GeoJSONFeatureCollection: OpenAPIDescribed {
    public static var schemaName: String { "GeoJSONFeatureCollection" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "type": .string(enumeration: ["FeatureCollection"]), "features": .array(.ref(GeoJSONFeature.schemaName)),
                // a foreign member (RFC 7946 §6.1): present when only part of what matched is included
                "total": .integer(),
            ],
            required: ["type", "features"])
    }
}

extension GridRefDTO: OpenAPIDescribed {
    public static var schemaName: String { "GridRef" }
    public static var schema: JSONSchema {
        .object(
            properties: ["id": .uuid, "code": .string(), "name": .string(), "kind": .string(enumeration: ["grid", "special_grid"])],
            required: ["id", "code", "name", "kind"])
    }
}

extension GridRefListDTO: OpenAPIDescribed {
    public static var schemaName: String { "GridRefList" }
    public static var schema: JSONSchema { .object(properties: ["items": .array(.ref(GridRefDTO.schemaName))], required: ["items"]) }
}

extension LocateResultDTO: OpenAPIDescribed {
    public static var schemaName: String { "LocateResult" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "point": pointSchema, "grid": .nullable(.ref(GridRefDTO.schemaName)), "special_grids": .array(.ref(GridRefDTO.schemaName)),
                "ancestors": .array(.ref(UnitSummaryDTO.schemaName)), "unit_path": .string(),
            ],
            required: ["point", "special_grids", "ancestors"])
    }
}

extension GridStaffDTO: OpenAPIDescribed {
    public static var schemaName: String { "GridStaff" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "grid_code": .string(), "name": .string(), "role": .string(enumeration: StaffRole.allCases.map(\.rawValue)),
                "work_phone": .nullable(.string()), "user_id": .nullable(.uuid), "valid_from": .string(format: "date"),
                "valid_to": .nullable(.string(format: "date")),
            ],
            required: ["id", "grid_code", "name", "role", "valid_from"])
    }
}

extension GridStaffListDTO: OpenAPIDescribed {
    public static var schemaName: String { "GridStaffList" }
    public static var schema: JSONSchema { .object(properties: ["items": .array(.ref(GridStaffDTO.schemaName))], required: ["items"]) }
}

extension AssignStaffRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "AssignStaffRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "username": .string(description: "Link an account"), "name": .string(),
                "role": .string(enumeration: StaffRole.allCases.map(\.rawValue)), "work_phone": .string(), "from": .string(format: "date"),
            ],
            required: ["role"])
    }
}

extension GridImportReportDTO: OpenAPIDescribed {
    public static var schemaName: String { "GridImportReport" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "dry_run": .boolean(), "valid": .boolean(), "features": .integer(), "created": .array(.string()), "updated": .array(.string()),
                "effective_date": .string(format: "date"), "change_id": .nullable(.uuid), "error": .string(), "message": .string(),
                "problems": .array(.object(
                    properties: [
                        "kind": .string(enumeration: ["missing_property", "invalid_value", "duplicate_code", "unknown_parent", "invalid_geometry", "outside_parent", "overlap", "gap"]),
                        "feature": .integer(description: "0-based index in the file"), "code": .string(), "field": .string(), "message": .string(),
                        "location": pointSchema, "area_m2": .number(),
                    ],
                    required: ["kind", "message"])),
            ],
            required: ["dry_run", "valid", "features", "created", "updated", "effective_date", "problems"])
    }
}

extension CrosswalkDTO: OpenAPIDescribed {
    public static var schemaName: String { "Crosswalk" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "change_id": .nullable(.uuid), "effective_date": .string(format: "date"),
                "entries": .array(.object(
                    properties: ["old_code": .string(), "new_code": .string(), "share": .number(description: "Share of the old grid's area, 0–1"), "area_m2": .number()],
                    required: ["old_code", "new_code", "share", "area_m2"])),
            ],
            required: ["effective_date", "entries"])
    }
}

extension GridChangeRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "GridChangeRequest" }
    public static var schema: JSONSchema {
        let part = JSONSchema.object(properties: ["code": .string(), "name": .string(), "geometry": .ref(GeoJSONGeometry.schemaName)], required: ["code", "name", "geometry"])
        return .object(
            properties: [
                "effective_date": .string(format: "date"), "datum": .string(enumeration: datums),
                "geometry": .ref(GeoJSONGeometry.schemaName), "parts": .array(part), "codes": .array(.string()), "into": part,
            ],
            required: ["datum"])
    }
}
