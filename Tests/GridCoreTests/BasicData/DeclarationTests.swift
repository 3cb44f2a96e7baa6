import Foundation
import Testing
@testable import GridCore

@Suite("Self-declaration (自主申报): drafts, validation, roles, receipts and JSON")
struct DeclarationTests {
    typealias F = BasicDataFixtures
    typealias D = DeclarationFixtures

    @Test("the fixtures' identifiers are real-format ones")
    func realIdentifiers() throws {
        #expect(try SocialCreditCode(D.creditCode).value == D.creditCode)
        #expect(try ResidentID(F.residentID(), today: F.today).value == F.residentID())
        #expect(StandardAddress.communityCode(ofAddressCode: D.addressCode) == "510117003012")
    }

    @Test("a valid draft becomes normalised content")
    func normalised() throws {
        var draft = D.draft()
        draft.declarantName = "  王建国 "
        draft.declarantPhone = "+86 139-1234-5678"
        draft.personName = "张伟　"
        draft.idNumber = " １１０１０５１９４９１２３１００２x "
        draft.personPhone = "１３８１２３４５６７８"
        draft.addressCode = " \(D.addressCode) "
        draft.creditCode = "  "
        draft.note = "   "
        draft.effectiveOn = " 2025-06-01 "
        let valid = try draft.validated(today: F.today)
        #expect(valid.kind == .newTenant)
        #expect(valid.declarantRole == .landlord)
        #expect(valid.declarantName == "王建国")
        #expect(valid.declarantPhone.value == "13912345678")
        #expect(valid.personName == "张伟")
        #expect(valid.idNumber == "11010519491231002X")
        #expect(valid.personPhone?.value == "13812345678")
        #expect(valid.residenceKind == .floating)
        #expect(valid.addressCode == D.addressCode)
        #expect(valid.creditCode == nil)
        #expect(valid.note == nil)
        #expect(valid.effectiveOn == CalendarDay(year: 2025, month: 6, day: 1))
    }

    @Test("each kind validates with only the fields it needs")
    func eachKind() throws {
        let moved = try D.movedOutDraft().validated(today: F.today)
        #expect(moved.residenceKind == nil)
        var employee = D.employeeDraft()
        employee.creditCode = " 91350100m000100y43 "
        let hired = try employee.validated(today: F.today)
        #expect(hired.creditCode?.value == D.creditCode)
        #expect(hired.addressCode == nil)
    }

    @Test("declared sex and birth date are kept for other documents only")
    func declaredValues() throws {
        var passport = D.draft(idType: .passport, idNumber: "e12345678", residenceKind: .overseas)
        passport.declaredSex = .female
        passport.declaredBirthDate = CalendarDay(year: 1988, month: 2, day: 29)
        let valid = try passport.validated(today: F.today)
        #expect(valid.idNumber == "E12345678")
        #expect(valid.declaredSex == .female)
        #expect(valid.declaredBirthDate == CalendarDay(year: 1988, month: 2, day: 29))
        var card = D.draft()
        card.declaredSex = .female
        card.declaredBirthDate = CalendarDay(year: 1988, month: 2, day: 29)
        let fromCard = try card.validated(today: F.today)
        #expect(fromCard.declaredSex == nil)
        #expect(fromCard.declaredBirthDate == nil)
    }

    /// One broken field of an otherwise valid draft.
    enum Breakage: String, CaseIterable, Sendable {
        case blankDeclarantName, longDeclarantName, badDeclarantPhone, emptyPersonName, wrongIDCheck, shortPassport
        case badPersonPhone, missingResidence, registeredWithPassport, overseasWithResidentID, futureBirthDate
        case missingAddress, malformedAddress, missingCreditCode, wrongCreditCheck, impossibleDate, slashedDate
        case futureDate, tooOldDate, longNote, employerDeclaresTenant, employerDeclaresMoveOut, landlordDeclaresEmployee

