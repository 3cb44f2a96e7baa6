import Testing
@testable import GridCore

@Suite("People files (实有人口导入导出)")
struct PersonCSVTests {
    typealias F = BasicDataFixtures
    static let code = "510117003012|望丛东路|88|3|2|1203"

    static func line(_ cells: [String]) -> String {
        cells.map(CSVText.quoted).joined(separator: ",")
    }

    @Test("a file with the Chinese header reads into typed rows")
    func chineseHeader() throws {
        let text = """
            姓名,证件类型,证件号码,联系电话,人员类型,地址编码,迁入日期,关注群体,标签
            张伟,居民身份证,\(F.residentID()),138 1234 5678,户籍人口,\(Self.code),2015-03-01,"退役军人、残疾人",党员
            李娜,身份证,\(F.residentID(birth: "19950812", sequence: "046")),,流动,\(Self.code),2023/7/1,,
            """
        let rows = try PersonCSV.parse(text, today: F.today)
        #expect(rows.map(\.line) == [2, 3])
        let first = rows[0].row
        #expect(first.name == "张伟")
        #expect(first.idType == .residentID)
        #expect(first.phone?.value == "13812345678")
        #expect(first.residenceKind == .registered)
        #expect(first.addressCode == Self.code)
        #expect(first.movedInOn == CalendarDay(year: 2015, month: 3, day: 1))
        #expect(first.careGroups == [.veteran, .disabled])
        #expect(first.tags == ["党员"])
        #expect(rows[1].row.residenceKind == .floating)
        #expect(rows[1].row.movedInOn == CalendarDay(year: 2023, month: 7, day: 1))
        #expect(rows[1].row.phone == nil)
    }

    @Test("English headers, raw values, building and room instead of an address code")
    func englishHeader() throws {
        let text = """
            name,id_type,id_number,phone,residence_kind,building,room,moved_in_on,care_groups,relation_to_head
            Wang Fang,resident_id,\(F.residentID(birth: "19500101", sequence: "002")),,registered,望丛小区3栋,1203,20100101,elderly_alone|low_income,head
            """
        let rows = try PersonCSV.parse(text, today: F.today)
        let row = try #require(rows.first?.row)
        #expect(row.building == "望丛小区3栋")
        #expect(row.room == "1203")
        #expect(row.addressCode.isEmpty)
        #expect(row.careGroups == [.elderlyAlone, .lowIncome])
        #expect(row.relationToHead == .head)
        let person = row.makePerson(id: F.id(7), roomID: F.id(2), gridPath: F.gridPath, updatedOn: F.today)
        #expect(person.sex == .female)
        #expect(person.validate(today: F.today).isEmpty)
    }

    @Test("spreadsheet leftovers are tolerated: BOM, CRLF, blank lines, required marks, quotes")
    func tolerated() throws {
        let text = "\u{FEFF}*姓名,证件类型,证件号码,人员类型,地址编码,,\r\n\r\n"
            + "\"欧阳, 娜娜\",居民身份证,\(F.residentID()),户籍人口,\(Self.code),,\r\n"
        let rows = try PersonCSV.parse(text, today: F.today)
        #expect(rows.map(\.line) == [3])
        #expect(rows.first?.row.name == "欧阳, 娜娜")
    }

