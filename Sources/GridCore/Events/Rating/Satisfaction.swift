/// The party's satisfaction with a handling (当事人满意度), the column of the disposal rating.
/// Ordered from worst to best; raw values are stored and served.
public enum Satisfaction: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// 不满意
    case unsatisfied
    /// 无意见
    case none
    /// 比较满意
    case fair
    /// 非常满意
    case very

    public var label: LocalizedText {
        switch self {
        case .unsatisfied: LocalizedText(zh: "不满意", en: "unsatisfied")
        case .none: LocalizedText(zh: "无意见", en: "no opinion")
        case .fair: LocalizedText(zh: "比较满意", en: "fairly satisfied")
        case .very: LocalizedText(zh: "非常满意", en: "very satisfied")
        }
    }

    public static func < (lhs: Satisfaction, rhs: Satisfaction) -> Bool {
        let order = Satisfaction.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}

extension Timeliness {
    /// Worst to best: overdue, on time, early — the rows of the disposal rating, in order.
    static let ratingOrder: [Timeliness] = [.overdue, .onTime, .early]
}
