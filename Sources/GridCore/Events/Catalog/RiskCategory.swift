/// The two families of risk events (风险事件) Kuiyong sorts every report into (domain.md §4, §6).
public enum RiskCategory: String, Sendable, Codable, CaseIterable, Hashable {
    /// 矛盾纠纷: a conflict between people or with an authority, 12 kinds.
    case dispute
    /// 问题隐患: a hazard or a problem that may cause harm, 11 kinds.
    case hazard

    public var label: LocalizedText {
        switch self {
        case .dispute: LocalizedText(zh: "矛盾纠纷", en: "Dispute")
        case .hazard: LocalizedText(zh: "问题隐患", en: "Hazard")
        }
    }
}