    @Test("every problem of the file is reported with its line and column as written")
    func allProblems() throws {
        let text = """
            姓名,证件类型,证件号码,联系电话,人员类型,地址编码,迁入日期,迁出日期,关注群体
            张伟,居民身份证,\(F.wrongCheck(F.residentID())),,户籍人口,\(Self.code),,,
            李娜,居民身份证,\(F.residentID(sequence: "124")),12812345678,常住,\(Self.code),,,
            王芳,居民身份证,\(F.residentID(birth: "19900230")),,户籍人口,\(Self.code),2024-13-01,,
            ,居民身份证,\(F.residentID(sequence: "126")),,户籍人口,,,,
            赵强,居民身份证,\(F.residentID(sequence: "127")),,户籍人口,\(Self.code),2020-01-01,2019-01-01,独居老人、游客
            钱军,居民身份证,\(F.residentID(sequence: "127")),,户籍人口,\(Self.code),,,
            """
        let error = try #require(throws: ImportProblems.self) { try PersonCSV.parse(text, today: F.today) }
        let positions = error.problems.map { "\($0.row) \($0.column)" }
        #expect(positions == [
            "2 证件号码",
            "3 联系电话", "3 人员类型",
            "4 迁入日期", "4 证件号码",
            "5 姓名", "5 地址编码",
            "6 关注群体", "6 迁出日期",
            "7 证件号码",
        ])
        #expect(error.problems[0].reason.zhHans.contains("校验码错误"))
        #expect(error.problems[2].reason.zhHans.hasPrefix("人员类型“常住”无效，应为以下之一：户籍人口、流动人口、境外人员"))
        #expect(error.problems[4].reason.zhHans.contains("19900230"))
        #expect(error.problems[7].reason.en == "care group “游客” is not one of: \(CareGroup.rawChoices)")
        #expect(error.problems[9].reason == LocalizedText(zh: "证件号码与第 6 行重复", en: "the document number repeats line 6"))
        #expect(error.problems[0].message.zhHans.hasPrefix("第 2 行“证件号码”列："))
        #expect(error.field == "证件号码")
        #expect(error.reason.en.hasPrefix("line 2, column 证件号码: "))
    }

    @Test("columns are named as written: an English file gets English column names")
    func columnsAsWritten() throws {
        let text = """
            name,id_type,id_number,residence_kind,address_code
            Li,passport,E1,overseas,\(Self.code)
            """
        let error = try #require(throws: ImportProblems.self) { try PersonCSV.parse(text, today: F.today) }
        #expect(error.problems.map(\.column) == ["id_number"])
        #expect(error.problems.first?.row == 2)
    }

    @Test("unknown, repeated and missing header columns are reported on line 1")
    func headerProblems() throws {
        let text = """
            姓名,证件号码,人员类别,爱好,姓名
            张伟,\(F.residentID()),户籍人口,下棋,张伟
            """
        let error = try #require(throws: ImportProblems.self) { try PersonCSV.parse(text, today: F.today) }
        #expect(error.problems.map(\.row) == [1, 1, 1, 1])
        #expect(error.problems.map(\.column) == ["爱好", "姓名", "证件类型", "地址编码"])
        #expect(error.problems[0].reason.zhHans.hasPrefix("未知的列“爱好”，可用的列：姓名,证件类型,证件号码"))
    }

    @Test("an empty file says what the header should be")
    func emptyFile() throws {
        let error = try #require(throws: ImportProblems.self) { try PersonCSV.parse("\n\n", today: F.today) }
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.reason.zhHans.contains(PersonCSV.header) == true)
    }

    @Test("sex and birth date in the file must agree with a resident identity number")
    func derivedFieldsAgree() throws {
        let text = """
            姓名,证件类型,证件号码,人员类型,地址编码,性别,出生日期
            张伟,居民身份证,\(F.residentID()),户籍人口,\(Self.code),女,1990-03-08
            """
        let error = try #require(throws: ImportProblems.self) { try PersonCSV.parse(text, today: F.today) }
        #expect(error.problems.map(\.column) == ["性别", "出生日期"])
    }

    @Test("10,000 lines with one bad line report exactly that line and column")
    func tenThousandLines() throws {
        // setup
        var lines = [PersonCSV.header]
        let start = CalendarDay(year: 1950, month: 1, day: 1) ?? F.today
        for index in 0..<10_000 {
            let birth = start.adding(days: index)
            let compact = String(birth.yyyymmdd)
            var number = F.residentID(birth: compact, sequence: "0\(10 + index % 80)")
            if index == 5_000 { number = F.wrongCheck(number) }
            lines.append(Self.line([
                "居民\(index)", "居民身份证", number, "13812345678", "户籍人口", Self.code, "", "", "2015-03-01", "", "户主",
                "", "", "", "",
            ]))
        }
        let text = lines.joined(separator: "\n")
        // act
        let error = try #require(throws: ImportProblems.self) { try PersonCSV.parse(text, today: F.today) }
        // verify: the header is line 1, so item 5,000 (0-based) is line 5,002
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.row == 5_002)
        #expect(error.problems.first?.column == "证件号码")
        let good = lines.enumerated().filter { $0.offset != 5_001 }.map(\.element).joined(separator: "\n")
        #expect(try PersonCSV.parse(good, today: F.today).count == 9_999)
    }

    @Test("an unmasked export reads back to the same rows")
    func roundTrip() throws {
        let rows = [
            PersonCSVRow(
                name: "张伟", idType: .residentID, idNumber: F.residentID(), phone: F.phone(), residenceKind: .registered,
                addressCode: Self.code, movedInOn: CalendarDay(year: 2015, month: 3, day: 1), relationToHead: .head,
                careGroups: [.veteran, .disabled], tags: ["党员", "楼栋长"]),
            PersonCSVRow(
                name: "John \"Jack\" Smith", idType: .passport, idNumber: "E12345678", residenceKind: .overseas,
                building: "望丛小区3栋", room: "1203", movedInOn: CalendarDay(year: 2024, month: 1, day: 2),
                movedOutOn: CalendarDay(year: 2025, month: 1, day: 2), sex: .male, birthDate: CalendarDay(year: 1980, month: 5, day: 6)),
            PersonCSVRow(
                name: "陈静", idType: .residentID, idNumber: F.residentID(birth: "20150601", sequence: "002"),
                residenceKind: .registered, addressCode: Self.code, relationToHead: .grandchild, careGroups: [.leftBehindChild]),
        ]
        let text = PersonCSV.export(rows, masked: false)
        #expect(text.hasPrefix(PersonCSV.header + "\n"))
        let read = try PersonCSV.parse(text, today: F.today)
        #expect(read.map(\.row) == rows)
    }

    @Test("a masked export hides numbers and phones, and does not read back")
    func maskedExport() throws {
        let row = PersonCSVRow(
            name: "张伟", idType: .residentID, idNumber: F.residentID(), phone: F.phone(), residenceKind: .registered,
            addressCode: Self.code)
        let text = PersonCSV.export([row])
        #expect(!text.contains(F.residentID()))
        #expect(text.contains("510117********"))
        #expect(text.contains("138****5678"))
        #expect(throws: ImportProblems.self) { try PersonCSV.parse(text, today: F.today) }
    }

    @Test("rows convert from and to person records")
    func records() {
        let person = F.person()
        let row = PersonCSVRow(person: person, addressCode: Self.code)
        let back = row.makePerson(
            id: person.id, roomID: person.roomID, householdID: person.householdID, gridPath: person.gridPath,
            updatedOn: person.updatedOn)
        #expect(back == person)
    }
}
