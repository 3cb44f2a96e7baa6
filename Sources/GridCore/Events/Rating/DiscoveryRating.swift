/// The discovery rating (事件发现星级, Kuiyong): how valuable a report was, 1–5 stars, given by
/// the receiving unit after verification. It rewards useful reports over padded quotas.
public enum DiscoveryRating: Int, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// 一星: 无价值.
    case noValue = 1
    /// 二星: 常规要求事项.
    case routine = 2
    /// 三星: 具有一般社会/部门价值.
    case general = 3
    /// 四星: 对部门具有重大价值.
    case majorForDepartment = 4
    /// 五星: 具有社会重大价值.
    case majorForSociety = 5

    public var stars: Int { rawValue }

    /// The meaning of the stars as the seed states it.
    public var label: LocalizedText {
        switch self {
        case .noValue: LocalizedText(zh: "无价值", en: "no value")
        case .routine: LocalizedText(zh: "常规要求事项", en: "routine matter")
        case .general: LocalizedText(zh: "具有一般社会/部门价值", en: "general social or departmental value")
        case .majorForDepartment: LocalizedText(zh: "对部门具有重大价值", en: "major value to a department")
        case .majorForSociety: LocalizedText(zh: "具有社会重大价值", en: "major social value")
        }
    }

    /// Reads stars as given by a rater; refuses anything but 1–5.
    public init(stars: Int) throws(ValidationFailure) {
        guard let rating = DiscoveryRating(rawValue: stars) else {
            throw ValidationFailure(field: "discovery", zh: "发现星级应为 1 到 5", en: "discovery stars must be 1 to 5")
        }
        self = rating
    }

    public static func < (lhs: DiscoveryRating, rhs: DiscoveryRating) -> Bool { lhs.rawValue < rhs.rawValue }
}
