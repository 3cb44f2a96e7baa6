import Foundation
import GridCore

// OpenAPI descriptions of the pushed tasks' wire types (部门下派任务).

extension CreateTaskRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "CreateTaskRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "title": .string(description: "at most 100 characters"), "description": .nullable(.string()),
                "units": .array(.string(description: "a grid or community code; a community stands for its grids")),
                "checklist": .array(.string(description: "1 to 20 items")), "due": .string(format: "date"),
            ],
            required: ["id", "title", "units", "checklist", "due"])
    }
}

extension TaskProgressRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "TaskProgressRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "checked": .array(.integer()), "done": .boolean(), "note": .nullable(.string()),
                "version": .integer(),
            ],
            required: ["checked", "done", "version"])
    }
}

extension TaskProgressDTO: OpenAPIDescribed {
    public static var schemaName: String { "TaskProgress" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "grid": .string(), "checked": .array(.integer()), "done": .boolean(), "note": .string(),
                "updated_at": .nullable(.dateTime), "version": .integer(),
            ],
            required: ["grid", "checked", "done", "note", "version"])
    }
}

extension TaskDTO: OpenAPIDescribed {
    public static var schemaName: String { "Task" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "title": .string(), "description": .string(), "issuing_unit": .string(), "issuing_unit_name": .string(),
                "issued_by": .string(), "checklist": .array(.string()), "due": .string(format: "date"), "created_at": .dateTime,
                "done_grids": .integer(), "total_grids": .integer(), "progress": .array(TaskProgressDTO.schema),
            ],
            required: ["id", "title", "description", "issuing_unit", "issuing_unit_name", "issued_by", "checklist", "due",
                       "created_at", "done_grids", "total_grids", "progress"])
    }
}

extension TaskListDTO: OpenAPIDescribed {
    public static var schemaName: String { "TaskList" }
    public static var schema: JSONSchema {
        .object(
            properties: ["view": .string(enumeration: ["grid", "issued"]), "items": .array(TaskDTO.schema)],
            required: ["view", "items"])
    }
}
