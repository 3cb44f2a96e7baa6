import Foundation
@testable import GridCore

/// Builders for self-declaration tests: valid drafts that a test breaks one field of.
enum DeclarationFixtures {
    typealias F = BasicDataFixtures

    /// A real-format unified social credit code (check character verified in the tests).
    static let creditCode = "91350100M000100Y43"
    /// The room's standard address code.
    static let addressCode = "510117003012|望丛东路|88|3|2|1203"
    static let roomID = F.id(2)
    static let employerID = F.id(4)
    static let newPersonID = F.id(20)
    static let submittedAt = Date(timeIntervalSince1970: 1_751_250_000)

    static func draft(
        kind: DeclarationKind = .newTenant, role: DeclarantRole = .landlord, idType: PersonIDType = .residentID,
        idNumber: String = F.residentID(), residenceKind: ResidenceKind? = .floating, addressCode: String? = addressCode,
        creditCode: String? = nil, effectiveOn: String = "2025-06-01"
    ) -> DeclarationDraft {
        DeclarationDraft(
            kind: kind, declarantRole: role, declarantName: "王建国", declarantPhone: "13912345678", personName: "张伟",
            idType: idType, idNumber: idNumber, personPhone: "13812345678", residenceKind: residenceKind,
            addressCode: addressCode, creditCode: creditCode, effectiveOn: effectiveOn)
    }

    static func employeeDraft(role: DeclarantRole = .employer) -> DeclarationDraft {
        draft(kind: .newEmployee, role: role, addressCode: nil, creditCode: creditCode)
    }

    static func movedOutDraft(effectiveOn: String = "2025-06-01") -> DeclarationDraft {
        draft(kind: .movedOut, role: .landlord, residenceKind: nil, effectiveOn: effectiveOn)
    }

    /// A pending declaration of `draft`, as the server would store it.
    static func declaration(_ draft: DeclarationDraft = draft()) throws -> Declaration {
        let content = try draft.validated(today: F.today)
        return Declaration(
            id: F.id(30), receipt: "K7M2Q-9XHT4", content: content, gridPath: F.gridPath,
            roomID: content.kind == .newEmployee ? nil : roomID,
            organizationID: content.kind == .newEmployee ? employerID : nil, submittedAt: submittedAt)
    }

    /// The failures of a draft that should not validate; empty when it validates.
    static func failures(of draft: DeclarationDraft, today: CalendarDay = F.today) -> [ValidationFailure] {
        do {
            _ = try draft.validated(today: today)
            return []
        } catch {
            return error.failures
        }
    }
}
