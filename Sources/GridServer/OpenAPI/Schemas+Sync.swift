import Foundation
import GridCore

// OpenAPI descriptions of the delta sync's wire types.

extension SyncEventTypesDTO: OpenAPIDescribed {
    public static var schemaName: String { "SyncEventTypes" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "version": .string(description: "Digest of the list; changes whenever the list does"),
                "items": .array(.anyObject(description: "{type, reportable, children}: the admission list tree")),
            ],
            required: ["version", "items"])
    }
}

extension SyncGridDTO: OpenAPIDescribed {
    public static var schemaName: String { "SyncGrid" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "code": .string(), "name": .string(), "kind": .string(enumeration: ["grid", "special_grid"]),
                "unit_path": .string(), "outline": .ref(GeoJSONFeature.schemaName), "staff": .array(.ref(GridStaffDTO.schemaName)),
            ],
            required: ["id", "code", "name", "kind", "unit_path", "outline", "staff"])
    }
}

extension SyncEventDTO: OpenAPIDescribed {
    public static var schemaName: String { "SyncEvent" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "number": .string(), "type": .string(), "type_name": .string(),
                "state": .string(enumeration: EventState.allCases.map(\.rawValue)), "state_label": .string(), "level": .integer(),
                "version": .integer(), "occurred_at": .dateTime, "reported_at": .dateTime, "updated_at": .dateTime,
            ],
            required: ["id", "number", "type", "type_name", "state", "state_label", "level", "version", "occurred_at", "reported_at", "updated_at"])
    }
}

extension SyncDeltaDTO: OpenAPIDescribed, OpenAPINesting {
    public static var schemaName: String { "SyncDelta" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "cursor": .string(description: "Opaque; send it back as since"),
                "full": .boolean(description: "Replace the cache instead of merging (first sync, or the cursor no longer fits)"),
                "server_time": .dateTime,
                "event_types": .ref(SyncEventTypesDTO.schemaName), "grids": .array(.ref(SyncGridDTO.schemaName)),
                "buildings": .array(.ref(BuildingDTO.schemaName)), "rooms": .array(.ref(RoomDTO.schemaName)),
                "people": .array(.ref(PersonDTO.schemaName)), "events": .array(.ref(SyncEventDTO.schemaName)),
            ],
            required: ["cursor", "full", "server_time", "buildings", "rooms", "people", "events"],
            description: "event_types and grids are present only when they changed since the cursor")
    }

    static var nestedSchemas: [(String, JSONSchema)] {
        [
            (SyncEventTypesDTO.schemaName, SyncEventTypesDTO.schema), (SyncGridDTO.schemaName, SyncGridDTO.schema),
            (SyncEventDTO.schemaName, SyncEventDTO.schema), (BuildingDTO.schemaName, BuildingDTO.schema),
            (RoomDTO.schemaName, RoomDTO.schema), (PersonDTO.schemaName, PersonDTO.schema),
            (GeoJSONFeature.schemaName, GeoJSONFeature.schema), (GeoJSONGeometry.schemaName, GeoJSONGeometry.schema),
            (GridStaffDTO.schemaName, GridStaffDTO.schema),
        ]
    }
}
