import GridCore

// OpenAPI descriptions of the risk register (风险台账).

extension RiskDTO: OpenAPIDescribed {
    public static var schemaName: String { "Risk" }
    public static var schema: JSONSchema {
        let fact = JSONSchema.object(
            properties: [
                "code": .string(enumeration: RiskFact.Code.allCases.map(\.rawValue)), "count": .nullable(.integer()),
                "likelihood": .integer(description: "Added to the likelihood"), "severity": .integer(description: "Added to the severity"),
                "label": .string(),
            ],
            required: ["code", "likelihood", "severity", "label"])
        let adjustment = JSONSchema.object(
            properties: [
                "from_likelihood": .integer(), "from_severity": .integer(), "likelihood": .integer(), "severity": .integer(),
                "reason": .string(), "by_id": .uuid, "by_name": .string(), "at": .dateTime,
            ],
            required: ["from_likelihood", "from_severity", "likelihood", "severity", "reason", "by_id", "by_name", "at"])
        return .object(
            properties: [
                "id": JSONSchema.string(format: "uuid", description: "The event's id"), "event_number": .string(), "type": .string(),
                "kind": .string(enumeration: RiskKind.allCases.map(\.rawValue)), "kind_label": .string(),
                "category": .string(enumeration: RiskCategory.allCases.map(\.rawValue)), "grid_path": .string(),
                "likelihood": .integer(description: "可能性 1–5"), "severity": .integer(description: "严重性 1–5"),
                "score": .integer(description: "likelihood × severity"),
                "level": .string(enumeration: RiskLevel.allCases.map(\.rawValue)), "level_label": .string(),
                "facts": .array(fact), "adjustments": .array(adjustment),
                "measures": .nullable(.string()), "responsible_unit": .nullable(.string(description: "The unit's path")),
                "responsible_unit_name": .nullable(.string()), "responsible_person": .nullable(.string()),
                "plan": .nullable(.string(description: "Response plan (应急预案), required for a major risk")),
                "state": .string(enumeration: RiskState.allCases.map(\.rawValue)),
                "reported_at": .dateTime, "warned_at": .nullable(.dateTime), "updated_at": .dateTime,
            ],
            required: [
                "id", "event_number", "type", "kind", "kind_label", "category", "grid_path", "likelihood", "severity", "score", "level",
                "level_label", "facts", "adjustments", "state", "reported_at", "updated_at",
            ])
    }
}

extension AdjustRiskRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "AdjustRiskRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: ["likelihood": .integer(description: "1–5"), "severity": .integer(description: "1–5"), "reason": .string()],
            required: ["likelihood", "severity", "reason"])
    }
}

extension RiskMeasuresRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "RiskMeasuresRequest" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "measures": .string(), "responsible_unit": .string(description: "Unit id or code"), "responsible_person": .string(),
                "plan": .string(description: "Response plan (应急预案); required when the risk is major"),
            ],
            required: ["measures", "responsible_unit", "responsible_person"])
    }
}

extension RiskHotSpotDTO: OpenAPIDescribed {
    public static var schemaName: String { "RiskHotSpot" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "kind": .string(enumeration: RiskKind.allCases.map(\.rawValue)), "kind_label": .string(), "grid_path": .string(),
                "lon": .number(description: "GCJ-02"), "lat": .number(description: "GCJ-02"), "count": .integer(),
                "first": .dateTime, "last": .dateTime, "events": .array(.uuid),
            ],
            required: ["kind", "kind_label", "grid_path", "lon", "lat", "count", "first", "last", "events"])
    }
}

extension RiskHotSpotListDTO: OpenAPIDescribed {
    public static var schemaName: String { "RiskHotSpotList" }
    public static var schema: JSONSchema {
        .object(properties: ["days": .integer(), "items": .array(RiskHotSpotDTO.schema)], required: ["days", "items"])
    }
}
