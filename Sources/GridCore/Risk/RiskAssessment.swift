import Foundation

/// One event's risk assessment (风险评估): likelihood (可能性) and severity (严重性), each 1–5, the
/// aggravating facts that raised them and the operators' adjustments. The score is L × S and the
/// level follows from the thresholds (domain.md §6).
public struct RiskAssessment: Sendable, Hashable, Codable {
    public static let scale: ClosedRange<Int> = 1...5

    public let kind: RiskKind
    public private(set) var likelihood: Int
    public private(set) var severity: Int
    /// What raised the defaults, as found at the report.
    public let facts: [RiskFact]
    /// 调整记录, oldest first.
    public private(set) var adjustments: [RiskAdjustment]

    /// Values outside 1–5 are clamped: a rule table can never produce an impossible score.
    public init(kind: RiskKind, likelihood: Int, severity: Int, facts: [RiskFact] = [], adjustments: [RiskAdjustment] = []) {
        self.kind = kind
        self.likelihood = Self.clamp(likelihood)
        self.severity = Self.clamp(severity)
        self.facts = facts
        self.adjustments = adjustments
    }

    /// 风险值 = 可能性 × 严重性, 1–25.
    public var score: Int { likelihood * severity }

    public func level(_ thresholds: RiskThresholds = .standard) -> RiskLevel {
        thresholds.level(forScore: score)
    }

    /// The assessment after an operator set likelihood and severity (人工调整). Both values are
    /// required and must be 1–5; the reason is required. Every failure is named by field.
    public func adjusted(
        likelihood newLikelihood: Int?, severity newSeverity: Int?, reason: String?, byID: UUID, byName: String, at: Date
    ) throws(ValidationFailures) -> RiskAssessment {
        var failures: [ValidationFailure] = []
        if newLikelihood.map(Self.scale.contains) != true {
            failures.append(ValidationFailure(field: "likelihood", zh: "可能性应为 1–5 的整数", en: "likelihood must be a whole number from 1 to 5"))
        }
        if newSeverity.map(Self.scale.contains) != true {
            failures.append(ValidationFailure(field: "severity", zh: "严重性应为 1–5 的整数", en: "severity must be a whole number from 1 to 5"))
        }
        let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.isEmpty {
            failures.append(ValidationFailure(field: "reason", zh: "请填写调整理由", en: "the reason for the adjustment is required"))
        } else if text.count > 500 {
            failures.append(ValidationFailure(field: "reason", zh: "调整理由不能超过 500 字", en: "the reason may have at most 500 characters"))
        }
        guard failures.isEmpty, let newLikelihood, let newSeverity else { throw ValidationFailures(failures) }
        var next = self
        next.adjustments.append(RiskAdjustment(
            fromLikelihood: likelihood, fromSeverity: severity, likelihood: newLikelihood, severity: newSeverity,
            reason: text, byID: byID, byName: byName, at: at))
        next.likelihood = newLikelihood
        next.severity = newSeverity
        return next
    }

    static func clamp(_ value: Int) -> Int {
        min(max(value, scale.lowerBound), scale.upperBound)
    }
}
