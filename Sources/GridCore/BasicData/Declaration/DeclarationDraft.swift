import Foundation

/// A self-declaration as the declarant submits it (自主申报): from the public web form without an
/// account, or through the API with a token. It is also the request body; the JSON keys are the
/// property names. Nothing here is trusted until `validated(today:)` has checked it.
public struct DeclarationDraft: Codable, Sendable, Hashable {
    /// 申报类型.
    public var kind: DeclarationKind
    /// 申报人身份: resident, landlord, employer or property manager.
    public var declarantRole: DeclarantRole
    /// 申报人姓名.
    public var declarantName: String
    /// 申报人手机号码: a mainland mobile number, so the outcome can be told.
    public var declarantPhone: String
    /// 被申报人姓名: the person who moved in, moved out or was taken on.
    public var personName: String
    /// 证件类型.
    public var idType: PersonIDType
    /// 证件号码.
    public var idNumber: String
    /// 被申报人手机号码, optional.
    public var personPhone: String?
    /// 人员类型: required for a new tenant and a new employee.
    public var residenceKind: ResidenceKind?
    /// 性别 as declared, for documents that do not carry it; ignored for resident identity cards.
    public var declaredSex: ResidentID.Sex?
    /// 出生日期 as declared, for documents that do not carry it; ignored for resident identity cards.
    public var declaredBirthDate: CalendarDay?
    /// 房屋地址编码: the room's standard address code (`StandardAddress.addressCode`); required
    /// for a new tenant and a move out.
    public var addressCode: String?
    /// 用人单位统一社会信用代码: required for a new employee.
    public var creditCode: String?
    /// `yyyy-MM-dd`: the day of moving in (入住日期), moving out (迁出日期) or taking up work (入职日期).
    public var effectiveOn: String
    /// 备注, at most `maximumNoteLength` characters.
    public var note: String?

    /// The longest note accepted.
    public static let maximumNoteLength = 500
    /// How far back a declaration may reach: `effectiveOn` at most this many days before today.
    public static let maximumDaysBack = 366

    public init(
        kind: DeclarationKind, declarantRole: DeclarantRole, declarantName: String, declarantPhone: String, personName: String,
        idType: PersonIDType, idNumber: String, personPhone: String? = nil, residenceKind: ResidenceKind? = nil,
        declaredSex: ResidentID.Sex? = nil, declaredBirthDate: CalendarDay? = nil, addressCode: String? = nil,
        creditCode: String? = nil, effectiveOn: String, note: String? = nil
    ) {
        self.kind = kind
        self.declarantRole = declarantRole
        self.declarantName = declarantName
        self.declarantPhone = declarantPhone
        self.personName = personName
        self.idType = idType
        self.idNumber = idNumber
        self.personPhone = personPhone
        self.residenceKind = residenceKind
        self.declaredSex = declaredSex
        self.declaredBirthDate = declaredBirthDate
        self.addressCode = addressCode
        self.creditCode = creditCode
        self.effectiveOn = effectiveOn
        self.note = note
    }

