import Foundation

/// A self-declaration (自主申报) as the API shows it, in the review queue or to the declarant
/// looking up a receipt. `idNumber` and `declarantPhone` arrive from the caller, which decides
/// whether to mask them (`Masking.maskIDNumber`, `Masking.maskPhone`).
public struct DeclarationDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var receipt: String
    public var kind: PersonDTO.Label
    public var state: PersonDTO.Label
    public var declarantRole: PersonDTO.Label
    public var declarantName: String
    public var declarantPhone: String
    public var personName: String
    public var idType: PersonDTO.Label
    public var idNumber: String
    public var residenceKind: PersonDTO.Label?
    public var addressCode: String?
    public var creditCode: String?
    /// `yyyy-MM-dd`.
    public var effectiveOn: String
    public var note: String?
    public var gridPath: String
    public var roomID: UUID?
    public var organizationID: UUID?
    public var submittedAt: Date
    public var submittedBy: String?
    public var reviewedAt: Date?
    public var reviewedBy: String?
    public var rejectionReason: String?
    public var personID: UUID?

    /// The declaration with labels in `language`, and the identity number and declarant's phone
    /// as the caller gives them (masked or not).
    public init(_ declaration: Declaration, language: Language, idNumber: String, declarantPhone: String) {
        func label<Choice: BasicDataEnum>(_ choice: Choice) -> PersonDTO.Label {
            PersonDTO.Label(code: choice.rawValue, label: choice.label.text(in: language))
        }
        let content = declaration.content
        id = declaration.id
        receipt = declaration.receipt
        kind = label(content.kind)
        state = label(declaration.state)
        declarantRole = label(content.declarantRole)
        declarantName = content.declarantName
        self.declarantPhone = declarantPhone
        personName = content.personName
        idType = label(content.idType)
        self.idNumber = idNumber
        residenceKind = content.residenceKind.map(label)
        addressCode = content.addressCode
        creditCode = content.creditCode?.value
        effectiveOn = content.effectiveOn.description
        note = content.note
        gridPath = declaration.gridPath.rawValue
        roomID = declaration.roomID
        organizationID = declaration.organizationID
        submittedAt = declaration.submittedAt
        submittedBy = declaration.submittedBy
        reviewedAt = declaration.reviewedAt
        reviewedBy = declaration.reviewedBy
        rejectionReason = declaration.rejectionReason
        personID = declaration.personID
    }

    enum CodingKeys: String, CodingKey {
        case id, receipt, kind, state, note
        case declarantRole = "declarant_role"
        case declarantName = "declarant_name"
        case declarantPhone = "declarant_phone"
        case personName = "person_name"
        case idType = "id_type"
        case idNumber = "id_number"
        case residenceKind = "residence_kind"
        case addressCode = "address_code"
        case creditCode = "credit_code"
        case effectiveOn = "effective_on"
        case gridPath = "grid_path"
        case roomID = "room_id"
        case organizationID = "organization_id"
        case submittedAt = "submitted_at"
        case submittedBy = "submitted_by"
        case reviewedAt = "reviewed_at"
        case reviewedBy = "reviewed_by"
        case rejectionReason = "rejection_reason"
        case personID = "person_id"
    }
}

/// The grid worker's review of a declaration: `decision` is `accept` or `reject`; a rejection
/// needs a `reason` (2–500 characters), which the declarant will read.
public struct DeclarationReviewDTO: Codable, Sendable, Equatable {
    public var decision: String
    public var reason: String?

    public init(decision: String, reason: String? = nil) {
        self.decision = decision
        self.reason = reason
    }
}

/// The answer to a submitted declaration: its receipt number and what to do with it.
public struct DeclarationReceiptDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var receipt: String
    public var state: PersonDTO.Label
    /// Tells the declarant to keep the receipt number to look up the outcome.
    public var message: String

    public init(_ declaration: Declaration, language: Language) {
        id = declaration.id
        receipt = declaration.receipt
        state = PersonDTO.Label(code: declaration.state.rawValue, label: declaration.state.label.text(in: language))
        message = LocalizedText(
            zh: "申报已提交，回执号 \(declaration.receipt)。请妥善保存回执号，凭此号码查询审核结果。",
            en: "Your declaration has been submitted; its receipt number is \(declaration.receipt). Keep this number to check the outcome."
        ).text(in: language)
    }
}

/// `GET /api/v1/declarations/status`: what the declarant may see of their declaration — its
/// state and, when rejected, why.
public struct DeclarationStatusDTO: Codable, Sendable, Equatable {
    public var receipt: String
    public var kind: PersonDTO.Label
    public var state: PersonDTO.Label
    public var submittedAt: Date
    public var reviewedAt: Date?
    public var rejectionReason: String?
    /// One sentence for the declarant.
    public var message: String

    public init(_ declaration: Declaration, language: Language) {
        receipt = declaration.receipt
        kind = PersonDTO.Label(code: declaration.kind.rawValue, label: declaration.kind.label.text(in: language))
        state = PersonDTO.Label(code: declaration.state.rawValue, label: declaration.state.label.text(in: language))
        submittedAt = declaration.submittedAt
        reviewedAt = declaration.reviewedAt
        rejectionReason = declaration.rejectionReason
        let text: LocalizedText = switch declaration.state {
        case .pending: LocalizedText(zh: "申报已收到，正在等待网格员审核。", en: "Your declaration was received and waits for the grid worker's review.")
        case .accepted: LocalizedText(zh: "申报已采纳，信息已登记。感谢您的配合！", en: "Your declaration was accepted and the register updated. Thank you!")
        case .rejected:
            LocalizedText(
                zh: "申报已退回，理由：\(declaration.rejectionReason ?? "")。请按理由修改后重新申报。",
                en: "Your declaration was returned: \(declaration.rejectionReason ?? ""). Please correct it and declare again.")
        }
        message = text.text(in: language)
    }

    enum CodingKeys: String, CodingKey {
        case receipt, kind, state, message
        case submittedAt = "submitted_at"
        case reviewedAt = "reviewed_at"
        case rejectionReason = "rejection_reason"
    }
}
