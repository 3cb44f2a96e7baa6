import Testing
@testable import GridCore

@Suite("People (实有人口): validation with real-format identifiers")
struct PersonValidationTests {
    typealias F = BasicDataFixtures

    @Test("a complete, correct record has no failures; sex and birth date come from the number")
    func valid() {
        let person = F.person(idNumber: F.residentID(birth: "19900307", sequence: "123"))
        #expect(person.validate(today: F.today).isEmpty)
        #expect(person.sex == .male)
        #expect(person.birthDate == CalendarDay(year: 1990, month: 3, day: 7))
        #expect(person.age(on: F.today) == 35)
        let woman = F.person(idNumber: F.residentID(birth: "20010630", sequence: "124"))
        #expect(woman.sex == .female)
        #expect(woman.age(on: F.today) == 24)
        #expect("\(woman)".contains("510117********"))
    }

    @Test("a lower-case x and full-width digits are normalised")
    func normalised() {
        // 11010519491231002X is the GB 11643 textbook example.
        let person = F.person(idNumber: " 11010519491231002x ")
        #expect(person.idNumber == "11010519491231002X")
        #expect(person.validate(today: F.today).isEmpty)
        #expect(Person.normalizedIDNumber("５１０１１７") == "510117")
    }

    @Test("identity numbers are refused with the precise reason", arguments: [
        (BasicDataFixtures.wrongCheck(BasicDataFixtures.residentID()), "校验码错误"),
        (BasicDataFixtures.residentID(birth: "19900230"), "出生日期“19900230”不存在"),
        (BasicDataFixtures.residentID(birth: "20300101"), "晚于今天"),
        (BasicDataFixtures.residentID(region: "990117"), "省级行政区划代码“99”不存在"),
        ("51011719900307123", "应为 18 位"),
        ("5101171990030712A4", "第 17 位"),
        ("", "不能为空"),
    ])
    func invalidIDs(number: String, reason: String) throws {
        let failures = F.person(idNumber: number).validate(today: F.today)
        let failure = try #require(failures.first)
        #expect(failures.count == 1)
        #expect(failure.field == "idNumber")
        #expect(failure.reason.zhHans.contains(reason))
        #expect(!failure.reason.en.isEmpty)
    }

    @Test("a bad mobile number cannot even be built")
    func badMobile() {
        #expect(throws: IdentityError.self) { try MobileNumber("12812345678") }
        #expect(throws: IdentityError.self) { try MobileNumber("1381234567") }
    }

    @Test("registered people use the identity card; overseas people do not")
    func residenceAndDocument() {
        var passport = F.person()
        passport.idType = .passport
        passport.idNumber = "E12345678"
        #expect(passport.validate(today: F.today).map(\.field) == ["residenceKind"])
        passport.residenceKind = .overseas
        #expect(passport.validate(today: F.today).isEmpty)
        let overseasWithID = F.person(kind: .overseas)
        #expect(overseasWithID.validate(today: F.today).map(\.field) == ["residenceKind"])
    }

