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
