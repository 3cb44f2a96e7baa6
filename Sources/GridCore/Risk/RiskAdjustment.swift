import Foundation

/// An operator's change of a risk's likelihood and severity (人工研判调整), kept with who made it,
/// when and why; the history of a risk is the list of these.
public struct RiskAdjustment: Sendable, Hashable, Codable {
    public var fromLikelihood: Int
    public var fromSeverity: Int
    public var likelihood: Int
    public var severity: Int
    /// 调整理由: required.
    public var reason: String
    public var byID: UUID
    public var byName: String
    public var at: Date

    public init(
        fromLikelihood: Int, fromSeverity: Int, likelihood: Int, severity: Int, reason: String, byID: UUID, byName: String, at: Date
    ) {
        self.fromLikelihood = fromLikelihood
        self.fromSeverity = fromSeverity
        self.likelihood = likelihood
        self.severity = severity
        self.reason = reason
        self.byID = byID
        self.byName = byName
        self.at = at
    }

    enum CodingKeys: String, CodingKey {
        case likelihood, severity, reason, at
        case fromLikelihood = "from_likelihood"
        case fromSeverity = "from_severity"
        case byID = "by_id"
        case byName = "by_name"
    }
}