    @Test("other documents are checked by format", arguments: [
        (PersonIDType.passport, "E12345678", true), (.passport, "E1", false), (.passport, "E123-4567", false),
        (.hongKongMacauPermit, "H12345678", true), (.hongKongMacauPermit, "M1234567890", true),
        (.hongKongMacauPermit, "X12345678", false),
        (.hongKongMacauPermit, BasicDataFixtures.residentID(region: "810000"), true),
        (.hongKongMacauPermit, BasicDataFixtures.wrongCheck(BasicDataFixtures.residentID(region: "810000")), false),
        (.taiwanPermit, "12345678", true), (.taiwanPermit, "1234567", false),
        (.taiwanPermit, BasicDataFixtures.residentID(region: "830000"), true),
        (.foreignPermanentResidence, "USA110080012345", true),
        (.foreignPermanentResidence, BasicDataFixtures.residentID(region: "911100"), true),
        (.foreignPermanentResidence, "12345", false),
        (.other, "ABC-123", true), (.other, "ABC 123", false),
    ])
    func documentFormats(type: PersonIDType, number: String, fits: Bool) {
        let failure = type.formatFailure(of: Person.normalizedIDNumber(number), today: F.today)
        #expect((failure == nil) == fits)
        if let failure { #expect(failure.field == "idNumber") }
    }

    @Test("declared birth dates apply to other documents and must not be in the future")
    func declaredBirth() {
        var visitor = F.person(kind: .overseas)
        visitor.idType = .passport
        visitor.idNumber = "E12345678"
        visitor.declaredSex = .female
        visitor.declaredBirthDate = CalendarDay(year: 2026, month: 1, day: 1)
        #expect(visitor.sex == .female)
        #expect(visitor.validate(today: F.today).map(\.field).contains("declaredBirthDate"))
        visitor.declaredBirthDate = CalendarDay(year: 1980, month: 1, day: 1)
        #expect(visitor.validate(today: F.today).isEmpty)
        #expect(visitor.age(on: F.today) == 45)
    }

    @Test("moving dates: not in the future, out not before in, in not before birth")
    func dates() {
        var person = F.person()
        person.movedInOn = CalendarDay(year: 2020, month: 5, day: 1)
        person.movedOutOn = CalendarDay(year: 2019, month: 5, day: 1)
        let failure = person.validate(today: F.today).first
        #expect(failure?.field == "movedOutOn")
        #expect(failure?.reason.zhHans == "迁出日期 2019-05-01 早于迁入日期 2020-05-01")
        person.movedOutOn = CalendarDay(year: 2025, month: 7, day: 1)
        #expect(person.validate(today: F.today).map(\.field) == ["movedOutOn"])
        person.movedOutOn = nil
        person.movedInOn = CalendarDay(year: 1989, month: 1, day: 1)
        #expect(person.validate(today: F.today).map(\.field) == ["movedInOn"])
        person.movedInOn = CalendarDay(year: 2025, month: 12, day: 1)
        #expect(person.validate(today: F.today).map(\.field) == ["movedInOn"])
    }

    @Test("care groups with an age rule: elderly from 60, left-behind children under 16")
    func careGroupAges() {
        var young = F.person(idNumber: F.residentID(birth: "19900307"))
        young.careGroups = [.elderlyAlone, .leftBehindChild, .veteran]
        let failures = young.validate(today: F.today)
        #expect(failures.map(\.field) == ["careGroups", "careGroups"])
        #expect(failures.first?.reason.zhHans == "独居老人应年满 60 周岁，此人 35 岁")
        var elder = F.person(idNumber: F.residentID(birth: "19500101"))
        elder.careGroups = [.elderlyAlone, .lowIncome]
        #expect(elder.validate(today: F.today).isEmpty)
        #expect(CareGroup.elderlyAlone.needsMonthlyVisit)
        #expect(CareGroup.lowIncome.needsMonthlyVisit)
        #expect(!CareGroup.veteran.needsMonthlyVisit)
    }

    @Test("names and tags")
    func namesAndTags() {
        var person = F.person(name: " ")
        person.tags = ["党员", ""]
        #expect(person.validate(today: F.today).map(\.field) == ["name", "tags"])
        person.name = String(repeating: "张", count: 101)
        person.tags = [String(repeating: "长", count: 21)]
        #expect(person.validate(today: F.today).map(\.field) == ["name", "tags"])
    }

    @Test("residence on a day follows the moving dates")
    func residence() {
        var person = F.person()
        #expect(person.isResident(on: F.today))
        person.movedOutOn = CalendarDay(year: 2025, month: 1, day: 1)
        #expect(!person.isResident(on: F.today))
        #expect(person.isResident(on: CalendarDay(year: 2024, month: 12, day: 31) ?? F.today))
        #expect(!person.isResident(on: CalendarDay(year: 2015, month: 2, day: 28) ?? F.today))
    }

    @Test("enumerations read labels, raw values and aliases")
    func enumerationCells() {
        #expect(PersonIDType(cell: "居民身份证") == .residentID)
        #expect(PersonIDType(cell: "resident_id") == .residentID)
        #expect(PersonIDType(cell: "身份证") == .residentID)
        #expect(PersonIDType(cell: "Passport") == .passport)
        #expect(ResidenceKind(cell: "流动人口") == .floating)
        #expect(ResidenceKind(cell: " floating ") == .floating)
        #expect(CareGroup(cell: "低保") == .lowIncome)
        #expect(ResidentID.Sex(cell: "女") == .female)
        #expect(ResidenceKind(cell: "游客") == nil)
        #expect(ResidenceKind(cell: "") == nil)
        for type in PersonIDType.allCases { #expect(PersonIDType(cell: type.label.zhHans) == type) }
        for group in CareGroup.allCases { #expect(CareGroup(cell: group.rawValue) == group) }
    }
}
