import GridCore

// OpenAPI description of the risk rules administrators set (风险评估规则).

extension RiskRulesDTO: OpenAPIDescribed {
    public static var schemaName: String { "RiskRules" }
    public static var schema: JSONSchema {
        .object(
            properties: [
                "many_people": .integer(description: "涉及人数较多: people involved from which likelihood +1 (2–1000)"),
                "crowd": .integer(description: "群体性: people involved from which severity +1 as well (above many_people)"),
                "repeat_window_days": .integer(description: "重复上报: window in days (1–365)"),
                "repeat_radius": .integer(description: "重复上报: radius in metres (10–5000)"),
                "repeat_threshold": .integer(description: "Earlier reports nearby that raise likelihood +1 (1–100)"),
                "repeat_surge": .integer(description: "Earlier reports nearby that raise likelihood +2 (above repeat_threshold)"),
                "important": .integer(description: "Lowest score that is important (重要), 2–24"),
                "major": .integer(description: "Lowest score that is major (重大), above important, at most 25"),
            ],
            required: RiskRulesDTO.fields)
    }
}
