import Foundation

/// The three levels of the risk register (风险等级, domain.md §6): general 一般, important 重要 and
/// major 重大. Raw values are stable names for storage and the API.
public enum RiskLevel: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// 一般风险: control measures with a responsible unit and person.
    case general
    /// 重要风险: control measures with a responsible unit and person.
    case important
    /// 重大风险: an immediate warning to the district leadership and a response plan (应急预案).
    case major

    public var label: LocalizedText {
        switch self {
        case .general: LocalizedText(zh: "一般", en: "General")
        case .important: LocalizedText(zh: "重要", en: "Important")
        case .major: LocalizedText(zh: "重大", en: "Major")
        }
    }

    /// 0, 1, 2: the order of severity.
    public var rank: Int {
        switch self {
        case .general: 0
        case .important: 1
        case .major: 2
        }
    }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}

/// Where scores turn into levels (分级阈值). The defaults are domain.md §6's: 1–6 general, 8–12
/// important, 15–25 major. A score between bands (7, 13, 14 cannot come from two factors of 1–5,
/// but thresholds are configurable) falls into the lower band: a level is reached only at its
/// threshold.
public struct RiskThresholds: Sendable, Hashable, Codable {
    /// The lowest score that is important (重要).
    public let important: Int
    /// The lowest score that is major (重大).
    public let major: Int

    public static let standard = RiskThresholds(trusted: 8, major: 15)

    private init(trusted important: Int, major: Int) {
        self.important = important
        self.major = major
    }

    /// Thresholds an administrator chose: `2 ≤ important < major ≤ 25`, each named by field when wrong.
    public init(important: Int, major: Int) throws(ValidationFailures) {
        var failures: [ValidationFailure] = []
        if !(2...24).contains(important) {
            failures.append(ValidationFailure(
                field: "important", zh: "重要风险阈值应在 2–24 之间", en: "the important threshold must be between 2 and 24"))
        }
        if !(3...25).contains(major) || major <= important {
            failures.append(ValidationFailure(
                field: "major", zh: "重大风险阈值应大于重要风险阈值且不超过 25", en: "the major threshold must exceed the important one and be at most 25"))
        }
        guard failures.isEmpty else { throw ValidationFailures(failures) }
        self.important = important
        self.major = major
    }

    /// The level of any integer score; scores below 1 (which L × S never gives) are general.
    public func level(forScore score: Int) -> RiskLevel {
        if score >= major { return .major }
        if score >= important { return .important }
        return .general
    }
}