        var draft: DeclarationDraft {
            typealias D = DeclarationFixtures
            typealias F = BasicDataFixtures
            var draft = D.draft()
            switch self {
            case .blankDeclarantName: draft.declarantName = "　 "
            case .longDeclarantName: draft.declarantName = String(repeating: "王", count: 101)
            case .badDeclarantPhone: draft.declarantPhone = "12812345678"
            case .emptyPersonName: draft.personName = ""
            case .wrongIDCheck: draft.idNumber = F.wrongCheck(F.residentID())
            case .shortPassport: draft = D.draft(idType: .passport, idNumber: "E1", residenceKind: .overseas)
            case .badPersonPhone: draft.personPhone = "1381234"
            case .missingResidence: draft.residenceKind = nil
            case .registeredWithPassport: draft = D.draft(idType: .passport, idNumber: "E12345678", residenceKind: .registered)
            case .overseasWithResidentID: draft.residenceKind = .overseas
            case .futureBirthDate:
                draft = D.draft(idType: .passport, idNumber: "E12345678", residenceKind: .overseas)
                draft.declaredBirthDate = F.today.next
            case .missingAddress: draft.addressCode = " "
            case .malformedAddress: draft.addressCode = "望丛东路88号3栋2单元1203"
            case .missingCreditCode: draft = D.employeeDraft(); draft.creditCode = nil
            case .wrongCreditCheck: draft = D.employeeDraft(); draft.creditCode = "91350100M000100Y44"
            case .impossibleDate: draft.effectiveOn = "2025-02-29"
            case .slashedDate: draft.effectiveOn = "2025/06/01"
            case .futureDate: draft.effectiveOn = "2025-07-01"
            case .tooOldDate: draft.effectiveOn = "2024-06-28"
            case .longNote: draft.note = String(repeating: "备", count: 501)
            case .employerDeclaresTenant: draft.declarantRole = .employer
            case .employerDeclaresMoveOut: draft = D.movedOutDraft(); draft.declarantRole = .employer
            case .landlordDeclaresEmployee: draft = D.employeeDraft(role: .landlord)
            }
            return draft
        }

        /// The field named and a fragment of the Chinese reason.
        var expected: (field: String, zh: String) {
            switch self {
            case .blankDeclarantName: ("declarant_name", "申报人姓名不能为空")
            case .longDeclarantName: ("declarant_name", "不能超过 100 个字")
            case .badDeclarantPhone: ("declarant_phone", "手机号码应以 13 至 19 开头")
            case .emptyPersonName: ("person_name", "姓名不能为空")
            case .wrongIDCheck: ("id_number", "校验码错误")
            case .shortPassport: ("id_number", "不符合护照的格式")
            case .badPersonPhone: ("person_phone", "应为 11 位")
            case .missingResidence: ("residence_kind", "请选择人员类型")
            case .registeredWithPassport: ("residence_kind", "户籍人口应使用居民身份证登记")
            case .overseasWithResidentID: ("residence_kind", "境外人员不能使用居民身份证登记")
            case .futureBirthDate: ("declared_birth_date", "晚于今天")
            case .missingAddress: ("address_code", "请选择房屋地址")
            case .malformedAddress: ("address_code", "不是有效的房屋地址编码")
            case .missingCreditCode: ("credit_code", "统一社会信用代码不能为空")
            case .wrongCreditCheck: ("credit_code", "校验码错误")
            case .impossibleDate: ("effective_on", "入住日期“2025-02-29”不是有效日期")
            case .slashedDate: ("effective_on", "应为 yyyy-MM-dd 格式")
            case .futureDate: ("effective_on", "入住日期 2025-07-01 晚于今天")
            case .tooOldDate: ("effective_on", "早于 366 天前（最早 2024-06-29）")
            case .longNote: ("note", "备注不能超过 500 个字")
            case .employerDeclaresTenant: ("declarant_role", "用人单位不能申报“新租户入住登记”")
            case .employerDeclaresMoveOut: ("declarant_role", "用人单位不能申报“迁出申报”")
            case .landlordDeclaresEmployee: ("declarant_role", "房东不能申报“新员工登记”")
            }
        }
    }

