import Testing
@testable import GridCore

@Suite("Rooms and organisations files (实有房屋、实有单位导入导出)")
struct RoomAndOrganizationCSVTests {
    typealias F = BasicDataFixtures
    static let building = "510117003012|望丛东路|88|3"
    static let code = "510117003012|望丛东路|88"

    @Test("rooms read with Chinese or English headers, cells in the forms people type")
    func roomsRead() throws {
        let chinese = """
            楼栋,单元,房间,楼层,用途,面积,产权人,房东姓名,房东电话,是否有人居住
            \(Self.building),2单元,1203,12层,出租,89.5㎡,王建国,王建国,13812345678,是
            \(Self.building),1单元,B101,B1,其他,,王建国,,,否
            \(Self.building),1单元,101,1,商铺,45,王建国,,,
            """
        let rows = try RoomCSV.parse(chinese, today: F.today)
        #expect(rows.map(\.row.floor) == [12, -1, 1])
        #expect(rows[0].row.use == .rental)
        #expect(rows[0].row.area == 89.5)
        #expect(rows[0].row.landlordPhone?.value == "13812345678")
        #expect(rows[1].row.isOccupied == false)
        #expect(rows[2].row.isOccupied == true)  // empty: a shop is taken as occupied
        let english = """
            building,unit,room,floor,use,area,owner_name,occupied
            \(Self.building),2,1203,12,self_occupied,89.5,王建国,yes
            """
        #expect(try RoomCSV.parse(english, today: F.today).first?.row.use == .selfOccupied)
    }

