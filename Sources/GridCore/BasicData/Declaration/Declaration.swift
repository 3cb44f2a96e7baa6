import Foundation

/// A stored self-declaration (自主申报): the checked content, where it lands (the grid, and the
/// room or organisation the server resolved) and its review. It waits as `pending` in the grid
/// worker's queue until accepted (the change is applied to the registry) or rejected (the
/// declarant reads why, by the receipt number).
public struct Declaration: Codable, Sendable, Hashable, Identifiable {
    public let id: UUID
    /// 回执号 (`DeclarationReceipt`): what the declarant keeps to look up the outcome.
    public let receipt: String
    /// 申报内容.
    public let content: ValidDeclaration
    /// The grid (所属网格) whose worker reviews it: the room's, or the employer's for a new employee.
    public var gridPath: UnitPath
    /// The room `content.addressCode` names, as resolved when submitted.
    public var roomID: UUID?
    /// The employer `content.creditCode` names, as resolved when submitted.
    public var organizationID: UUID?
    /// 申报时间.
    public let submittedAt: Date
    /// The username when sent with an API token; nil for the public form.
    public let submittedBy: String?
    /// 审核状态.
    public private(set) var state: DeclarationState
    /// 审核时间.
    public private(set) var reviewedAt: Date?
    /// 审核人 (username).
    public private(set) var reviewedBy: String?
    /// 退回理由, shown to the declarant.
    public private(set) var rejectionReason: String?
    /// The person record the acceptance created or changed.
    public private(set) var personID: UUID?

    /// A new, pending declaration.
    public init(
        id: UUID, receipt: String, content: ValidDeclaration, gridPath: UnitPath, roomID: UUID? = nil,
        organizationID: UUID? = nil, submittedAt: Date, submittedBy: String? = nil
    ) {
        self.id = id
        self.receipt = receipt
        self.content = content
        self.gridPath = gridPath
        self.roomID = roomID
        self.organizationID = organizationID
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.state = .pending
    }

    /// 申报类型.
    public var kind: DeclarationKind { content.kind }

    /// The longest rejection reason accepted, and the shortest (non-blank characters).
    public static let maximumReasonLength = 500
    public static let minimumReasonLength = 2

    /// 采纳: the declaration accepted, recording the person record it created or changed
    /// (`effect(existing:roomID:roomGridPath:employerID:employerGridPath:recordedOn:newPersonID:)`).
    /// Store both together.
    ///
    /// - Throws: `DeclarationError.alreadyReviewed` unless pending.
    public func accepted(by reviewer: String, at time: Date, personID: UUID) throws(DeclarationError) -> Declaration {
        guard state == .pending else { throw .alreadyReviewed(state) }
        var accepted = self
        accepted.state = .accepted
        accepted.reviewedAt = time
        accepted.reviewedBy = reviewer
        accepted.personID = personID
        return accepted
    }

    /// 退回: the declaration rejected with a reason the declarant will read (trimmed).
    ///
    /// - Throws: `DeclarationError.alreadyReviewed` unless pending (checked first);
    ///   `DeclarationError.invalid` on field `reason` when it has fewer than 2 non-blank
    ///   characters or more than 500 characters.
    public func rejected(by reviewer: String, at time: Date, reason: String) throws(DeclarationError) -> Declaration {
        guard state == .pending else { throw .alreadyReviewed(state) }
        let text = BasicDataText.trimmed(reason)
        if text.filter({ !$0.isWhitespace }).count < Self.minimumReasonLength {
            throw .invalid(ValidationFailure(
                field: "reason", zh: "请填写退回理由（至少 \(Self.minimumReasonLength) 个字）",
                en: "give a reason for the rejection (at least \(Self.minimumReasonLength) characters)"))
        }
        if text.count > Self.maximumReasonLength {
            throw .invalid(ValidationFailure(
                field: "reason", zh: "退回理由不能超过 \(Self.maximumReasonLength) 个字",
                en: "the reason must be at most \(Self.maximumReasonLength) characters"))
        }
        var rejected = self
        rejected.state = .rejected
        rejected.reviewedAt = time
        rejected.reviewedBy = reviewer
        rejected.rejectionReason = text
        return rejected
    }
}
