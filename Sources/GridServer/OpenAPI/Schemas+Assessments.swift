import GridCore

private let itemSchema = JSONSchema.object(
    properties: [
        "indicator": .string(description: "An indicator id of GET /stats/indicators"), "weight": .number(),
        "rule": .anyObject(description: "{\"linear\": {\"zero_at\", \"full_at\"}} | {\"thresholds\": {\"steps\": [{\"at_least\", \"points\"}]}} | {\"penalty\": {\"points_each\"}}"),
    ],
    required: ["indicator", "weight", "rule"])

extension AssessmentScheme: OpenAPIDescribed {
    public static var schemaName: String { "AssessmentScheme" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "id": .uuid, "name": .string(), "subject": .string(enumeration: AssessmentScheme.Subject.allCases.map(\.rawValue)),
                "items": .array(itemSchema),
                "bands": .array(.object(properties: ["grade": .string(enumeration: Grade.allCases.map(\.rawValue)), "minimum": .number()],
                                        required: ["grade", "minimum"])),
                "forced": .nullable(.object(properties: ["max_excellent_share": .number(), "min_basic_share": .number()],
                                            required: ["max_excellent_share", "min_basic_share"])),
            ],
            required: ["id", "name", "subject", "items", "bands"])
    }
}

extension AssessmentSchemeListDTO: OpenAPIDescribed {
    public static var schemaName: String { "AssessmentSchemeList" }
    public static var schema: JSONSchema { .object(properties: ["items": .array(.ref("AssessmentScheme"))], required: ["items"]) }
}

extension AssessmentSchemeListDTO: OpenAPINesting {
    static var nestedSchemas: [(String, JSONSchema)] { [(AssessmentScheme.schemaName, AssessmentScheme.schema)] }
}

extension AssessmentRunRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "AssessmentRunRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "scheme_id": .uuid, "unit": .string(description: "Unit id or code (default: the caller's)"),
                "period": .string(description: "2026-11, 2026-Q4, 2026…"),
                "bonuses": .array(.object(properties: ["key": .string(), "points": .number(), "reason": .string()], required: ["key", "points", "reason"])),
            ],
            required: ["scheme_id", "period"])
    }
}

extension AssessmentRunDTO: OpenAPIDescribed {
    public static var schemaName: String { "AssessmentRun" }
    public static var schema: JSONSchema {
        let score = JSONSchema.object(
            properties: ["indicator": .string(), "value": .nullable(.number()), "numerator": .integer(), "denominator": .nullable(.integer()), "points": .number()],
            required: ["indicator", "numerator", "points"])
        let result = JSONSchema.object(
            properties: [
                "rank": .integer(), "key": .string(), "name": .string(), "items": .array(score), "bonus": .number(),
                "bonus_reasons": .array(.string()), "total": .number(),
                "band_grade": .string(enumeration: Grade.allCases.map(\.rawValue)), "grade": .string(enumeration: Grade.allCases.map(\.rawValue)),
            ],
            required: ["rank", "key", "name", "items", "bonus", "bonus_reasons", "total", "band_grade", "grade"])
        return .object(
            properties: [
                "id": .nullable(.uuid), "scheme_id": .uuid, "scheme_name": .string(), "subject": .string(), "unit_path": .string(),
                "period": .string(), "state": .string(enumeration: ["draft", "published", "live"]), "computed_at": .dateTime,
                "published_at": .nullable(.dateTime), "items": .array(itemSchema), "results": .array(result),
            ],
            required: ["scheme_id", "scheme_name", "subject", "unit_path", "period", "state", "computed_at", "items", "results"])
    }
}

extension AssessmentTraceDTO: OpenAPIDescribed {
    public static var schemaName: String { "AssessmentTrace" }
    public static var schema: JSONSchema {
        let parts = JSONSchema.object(properties: ["numerator": .integer(), "denominator": .nullable(.integer())], required: ["numerator"])
        let row = JSONSchema.object(
            properties: [
                "kind": .string(enumeration: ["event", "patrol", "visit"]), "id": .uuid, "label": .string(),
                "type_code": .nullable(.string()), "type_name": .nullable(.string()), "state": .string(), "at": .dateTime,
                "until": .nullable(.dateTime), "numerator": .integer(), "denominator": .nullable(.integer()),
            ],
            required: ["kind", "id", "label", "state", "at", "numerator"])
        let sources = IndicatorTrace.Source.allCases.map(\.rawValue)
        return .object(
            properties: [
                "run_id": .uuid, "subject": .string(), "subject_name": .string(), "item": .string(), "item_name": .string(),
                "definition": .string(), "period": .string(), "source": .string(enumeration: sources),
                "denominator_source": .nullable(.string(enumeration: sources)), "recorded": parts, "traced": parts,
                "page": .integer(), "per": .integer(), "total": .integer(), "rows": .array(row),
            ],
            required: ["run_id", "subject", "subject_name", "item", "item_name", "definition", "period", "source", "recorded", "traced",
                       "page", "per", "total", "rows"])
    }
}
