import Foundation

/// A department system's subscription (消息推送订阅): the platform POSTs a signed JSON message to
/// `url` whenever one of `kinds` of notice is addressed to `unitPath` or a unit beneath it — a
/// new dispatch for the department, an urge, a supervision — so that systems like 12345 or a
/// department's own case tracker hear of it without polling.
public struct WebhookSubscription: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var unitPath: UnitPath
    public var url: URL
    /// Notice kinds (`EventNotice.Kind` raw values) to deliver; empty for all.
    public var kinds: [String]
    public var active: Bool

    public init(id: UUID, unitPath: UnitPath, url: URL, kinds: [String], active: Bool = true) {
        self.id = id
        self.unitPath = unitPath
        self.url = url
        self.kinds = kinds
        self.active = active
    }

    /// Whether a notice of `kind` to `recipient` goes to this subscription.
    public func wants(kind: String, for recipient: UnitPath) -> Bool {
        active && unitPath.contains(recipient) && (kinds.isEmpty || kinds.contains(kind))
    }

    /// A subscription from what an administrator typed; every problem named by field.
    public static func draft(id: UUID, unitPath: UnitPath, url text: String, kinds: [String]) throws(ValidationFailures) -> WebhookSubscription {
        var failures: [ValidationFailure] = []
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let url = URL(string: trimmed)
        if url == nil || !["http", "https"].contains(url?.scheme?.lowercased() ?? "") || (url?.host ?? "").isEmpty {
            failures.append(ValidationFailure(
                field: "url", zh: "推送地址应为完整的 http(s) 网址", en: "the URL must be a full http(s) address"))
        }
        let known = Set(EventNotice.Kind.allCases.map(\.rawValue))
        let unknown = kinds.filter { !known.contains($0) }
        if !unknown.isEmpty {
            failures.append(ValidationFailure(
                field: "kinds", zh: "未知的消息类型：\(unknown.joined(separator: "、"))", en: "unknown notice kinds: \(unknown.joined(separator: ", "))"))
        }
        guard failures.isEmpty, let url else { throw ValidationFailures(failures) }
        return WebhookSubscription(id: id, unitPath: unitPath, url: url, kinds: Array(Set(kinds)).sorted())
    }
}
