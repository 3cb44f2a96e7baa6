/// The state of a city component (部件状态).
public enum ComponentState: String, BasicDataEnum {
    /// 完好.
    case intact
    /// 破损.
    case damaged
    /// 丢失.
    case missing
    /// 撤除 (no longer there on purpose; kept for history).
    case removed

    public var label: LocalizedText {
        switch self {
        case .intact: LocalizedText(zh: "完好", en: "intact")
        case .damaged: LocalizedText(zh: "破损", en: "damaged")
        case .missing: LocalizedText(zh: "丢失", en: "missing")
        case .removed: LocalizedText(zh: "撤除", en: "removed")
        }
    }

    public var aliases: [String] {
        switch self {
        case .intact: ["正常", "良好"]
        case .damaged: ["损坏"]
        case .missing: ["缺失"]
        case .removed: ["拆除", "已撤除"]
        }
    }
}