    @Test("each rule names its field with reasons in both languages", arguments: Breakage.allCases)
    func oneFailure(breakage: Breakage) throws {
        let failures = D.failures(of: breakage.draft)
        let failure = try #require(failures.first)
        #expect(failures.count == 1, "\(failures)")
        #expect(failure.field == breakage.expected.field)
        #expect(failure.reason.zhHans.contains(breakage.expected.zh), "\(failure.reason.zhHans)")
        #expect(!failure.reason.en.isEmpty)
        #expect(failure.reason.en != failure.reason.zhHans)
    }

    @Test("the edges of the date window, the note and the names are accepted")
    func edges() throws {
        #expect(D.failures(of: D.draft(effectiveOn: F.today.description)).isEmpty)
        #expect(D.failures(of: D.draft(effectiveOn: "2024-06-29")).isEmpty)
        var draft = D.draft()
        draft.note = String(repeating: "备", count: 500)
        draft.declarantName = String(repeating: "王", count: 100)
        draft.personPhone = nil
        #expect(D.failures(of: draft).isEmpty)
    }

    @Test("every problem is reported at once, in field order")
    func collected() {
        let draft = DeclarationDraft(
            kind: .newEmployee, declarantRole: .landlord, declarantName: "", declarantPhone: "abc", personName: " ",
            idType: .residentID, idNumber: F.wrongCheck(F.residentID()), personPhone: "123", residenceKind: nil,
            addressCode: nil, creditCode: "91350100M000100Y4", effectiveOn: "yesterday",
            note: String(repeating: "x", count: 501))
        let failures = D.failures(of: draft)
        #expect(failures.map(\.field) == [
            "declarant_role", "declarant_name", "declarant_phone", "person_name", "id_number", "person_phone", "residence_kind",
            "credit_code", "effective_on", "note",
        ])
        let all = ValidationFailures(failures)
        #expect(all.field == "declarant_role")
        #expect(all.reason.zhHans.contains("declarant_phone：手机号码"))
        #expect(all.reason.en.contains("declarant_phone: the mobile number"))
        #expect(failures.allSatisfy { !$0.reason.zhHans.isEmpty && !$0.reason.en.isEmpty })
    }

    @Test("roles: an employer declares only new employees, a landlord never does")
    func roles() {
        for role in DeclarantRole.allCases {
            for kind in DeclarationKind.allCases {
                let allowed = switch (role, kind) {
                case (.employer, .newEmployee): true
                case (.employer, _), (.landlord, .newEmployee): false
                default: true
                }
                #expect(role.mayDeclare(kind) == allowed, "\(role) \(kind)")
                var draft = switch kind {
                case .newTenant: D.draft()
                case .movedOut: D.movedOutDraft()
                case .newEmployee: D.employeeDraft()
                }
                draft.declarantRole = role
                let fields = D.failures(of: draft).map(\.field)
                #expect(fields == (allowed ? [] : ["declarant_role"]), "\(role) \(kind)")
            }
        }
    }

    @Test("enumerations have stable codes and labels in both languages")
    func enumerations() {
        #expect(DeclarationKind.allCases.map(\.rawValue) == ["new_tenant", "moved_out", "new_employee"])
        #expect(DeclarantRole.allCases.map(\.rawValue) == ["resident", "landlord", "employer", "property_manager"])
        #expect(DeclarationState.allCases.map(\.rawValue) == ["pending", "accepted", "rejected"])
        #expect(DeclarationKind.newTenant.label.zhHans == "新租户入住登记")
        #expect(DeclarantRole.propertyManager.label == LocalizedText(zh: "物业", en: "property manager"))
        #expect(DeclarationState.rejected.label.zhHans == "已退回")
        #expect(DeclarantRole(cell: "房东") == .landlord)
    }

    @Test("receipt numbers: ten characters without look-alikes, in two groups")
    func receipts() {
        var generator = SeededGenerator(seed: 7)
        var seen = Set<String>()
        for _ in 0..<500 {
            let receipt = DeclarationReceipt.make(using: &generator)
            let characters = Array(receipt)
            #expect(characters.count == 11)
            #expect(characters[5] == "-")
            #expect(characters.enumerated().allSatisfy { $0.offset == 5 || DeclarationReceipt.alphabet.contains($0.element) })
            #expect(!receipt.contains(where: "0O1IL".contains))
            #expect(DeclarationReceipt.normalized(receipt) == receipt)
            seen.insert(receipt)
        }
        #expect(seen.count == 500)
        var again = SeededGenerator(seed: 7)
        var first = SeededGenerator(seed: 7)
        #expect(DeclarationReceipt.make(using: &again) == DeclarationReceipt.make(using: &first))
    }

    @Test("receipt numbers are read as people type them", arguments: [
        ("K7M2Q-9XHT4", "K7M2Q-9XHT4"), ("k7m2q-9xht4", "K7M2Q-9XHT4"), ("K7M2Q9XHT4", "K7M2Q-9XHT4"),
        ("  K7M2Q-9XHT4 \n", "K7M2Q-9XHT4"), ("Ｋ７Ｍ２Ｑ－９ＸＨＴ４", "K7M2Q-9XHT4"), ("K7M2Q 9XHT4", "K7M2Q-9XHT4"),
        ("　ｋ７ｍ２ｑ９ｘｈｔ４　", "K7M2Q-9XHT4"),
    ])
    func receiptInput(text: String, expected: String) {
        #expect(DeclarationReceipt.normalized(text) == expected)
    }

    @Test("anything else is not a receipt number", arguments: [
        "", "K7M2Q-9XHT", "K7M2Q-9XHT45", "K7M2Q--9XHT4", "K7M2-Q9XHT4", "K7M2Q-9XHT0", "O7M2Q-9XHT4", "K7M2Q-9XHTI",
        "K7M2Q-9XHTL", "K1M2Q-9XHT4", "K7M2Q_9XHT4", "回执号K7M2Q",
    ])
    func notReceipts(text: String) {
        #expect(DeclarationReceipt.normalized(text) == nil)
    }

    @Test("a draft survives JSON with its property names as keys, and decodes the web form's body")
    func draftJSON() throws {
        var draft = D.draft(idType: .passport, idNumber: "E12345678", residenceKind: .overseas)
        draft.declaredSex = .male
        draft.declaredBirthDate = CalendarDay(year: 1990, month: 1, day: 2)
        draft.note = "合租，次卧"
        let data = try JSONEncoder().encode(draft)
        #expect(try JSONDecoder().decode(DeclarationDraft.self, from: data) == draft)
        let text = String(decoding: data, as: UTF8.self)
        for fragment in [#""kind":"new_tenant""#, #""declarant_role":"landlord""#, #""id_type":"passport""#,
                         #""residence_kind":"overseas""#, #""declared_birth_date":"1990-01-02""#, #""effective_on":"2025-06-01""#] {
            #expect(text.contains(fragment), "\(fragment)")
        }
        let body = Data("""
        {"kind":"new_employee","declarant_role":"employer","declarant_name":"李强","declarant_phone":"13912345678",
         "person_name":"赵敏","id_type":"resident_id","id_number":"\(F.residentID())","residence_kind":"floating",
         "credit_code":"\(D.creditCode)","effective_on":"2025-05-20"}
        """.utf8)
        let decoded = try JSONDecoder().decode(DeclarationDraft.self, from: body)
        #expect(decoded.kind == .newEmployee)
        #expect(decoded.addressCode == nil && decoded.note == nil && decoded.personPhone == nil)
        #expect(try decoded.validated(today: F.today).creditCode?.value == D.creditCode)
        let missingKind = Data(#"{"declarant_role":"employer"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DeclarationDraft.self, from: missingKind) }
    }
}