    @Test("every room problem is reported with its line and column")
    func roomProblems() throws {
        let text = """
            楼栋,单元,房间,楼层,用途,面积,房东姓名,房东电话,是否有人居住
            \(Self.building),2单元,1203,十二,出租,大,,1381234,也许
            ,2单元,,0,空置,50,,,是
            \(Self.building),2单元,1204,12,仓库,50,,,否
            \(Self.building),2单元,1205,12,出租,50,,,是
            \(Self.building),2单元,1205,12,自住,50,,,是
            """
        let error = try #require(throws: ImportProblems.self) { try RoomCSV.parse(text, today: F.today) }
        #expect(error.problems.map { "\($0.row) \($0.column)" } == [
            "2 楼层", "2 面积", "2 房东电话", "2 是否有人居住",
            "3 楼栋", "3 房间", "3 楼层", "3 是否有人居住",
            "4 用途",
            "5 房东姓名", "5 房东电话",
            "6 房间",
        ])
        #expect(error.problems.last?.reason.zhHans == "与第 5 行是同一房间")
    }

    @Test("rooms: an unmasked export reads back to the same rows; a masked one hides phones")
    func roomsRoundTrip() throws {
        var room = F.room(use: .rental)
        room.landlordName = "王建国"
        room.landlordPhone = F.phone()
        let rows = [
            RoomCSVRow(room: room, buildingReference: Self.building),
            RoomCSVRow(room: F.room(id: F.id(8), use: .vacant, occupied: false), buildingReference: "望丛小区, 3栋"),
        ]
        let text = RoomCSV.export(rows, masked: false)
        #expect(text.hasPrefix(RoomCSV.header + "\n"))
        // The two rows are the same unit and number, in different buildings.
        #expect(try RoomCSV.parse(text, today: F.today).map(\.row) == rows)
        #expect(RoomCSV.export(rows).contains("138****5678"))
        let back = rows[0].makeRoom(id: room.id, buildingID: room.buildingID, gridPath: room.gridPath, updatedOn: room.updatedOn)
        #expect(back == room)
    }

    @Test("organisations read, with the credit code checked")
    func organizationsRead() throws {
        let text = """
            单位名称,统一社会信用代码,单位类型,地址编码,法定代表人,联系电话,从业人数
            成都望丛科技有限公司,\(F.creditCode()),企业,\(Self.code),李强,028-87654321,"1,200"
            郫都区老王面馆,,个体工商户,\(Self.code),王建国,13812345678,3
            """
        let rows = try OrganizationCSV.parse(text, today: F.today)
        #expect(rows.map(\.row.kind) == [.enterprise, .individualBusiness])
        #expect(rows[0].row.employeeCount == 1_200)
        #expect(rows[1].row.creditCode == nil)
        let english = """
            name,credit_code,kind,address_code,legal_person,phone,employee_count
            Wangcong Tech,\(F.creditCode().lowercased()),enterprise,\(Self.code),Li,028-87654321,25
            """
        #expect(try OrganizationCSV.parse(english, today: F.today).first?.row.creditCode?.value == F.creditCode())
    }

    @Test("every organisation problem is reported with its line and column")
    func organizationProblems() throws {
        let good = F.creditCode()
        let badCheck = String(good.dropLast()) + (good.last == "0" ? "1" : "0")
        let text = """
            单位名称,统一社会信用代码,单位类型,地址编码,法定代表人,联系电话,从业人数
            成都望丛科技有限公司,\(badCheck),企业,\(Self.code),李强,028-87654321,25
            ,,企业,望丛东路88号,,12345,-3
            望丛社区老年协会,\(good),社会组织,\(Self.code),张三,,
            成都犀浦商贸有限公司,\(good),企业,\(Self.code),李四,,十
            某某,,工厂,\(Self.code),,,
            """
        let error = try #require(throws: ImportProblems.self) { try OrganizationCSV.parse(text, today: F.today) }
        #expect(error.problems.map { "\($0.row) \($0.column)" } == [
            "2 统一社会信用代码",
            "3 单位名称", "3 地址编码", "3 统一社会信用代码", "3 法定代表人", "3 联系电话", "3 从业人数",
            "4 统一社会信用代码",
            "5 从业人数", "5 统一社会信用代码",
            "6 单位类型",
        ])
        #expect(error.problems[0].reason.zhHans.contains("校验码错误"))
        #expect(error.problems.last?.reason.zhHans.hasPrefix("单位类型“工厂”无效") == true)
        #expect(error.problems[9].reason.en == "the credit code repeats line 4")
    }

    @Test("organisations: an unmasked export reads back to the same rows")
    func organizationsRoundTrip() throws {
        let rows = [
            OrganizationCSVRow(organization: F.organization()),
            OrganizationCSVRow(
                name: "郫都区\"老王\"面馆", creditCode: nil, kind: .individualBusiness, addressCode: Self.code,
                legalPerson: "王建国", phone: "13812345678", employeeCount: nil),
        ]
        let text = OrganizationCSV.export(rows, masked: false)
        #expect(try OrganizationCSV.parse(text, today: F.today).map(\.row) == rows)
        #expect(OrganizationCSV.export(rows).contains("138****5678"))
        let organization = F.organization()
        let back = rows[0].makeOrganization(
            id: organization.id, address: organization.address, gridPath: organization.gridPath, updatedOn: organization.updatedOn)
        #expect(back == organization)
    }

    @Test("header line formats")
    func headers() {
        #expect(PersonCSV.header == "姓名,证件类型,证件号码,联系电话,人员类型,地址编码,楼栋,房间,迁入日期,迁出日期,与户主关系,关注群体,标签,性别,出生日期")
        #expect(PersonColumn.englishHeaderLine
            == "name,id_type,id_number,phone,residence_kind,address_code,building,room,moved_in_on,moved_out_on,relation_to_head,care_groups,tags,sex,birth_date")
        #expect(RoomCSV.header == "楼栋,单元,房间,楼层,用途,面积,产权人,房东姓名,房东电话,是否有人居住")
        #expect(RoomColumn.englishHeaderLine == "building,unit,room,floor,use,area,owner_name,landlord_name,landlord_phone,occupied")
        #expect(OrganizationCSV.header == "单位名称,统一社会信用代码,单位类型,地址编码,法定代表人,联系电话,从业人数")
        #expect(OrganizationColumn.englishHeaderLine == "name,credit_code,kind,address_code,legal_person,phone,employee_count")
        #expect(PersonColumn(header: "ID-Number") == .idNumber)
        #expect(PersonColumn(header: "＊身份证号") == .idNumber)
        #expect(RoomColumn(header: "*房间号*") == .number)
    }
}
