import GridCore

extension IndicatorReportDTO: OpenAPIDescribed {
    public static var schemaName: String { "IndicatorReport" }
    public static var schema: JSONSchema {
        let definition = JSONSchema.object(
            properties: [
                "id": .string(), "name": .string(), "definition": .string(),
                "kind": .string(enumeration: ["count", "amount", "rate", "mean"]), "numerator": .string(description: "The measure counted or divided"),
                "denominator": .nullable(.string(description: "The measure divided by")), "unit": .nullable(.string()),
            ],
            required: ["id", "name", "definition", "kind", "numerator"])
        let row = JSONSchema.object(
            properties: [
                "key": .string(description: "Unit code, type code, period, worker id or department code"), "name": .string(),
                "measures": .anyObject(description: "Every measure's count: the numerators and denominators, kept apart"),
                "values": .anyObject(description: "Each indicator's value by id; null when its denominator is zero"),
            ],
            required: ["key", "name", "measures", "values"])
        return .object(
            properties: [
                "unit_code": .string(), "unit_name": .string(), "period": .string(), "from": .string(format: "date"),
                "through": .string(format: "date"), "type": .nullable(.string()),
                "by": .string(enumeration: IndicatorBreakdown.allCases.map(\.rawValue)), "indicators": .array(definition),
                "total": row, "rows": .array(row), "overdue_now": .integer(description: "Open events past their stage's deadline now"),
            ],
            required: ["unit_code", "unit_name", "period", "from", "through", "by", "indicators", "total", "rows", "overdue_now"])
    }
}
