import Foundation

/// How a closed event ended (结案方式). Stored and served as one string: `resolved`, `voided`,
/// `rejected` or `merged:<uuid>`.
public enum EventOutcome: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 办结: handled, verified and closed.
    case resolved
    /// 作废: voided with approval (a report found invalid after 立案).
    case voided
    /// 合并: a duplicate folded into another event, which carries on.
    case merged(into: UUID)
    /// 不予立案: refused at triage.
    case rejected

    public var label: LocalizedText {
        switch self {
        case .resolved: LocalizedText(zh: "办结", en: "resolved")
        case .voided: LocalizedText(zh: "作废", en: "voided")
        case .merged: LocalizedText(zh: "合并", en: "merged")
        case .rejected: LocalizedText(zh: "不予立案", en: "rejected")
        }
    }

    public var description: String {
        switch self {
        case .resolved: "resolved"
        case .voided: "voided"
        case .merged(let target): "merged:\(target.uuidString.lowercased())"
        case .rejected: "rejected"
        }
    }

    /// Parses the stored form; nil when malformed.
    public init?(stored text: String) {
        switch text {
        case "resolved": self = .resolved
        case "voided": self = .voided
        case "rejected": self = .rejected
        default:
            guard text.hasPrefix("merged:"), let target = UUID(uuidString: String(text.dropFirst(7))) else { return nil }
            self = .merged(into: target)
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let outcome = EventOutcome(stored: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad outcome \(text)"))
        }
        self = outcome
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
