import Foundation

/// An aggravating fact (加重情节) found when a risk is assessed, with what it added. Stored as
/// JSON with the risk, so the register shows why a score is what it is.
public struct RiskFact: Sendable, Hashable, Codable {
    /// What was found. Raw values are stable.
    public enum Code: String, Sendable, Codable, CaseIterable, Hashable {
        /// 涉及人数较多: `count` people involved, at or over the rules' threshold.
        case manyPeople = "many_people"
        /// 群体性: so many people that the harm grows too.
        case crowd
        /// 同一地点重复上报 (30 日内、100 米内 by default): `count` earlier reports of the same kind nearby.
        case repeated
        /// 涉及弱势群体 (老幼病残孕), as the report says (`vulnerable_involved`).
        case vulnerable
        /// 事发地住有关爱对象: `count` current residents in a vulnerable care group (独居、空巢老人,
        /// 残疾人, 留守儿童…) live in the building at the event's place, by the basic-data register.
        case careGroup = "care_group"
    }

    public var code: Code
    /// People involved, or earlier reports nearby; nil when the fact has no count.
    public var count: Int?
    /// Added to the likelihood (可能性).
    public var likelihood: Int
    /// Added to the severity (严重性).
    public var severity: Int

    public init(_ code: Code, count: Int? = nil, likelihood: Int = 0, severity: Int = 0) {
        self.code = code
        self.count = count
        self.likelihood = likelihood
        self.severity = severity
    }

    /// How the register describes the fact: `涉及 12 人（可能性 +1）`.
    public var label: LocalizedText {
        let n = count.map(String.init) ?? ""
        let base: LocalizedText
        switch code {
        case .manyPeople: base = LocalizedText(zh: "涉及 \(n) 人", en: "\(n) people involved")
        case .crowd: base = LocalizedText(zh: "群体性（\(n) 人）", en: "a crowd (\(n) people)")
        // The window and radius are settings (`RiskRules`), so the label names neither.
        case .repeated: base = LocalizedText(zh: "近期附近已有 \(n) 起同类上报", en: "\(n) recent earlier reports of this kind nearby")
        case .vulnerable: base = LocalizedText(zh: "涉及弱势群体", en: "vulnerable people involved")
        case .careGroup: base = LocalizedText(zh: "事发地住有关爱对象 \(n) 人", en: "\(n) people in care groups live at the place")
        }
        var zh: [String] = []
        var en: [String] = []
        if likelihood != 0 { zh.append("可能性 +\(likelihood)"); en.append("likelihood +\(likelihood)") }
        if severity != 0 { zh.append("严重性 +\(severity)"); en.append("severity +\(severity)") }
        guard !zh.isEmpty else { return base }
        return LocalizedText(zh: "\(base.zhHans)（\(zh.joined(separator: "，"))）", en: "\(base.en) (\(en.joined(separator: ", ")))")
    }
}
