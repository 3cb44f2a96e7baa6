import Foundation

/// What a pending request asks for.
public enum EventRequestKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// 延期申请: more working days for the handling deadline.
    case `extension`
    /// 作废申请: void the event.
    case void
    /// 挂账申请: park the event as not solvable now; its clock stops.
    case park

    public var label: LocalizedText {
        switch self {
        case .extension: LocalizedText(zh: "延期申请", en: "extension request")
        case .void: LocalizedText(zh: "作废申请", en: "void request")
        case .park: LocalizedText(zh: "挂账申请", en: "park request")
        }
    }
}

/// A request awaiting approval (待审批申请). An event carries at most one at a time, so that an
/// approver always decides on a clear question.
public struct EventRequest: Sendable, Hashable, Codable {
    public let kind: EventRequestKind
    /// Working days asked for; set for an extension only.
    public let days: Int?
    public let requesterID: UUID
    /// The role the requester acted in.
    public let requesterRole: Role
    public let reason: String
    public let requestedAt: Date

    public init(kind: EventRequestKind, days: Int? = nil, requesterID: UUID, requesterRole: Role, reason: String, requestedAt: Date) {
        self.kind = kind
        self.days = kind == .extension ? days : nil
        self.requesterID = requesterID
        self.requesterRole = requesterRole
        self.reason = reason
        self.requestedAt = requestedAt
    }
}