    /// Checks the declaration and returns its normalised content, or every problem at once, each
    /// naming its field (the JSON key) with the reason in both languages:
    /// - declarantRole: an employer declares only new employees; a landlord no new employees;
    /// - declarantName, personName: required, at most 100 characters;
    /// - declarantPhone: a mainland mobile number; personPhone too, when given;
    /// - idNumber: checked against `idType` as for a registered person (`PersonIDType.formatFailure`);
    /// - residenceKind: required for a new tenant and a new employee; registered residents hold a
    ///   resident identity card, overseas people do not;
    /// - declaredBirthDate: not after `today` (documents other than the identity card);
    /// - addressCode: required for a new tenant and a move out, with a community code before the first `|`;
    /// - creditCode: required for a new employee, a valid unified social credit code when given;
    /// - effectiveOn: a real `yyyy-MM-dd` day, not after `today`, at most `maximumDaysBack` days before it;
    /// - note: at most `maximumNoteLength` characters.
    /// Blank optional texts count as absent.
    public func validated(today: CalendarDay) throws(ValidationFailures) -> ValidDeclaration {
        var failures: [ValidationFailure] = []
        func add(_ failure: ValidationFailure?) {
            if let failure { failures.append(failure) }
        }
        if !declarantRole.mayDeclare(kind) {
            failures.append(ValidationFailure(
                field: "declarant_role",
                zh: "\(declarantRole.label.zhHans)不能申报“\(kind.label.zhHans)”",
                en: "a \(declarantRole.label.en) may not declare a \(kind.label.en)"))
        }
        add(FieldCheck.name(declarantName, field: "declarant_name", zh: "申报人姓名", en: "declarant's name"))
        var declarantMobile: MobileNumber?
        do {
            declarantMobile = try MobileNumber(declarantPhone, field: "declarant_phone")
        } catch {
            failures.append(ValidationFailure(error))
        }
        add(FieldCheck.name(personName, field: "person_name", zh: "姓名", en: "name"))
        let number = Person.normalizedIDNumber(idNumber)
        add(idType.formatFailure(of: number, today: today, field: "id_number"))
        var personMobile: MobileNumber?
        if let personPhone = Self.given(personPhone) {
            do {
                personMobile = try MobileNumber(personPhone, field: "person_phone")
            } catch {
                failures.append(ValidationFailure(error))
            }
        }
        if let residenceKind {
            add(Person.residenceFailure(residenceKind, idType: idType).map { ValidationFailure(field: "residence_kind", reason: $0.reason) })
        } else if kind != .movedOut {
            failures.append(ValidationFailure(
                field: "residence_kind", zh: "请选择人员类型（\(ResidenceKind.chineseChoices)）",
                en: "choose the kind of residence (\(ResidenceKind.rawChoices))"))
        }
        let documentCarriesBirth = idType == .residentID
        if !documentCarriesBirth {
            add(FieldCheck.notAfterToday(declaredBirthDate, today: today, field: "declared_birth_date", zh: "出生日期", en: "birth date"))
        }
        let address = Self.given(addressCode)
        if let address {
            if StandardAddress.communityCode(ofAddressCode: address) == nil {
                failures.append(ValidationFailure(
                    field: "address_code", zh: "“\(address)”不是有效的房屋地址编码",
                    en: "“\(address)” is not a standard address code"))
            }
        } else if kind != .newEmployee {
            failures.append(ValidationFailure(
                field: "address_code", zh: "请选择房屋地址", en: "the room's address code is required"))
        }
        var credit: SocialCreditCode?
        let code = Self.given(creditCode)
        if code != nil || kind == .newEmployee {
            do {
                credit = try SocialCreditCode(code ?? "", field: "credit_code")
            } catch {
                failures.append(ValidationFailure(error))
            }
        }
        let effectiveDay = Self.effectiveDay(effectiveOn, kind: kind, today: today, failures: &failures)
        let text = Self.given(note)
        if let text, text.count > Self.maximumNoteLength {
            failures.append(ValidationFailure(
                field: "note", zh: "备注不能超过 \(Self.maximumNoteLength) 个字",
                en: "the note must be at most \(Self.maximumNoteLength) characters"))
        }
        guard failures.isEmpty, let declarantMobile, let effectiveDay else { throw ValidationFailures(failures) }
        return ValidDeclaration(
            kind: kind, declarantRole: declarantRole, declarantName: BasicDataText.trimmed(declarantName),
            declarantPhone: declarantMobile, personName: BasicDataText.trimmed(personName), idType: idType, idNumber: number,
            personPhone: personMobile, residenceKind: residenceKind,
            declaredSex: documentCarriesBirth ? nil : declaredSex, declaredBirthDate: documentCarriesBirth ? nil : declaredBirthDate,
            addressCode: address, creditCode: credit, effectiveOn: effectiveDay, note: text)
    }

    /// The text trimmed, nil when absent or blank.
    private static func given(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = BasicDataText.trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `effectiveOn` as a day, or nil with its failure added.
    private static func effectiveDay(
        _ text: String, kind: DeclarationKind, today: CalendarDay, failures: inout [ValidationFailure]
    ) -> CalendarDay? {
        let name = kind.effectiveDateName
        let trimmed = BasicDataText.trimmed(text)
        guard let day = CalendarDay(iso: trimmed) else {
            failures.append(ValidationFailure(
                field: "effective_on", zh: "\(name.zhHans)“\(trimmed)”不是有效日期，应为 yyyy-MM-dd 格式",
                en: "the \(name.en) “\(trimmed)” is not a valid yyyy-MM-dd date"))
            return nil
        }
        if let future = FieldCheck.notAfterToday(day, today: today, field: "effective_on", zh: name.zhHans, en: name.en) {
            failures.append(future)
            return nil
        }
        let earliest = today.adding(days: -maximumDaysBack)
        if day < earliest {
            failures.append(ValidationFailure(
                field: "effective_on",
                zh: "\(name.zhHans) \(day) 早于 \(maximumDaysBack) 天前（最早 \(earliest)），请直接联系网格员",
                en: "the \(name.en) \(day) is more than \(maximumDaysBack) days ago (the earliest is \(earliest)); "
                    + "please contact your grid worker"))
            return nil
        }
        return day
    }

    enum CodingKeys: String, CodingKey {
        case kind, note
        case declarantRole = "declarant_role"
        case declarantName = "declarant_name"
        case declarantPhone = "declarant_phone"
        case personName = "person_name"
        case idType = "id_type"
        case idNumber = "id_number"
        case personPhone = "person_phone"
        case residenceKind = "residence_kind"
        case declaredSex = "declared_sex"
        case declaredBirthDate = "declared_birth_date"
        case addressCode = "address_code"
        case creditCode = "credit_code"
        case effectiveOn = "effective_on"
    }
}

extension DeclarationKind {
    /// What `effectiveOn` means for this kind of declaration.
    var effectiveDateName: LocalizedText {
        switch self {
        case .newTenant: LocalizedText(zh: "入住日期", en: "moved-in date")
        case .movedOut: LocalizedText(zh: "迁出日期", en: "moved-out date")
        case .newEmployee: LocalizedText(zh: "入职日期", en: "employment date")
        }
    }
}
