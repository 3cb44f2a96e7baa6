import Foundation
import GridCore

// OpenAPI descriptions of the patrol log's wire types (schemas inline: no nested references).

private let trackPoint = JSONSchema.object(
    properties: ["at": .dateTime, "lon": .number(), "lat": .number(), "accuracy": .nullable(.number(description: "metres"))],
    required: ["at", "lon", "lat"], description: "a WGS-84 fix")

private let patrol = JSONSchema.object(
    properties: [
        "id": .uuid, "worker_id": .uuid, "worker_name": .string(), "grid_path": .string(), "grid_code": .string(),
        "day": .string(format: "date"), "started_at": .dateTime, "ended_at": .nullable(.dateTime),
        "seconds": .integer(description: "patrolled so far (an open patrol counts up to now, at most 14 h)"),
        "distance_m": .integer(), "track": .nullable(.array(trackPoint)),
        "event_ids": .array(.string(format: "uuid", description: "an event the worker reported during the patrol")),
    ],
    required: ["id", "worker_id", "worker_name", "grid_path", "grid_code", "day", "started_at", "seconds", "distance_m", "event_ids"])

extension PatrolUpsertDTO: OpenAPIDescribed {
    public static var schemaName: String { "PatrolUpsert" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "started_at": .dateTime, "ended_at": .nullable(.dateTime), "grid": .nullable(.string(description: "grid code")),
                "points": .nullable(.array(trackPoint)),
                "events": .nullable(.array(.string(format: "uuid", description: "an event reported during the patrol (merged with those sent before)"))),
            ],
            required: ["started_at"], description: "the phone's whole view of one patrol; resending it changes nothing")
    }
}

extension PatrolDTO: OpenAPIDescribed {
    public static var schemaName: String { "Patrol" }
    public static var schema: JSONSchema { patrol }
}

extension PatrolDayDTO: OpenAPIDescribed {
    public static var schemaName: String { "PatrolDay" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "day": .string(format: "date"), "standard_seconds": .integer(), "items": .array(patrol),
                "workers": .array(.object(
                    properties: ["worker_id": .uuid, "worker_name": .string(), "seconds": .integer(), "met": .boolean()],
                    required: ["worker_id", "worker_name", "seconds", "met"])),
            ],
            required: ["day", "standard_seconds", "items", "workers"])
    }
}
