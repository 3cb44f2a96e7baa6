import Foundation
import Testing
@testable import GridCore

@Suite("Self-declaration (自主申报): review, effect on the registry, stored form and DTOs")
struct DeclarationReviewTests {
    typealias F = BasicDataFixtures
    typealias D = DeclarationFixtures

    static let reviewedAt = Date(timeIntervalSince1970: 1_751_300_000)
    static let recordedOn = F.today
    static let otherRoomID = F.id(12)
    static let otherEmployerID = F.id(14)

    // MARK: Review

    @Test("a pending declaration is accepted once, recording who, when and which person")
    func accept() throws {
        let pending = try D.declaration()
        #expect(pending.state == .pending)
        #expect(pending.kind == .newTenant)
        let accepted = try pending.accepted(by: "wanggrid", at: Self.reviewedAt, personID: D.newPersonID)
        #expect(accepted.state == .accepted)
        #expect(accepted.reviewedBy == "wanggrid")
        #expect(accepted.reviewedAt == Self.reviewedAt)
        #expect(accepted.personID == D.newPersonID)
        #expect(accepted.rejectionReason == nil)
        #expect(accepted.id == pending.id && accepted.content == pending.content)
        #expect(throws: DeclarationError.alreadyReviewed(.accepted)) {
            try accepted.accepted(by: "other", at: Self.reviewedAt, personID: D.newPersonID)
        }
        #expect(throws: DeclarationError.alreadyReviewed(.accepted)) {
            try accepted.rejected(by: "other", at: Self.reviewedAt, reason: "重复提交")
        }
    }

    @Test("a rejection needs a reason of 2 to 500 characters, kept trimmed")
    func reject() throws {
        let pending = try D.declaration()
        let rejected = try pending.rejected(by: "wanggrid", at: Self.reviewedAt, reason: "  证件号码与姓名不符 ")
        #expect(rejected.state == .rejected)
        #expect(rejected.rejectionReason == "证件号码与姓名不符")
        #expect(rejected.reviewedBy == "wanggrid")
        #expect(rejected.personID == nil)
        #expect(throws: DeclarationError.alreadyReviewed(.rejected)) {
            try rejected.accepted(by: "wanggrid", at: Self.reviewedAt, personID: D.newPersonID)
        }
        for reason in ["", "  ", "否", " 否　", String(repeating: "理", count: 501)] {
            do {
                _ = try pending.rejected(by: "wanggrid", at: Self.reviewedAt, reason: reason)
                Issue.record("accepted the reason “\(reason)”")
            } catch {
                guard case .invalid(let failure) = error else {
                    Issue.record("wrong error \(error)")
                    continue
                }
                #expect(failure.field == "reason")
                #expect(error.field == "reason")
                #expect(error.reason.zhHans.contains("理由"))
                #expect(error.reason.en.contains("reason"))
            }
        }
        #expect(try pending.rejected(by: "w", at: Self.reviewedAt, reason: "不符").rejectionReason == "不符")
        #expect(try pending.rejected(by: "w", at: Self.reviewedAt, reason: String(repeating: "理", count: 500)).state == .rejected)
    }

    @Test("the review state is checked before the reason; the refusal reads in both languages")
    func reviewOrder() throws {
        let accepted = try D.declaration().accepted(by: "w", at: Self.reviewedAt, personID: D.newPersonID)
        #expect(throws: DeclarationError.alreadyReviewed(.accepted)) {
            try accepted.rejected(by: "w", at: Self.reviewedAt, reason: "")
        }
        let error = DeclarationError.alreadyReviewed(.accepted)
        #expect(error.field == nil)
        #expect(error.reason.zhHans.contains("已采纳"))
        #expect(error.reason.en.contains("already reviewed (accepted)"))
    }

    // MARK: Effect: new tenant

    @Test("new tenant, not yet registered: a new person living in the room")
    func newTenantNewPerson() throws {
        var draft = D.draft(idType: .passport, idNumber: "E12345678", residenceKind: .overseas)
        draft.declaredSex = .female
        draft.declaredBirthDate = CalendarDay(year: 1992, month: 4, day: 5)
        let declaration = try D.declaration(draft)
        let person = try declaration.effect(
            existing: nil, roomID: D.roomID, roomGridPath: F.otherGridPath, employerID: nil, employerGridPath: nil,
            recordedOn: Self.recordedOn, newPersonID: D.newPersonID)
        #expect(person.id == D.newPersonID)
        #expect(person.name == "张伟")
        #expect(person.idType == .passport && person.idNumber == "E12345678")
        #expect(person.phone?.value == "13812345678")
        #expect(person.residenceKind == .overseas)
        #expect(person.roomID == D.roomID)
        #expect(person.gridPath == F.otherGridPath)
        #expect(person.movedInOn == CalendarDay(year: 2025, month: 6, day: 1))
        #expect(person.movedOutOn == nil)
        #expect(person.updatedOn == Self.recordedOn)
        #expect(person.sex == .female)
        #expect(person.birthDate == CalendarDay(year: 1992, month: 4, day: 5))
        #expect(person.employerID == nil)
        #expect(person.validate(today: F.today).isEmpty)
    }

    @Test("new tenant, already registered elsewhere: the same person moved into the room")
    func newTenantExisting() throws {
        var existing = F.person(roomID: Self.otherRoomID, kind: .registered)
        existing.movedOutOn = CalendarDay(year: 2025, month: 5, day: 1)
        existing.phone = F.phone("13700000000")
        existing.employerID = D.employerID
        existing.updatedOn = CalendarDay(year: 2025, month: 5, day: 1) ?? F.today
        let declaration = try D.declaration()
        let person = try declaration.effect(
            existing: existing, roomID: D.roomID, roomGridPath: F.otherGridPath, employerID: nil, employerGridPath: nil,
            recordedOn: Self.recordedOn, newPersonID: D.newPersonID)
        #expect(person.id == existing.id)
        #expect(person.name == existing.name)
        #expect(person.residenceKind == .registered)
        #expect(person.roomID == D.roomID)
        #expect(person.gridPath == F.otherGridPath)
        #expect(person.movedInOn == CalendarDay(year: 2025, month: 6, day: 1))
        #expect(person.movedOutOn == nil)
        #expect(person.phone?.value == "13812345678")
        #expect(person.householdID == nil && person.relationToHead == nil)
        #expect(person.employerID == D.employerID)
        #expect(person.updatedOn == Self.recordedOn)
        let diff = RecordDiff(from: existing, to: person)
        #expect(diff.fields == ["phone", "roomID", "householdID", "relationToHead", "movedInOn", "movedOutOn", "gridPath"])
    }

    @Test("new tenant back in the same room keeps the household; no declared phone keeps the old one")
    func newTenantSameRoom() throws {
        let existing = F.person(roomID: D.roomID)
        var draft = D.draft()
        draft.personPhone = nil
        let person = try D.declaration(draft).effect(
            existing: existing, roomID: D.roomID, roomGridPath: F.gridPath, employerID: nil, employerGridPath: nil,
            recordedOn: Self.recordedOn, newPersonID: D.newPersonID)
        #expect(person.householdID == existing.householdID)
        #expect(person.relationToHead == existing.relationToHead)
        #expect(person.phone == existing.phone)
    }

    @Test("new tenant without a room at that address is refused on addressCode")
    func newTenantNoRoom() throws {
        let declaration = try D.declaration()
        let missing = ValidationFailure(field: "address_code", zh: "该地址没有登记的房屋", en: "no room is registered at this address")
        for (room, path) in [(nil, F.gridPath), (D.roomID, nil), (nil, nil)] as [(UUID?, UnitPath?)] {
            #expect(throws: missing) {
                try declaration.effect(
                    existing: nil, roomID: room, roomGridPath: path, employerID: D.employerID, employerGridPath: F.gridPath,
                    recordedOn: Self.recordedOn, newPersonID: D.newPersonID)
            }
        }
    }

    // MARK: Effect: moved out

    @Test("moved out: the person living in the room is marked moved out, never deleted")
    func movedOut() throws {
        let existing = F.person(roomID: D.roomID)
        let person = try D.declaration(D.movedOutDraft()).effect(
            existing: existing, roomID: D.roomID, roomGridPath: F.gridPath, employerID: nil, employerGridPath: nil,
            recordedOn: Self.recordedOn, newPersonID: D.newPersonID)
        #expect(person.id == existing.id)
        #expect(person.movedOutOn == CalendarDay(year: 2025, month: 6, day: 1))
        #expect(person.updatedOn == Self.recordedOn)
        #expect(person.roomID == D.roomID)
        #expect(RecordDiff(from: existing, to: person).fields == ["movedOutOn"])
    }

    @Test("moved out is refused for someone not registered, not in that room, or already gone")
    func movedOutRefused() throws {
        let declaration = try D.declaration(D.movedOutDraft())
        func failure(_ existing: Person?, room: UUID? = D.roomID) -> ValidationFailure? {
            do {
                _ = try declaration.effect(
                    existing: existing, roomID: room, roomGridPath: F.gridPath, employerID: nil, employerGridPath: nil,
                    recordedOn: Self.recordedOn, newPersonID: D.newPersonID)
                return nil
            } catch {
                return error
            }
        }
        let nobody = failure(nil)
        #expect(nobody?.field == "id_number")
        #expect(nobody?.reason.zhHans == "登记信息中没有持此证件号码的人员")
        let elsewhere = failure(F.person(roomID: Self.otherRoomID))
        #expect(elsewhere?.field == "address_code")
        #expect(elsewhere?.reason == LocalizedText(zh: "该房屋没有登记此人", en: "this person is not registered in this room"))
        #expect(failure(F.person(roomID: D.roomID), room: nil)?.field == "address_code")
        var gone = F.person(roomID: D.roomID)
        gone.movedOutOn = CalendarDay(year: 2025, month: 3, day: 1)
        let already = failure(gone)
        #expect(already?.field == "effective_on")
        #expect(already?.reason.zhHans == "此人已于 2025-03-01 迁出")
        #expect(already?.reason.en == "this person already moved out on 2025-03-01")
        var recent = F.person(roomID: D.roomID)
        recent.movedInOn = CalendarDay(year: 2025, month: 6, day: 10)
        let early = failure(recent)
        #expect(early?.field == "effective_on")
        #expect(early?.reason.zhHans.contains("早于迁入日期 2025-06-10") == true)
    }

    // MARK: Effect: new employee

    @Test("new employee, already registered with a room: employer set, grid unchanged")
    func newEmployeeExisting() throws {
        let existing = F.person(roomID: D.roomID)
        let person = try D.declaration(D.employeeDraft()).effect(
            existing: existing, roomID: nil, roomGridPath: nil, employerID: D.employerID, employerGridPath: F.otherGridPath,
            recordedOn: Self.recordedOn, newPersonID: D.newPersonID)
        #expect(person.id == existing.id)
        #expect(person.employerID == D.employerID)
        #expect(person.gridPath == F.gridPath)
        #expect(person.roomID == D.roomID)
        #expect(person.updatedOn == Self.recordedOn)
        let diff = RecordDiff(from: existing, to: person)
        #expect(diff.fields == ["employerID"])
        #expect(diff["employerID"]?.new?.zhHans == D.employerID.uuidString.lowercased())
        #expect(diff["employerID"]?.summary.zhHans.hasPrefix("工作单位：") == true)
    }

    @Test("new employee, registered without a room: employer set and the employer's grid")
    func newEmployeeWithoutRoom() throws {
        var existing = F.person(roomID: nil)
        existing.employerID = Self.otherEmployerID
        let person = try D.declaration(D.employeeDraft()).effect(
            existing: existing, roomID: nil, roomGridPath: nil, employerID: D.employerID, employerGridPath: F.otherGridPath,
            recordedOn: Self.recordedOn, newPersonID: D.newPersonID)
        #expect(person.employerID == D.employerID)
        #expect(person.gridPath == F.otherGridPath)
    }

    @Test("new employee, not yet registered: a new person without a room in the employer's grid")
    func newEmployeeNewPerson() throws {
        let person = try D.declaration(D.employeeDraft()).effect(
            existing: nil, roomID: D.roomID, roomGridPath: F.gridPath, employerID: D.employerID,
            employerGridPath: F.otherGridPath, recordedOn: Self.recordedOn, newPersonID: D.newPersonID)
        #expect(person.id == D.newPersonID)
        #expect(person.employerID == D.employerID)
        #expect(person.roomID == nil)
        #expect(person.movedInOn == nil)
        #expect(person.gridPath == F.otherGridPath)
        #expect(person.residenceKind == .floating)
        #expect(person.idNumber == F.residentID())
        #expect(person.updatedOn == Self.recordedOn)
        #expect(person.validate(today: F.today).isEmpty)
    }

    @Test("new employee without that employer registered is refused on creditCode")
    func newEmployeeNoEmployer() throws {
        let declaration = try D.declaration(D.employeeDraft())
        do {
            _ = try declaration.effect(
                existing: F.person(), roomID: D.roomID, roomGridPath: F.gridPath, employerID: nil, employerGridPath: nil,
                recordedOn: Self.recordedOn, newPersonID: D.newPersonID)
            Issue.record("accepted without an employer")
        } catch {
            #expect(error.field == "credit_code")
            #expect(error.reason.zhHans == "没有登记该统一社会信用代码的单位")
            #expect(!error.reason.en.isEmpty)
        }
    }

    // MARK: Person's employer, stored form, DTOs

    @Test("a person's employer defaults to none and old stored records decode without it")
    func employerField() throws {
        let person = F.person()
        #expect(person.employerID == nil)
        var employed = person
        employed.employerID = D.employerID
        let data = try JSONEncoder().encode(employed)
        #expect(try JSONDecoder().decode(Person.self, from: data) == employed)
        let old = try JSONEncoder().encode(person)
        #expect(!String(decoding: old, as: UTF8.self).contains("employerID"))
        #expect(try JSONDecoder().decode(Person.self, from: old).employerID == nil)
    }

    @Test("a stored declaration survives JSON in every state")
    func declarationJSON() throws {
        var draft = D.draft()
        draft.note = "合租"
        let pending = try D.declaration(draft)
        let accepted = try pending.accepted(by: "wanggrid", at: Self.reviewedAt, personID: D.newPersonID)
        let rejected = try pending.rejected(by: "wanggrid", at: Self.reviewedAt, reason: "地址有误")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        for declaration in [pending, accepted, rejected] {
            let decoded = try decoder.decode(Declaration.self, from: try encoder.encode(declaration))
            #expect(decoded == declaration)
        }
        let text = String(decoding: try encoder.encode(accepted), as: UTF8.self)
        #expect(text.contains(#""state":"accepted""#))
        #expect(text.contains(#""declarantPhone":"13912345678""#))
    }

    @Test("the response DTO carries labels in the reader's language and the caller's masking")
    func dto() throws {
        let declaration = try D.declaration(D.employeeDraft())
            .rejected(by: "wanggrid", at: Self.reviewedAt, reason: "单位不在本网格")
        let number = Masking.maskIDNumber(declaration.content.idNumber)
        let phone = Masking.maskPhone(declaration.content.declarantPhone.value)
        let dto = DeclarationDTO(declaration, language: .en, idNumber: number, declarantPhone: phone)
        #expect(dto.id == declaration.id)
        #expect(dto.receipt == "K7M2Q-9XHT4")
        #expect(dto.kind == PersonDTO.Label(code: "new_employee", label: "new employee"))
        #expect(dto.state == PersonDTO.Label(code: "rejected", label: "rejected"))
        #expect(dto.declarantRole == PersonDTO.Label(code: "employer", label: "employer"))
        #expect(dto.idType.code == "resident_id")
        #expect(dto.idNumber == "510117********" + String(declaration.content.idNumber.suffix(4)))
        #expect(dto.declarantPhone == "139****5678")
        #expect(dto.residenceKind == PersonDTO.Label(code: "floating", label: "floating"))
        #expect(dto.creditCode == D.creditCode)
        #expect(dto.addressCode == nil)
        #expect(dto.effectiveOn == "2025-06-01")
        #expect(dto.gridPath == F.gridPath.rawValue)
        #expect(dto.organizationID == D.employerID)
        #expect(dto.submittedAt == D.submittedAt)
        #expect(dto.reviewedAt == Self.reviewedAt)
        #expect(dto.rejectionReason == "单位不在本网格")
        #expect(dto.personID == nil)
        let chinese = DeclarationDTO(declaration, language: .zhHans, idNumber: number, declarantPhone: phone)
        #expect(chinese.state.label == "已退回")
        let data = try JSONEncoder().encode(dto)
        #expect(try JSONDecoder().decode(DeclarationDTO.self, from: data) == dto)
        #expect(String(decoding: data, as: UTF8.self).contains(#""rejection_reason""#))
    }

    @Test("the submission answer tells the declarant to keep the receipt number")
    func receiptDTO() throws {
        let declaration = try D.declaration()
        let zh = DeclarationReceiptDTO(declaration, language: .zhHans)
        #expect(zh.id == declaration.id)
        #expect(zh.receipt == "K7M2Q-9XHT4")
        #expect(zh.state == PersonDTO.Label(code: "pending", label: "待审核"))
        #expect(zh.message.contains("K7M2Q-9XHT4") && zh.message.contains("保存回执号"))
        let en = DeclarationReceiptDTO(declaration, language: .en)
        #expect(en.message.contains("Keep this number"))
        let review = try JSONDecoder().decode(DeclarationReviewDTO.self, from: Data(#"{"decision":"reject","reason":"地址有误"}"#.utf8))
        #expect(review == DeclarationReviewDTO(decision: "reject", reason: "地址有误"))
        #expect(try JSONDecoder().decode(DeclarationReviewDTO.self, from: Data(#"{"decision":"accept"}"#.utf8)).reason == nil)
    }
}
