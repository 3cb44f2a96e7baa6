import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// Rooms and organisations: imported from CSV all-or-nothing with problems by row, listed within
/// the caller's area with their counts, found by address code, edited with history.
@Suite struct HousingAndOrganizationsTests {
    /// A building of the first grid, as the API lists it.
    static func building(_ app: Application, _ token: String) async throws -> BuildingDTO {
        let (status, body) = try await app.call(.GET, "/api/v1/buildings?unit=510117001001001&per=1", token: token)
        #expect(status == .ok, "\(body)")
        return try #require(try app.decode(PageDTO<BuildingDTO>.self, body).items.first)
    }

    /// A valid unified social credit code (market regulation, enterprise) ending in `serial`.
    static func creditCode(_ serial: Int) -> String {
        let prefix = "91510117MA" + String(format: "%07d", serial) + ""
        let body = String(prefix.prefix(17))
        return body + String(SocialCreditCode.checkCharacter(for: body) ?? "0")
    }

    static func count(_ app: Application, _ table: String) async throws -> Int {
        let sql = try #require(app.db as? any SQLDatabase)
        return try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test("rooms import: a bad row imports nothing and is named; the fixed file imports; a repeat is refused per room")
    func roomsImport() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let building = try await Self.building(app, worker)
            let good = """
                楼栋,单元,房间,楼层,用途,面积,产权人,房东姓名,房东电话,是否有人居住
                \(building.addressCode),9单元,901,1,出租,88.5,张三,张三,13800138000,是
                \(building.addressCode),9单元,902,1,自住,90,李四,,,是
                \(building.name),9单元,903,1,空置,,王五,,,否
                """
            let bad = good.replacingOccurrences(of: "9单元,902,1,自住", with: "9单元,902,0,自住")
            let before = try await Self.count(app, "rooms")
            let (status, body) = try await app.call(.POST, "/api/v1/rooms/import", token: worker, raw: bad)
            #expect(status == .unprocessableEntity)
            let error = try app.decode(APIErrorDTO.self, body)
            #expect(error.errors?.map(\.row) == [3] && error.errors?.first?.field == "楼层")
            #expect(try await Self.count(app, "rooms") == before)

            let (ok, okBody) = try await app.call(.POST, "/api/v1/rooms/import", token: worker, raw: good)
            #expect(ok == .ok, "\(okBody)")
            #expect(try app.decode(ImportResultDTO.self, okBody).imported == 3)
            #expect(try await Self.count(app, "rooms") == before + 3)

            let (_, listed) = try await app.call(.GET, "/api/v1/rooms?building=\(building.id)&use=rental&q=9%7C901", token: worker)
            let rooms = try app.decode(PageDTO<RoomDTO>.self, listed)
            let rental = try #require(rooms.items.first)
            #expect(rooms.total == 1 && rental.landlordPhone == "138****8000" && rental.residents == 0 && rental.occupied)
            #expect(!listed.contains("13800138000"))

            let (again, againBody) = try await app.call(.POST, "/api/v1/rooms/import", token: worker, raw: good)
            #expect(again == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, againBody).errors?.map(\.row) == [2, 3, 4])
        }
    }

    @Test("a building of another grid cannot take rooms from a grid worker")
    func roomsOutsideArea() async throws {
        try await TestApp.with { app in
            let community = try await app.token("community_op")
            let (_, body) = try await app.call(.GET, "/api/v1/buildings?unit=510117001001002&per=1", token: community)
            let theirs = try #require(try app.decode(PageDTO<BuildingDTO>.self, body).items.first)
            let worker = try await app.token("gridworker")
            let csv = "楼栋,房间,楼层,用途\n\(theirs.addressCode),9901,1,自住\n"
            let (status, errorBody) = try await app.call(.POST, "/api/v1/rooms/import", token: worker, raw: csv)
            #expect(status == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, errorBody).errors?.first?.row == 2)
            #expect(try await app.call(.GET, "/api/v1/buildings?unit=510117001001002", token: worker).status == .notFound)
        }
    }

    @Test("organisations import by address code; search by name and credit code; edit keeps history")
    func organizations() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let building = try await Self.building(app, worker)
            let code = Self.creditCode(4242)
            let csv = """
                单位名称,统一社会信用代码,单位类型,地址编码,法定代表人,联系电话,从业人数
                测试科技有限公司,\(code),企业,\(building.addressCode),赵六,13800138001,12
                街角小卖部,,个体工商户,\(building.addressCode),钱七,,2
                """
            let wrong = csv.replacingOccurrences(of: code, with: String(code.dropLast()) + (code.last == "1" ? "2" : "1"))
            let before = try await Self.count(app, "organizations")
            let (status, body) = try await app.call(.POST, "/api/v1/organizations/import", token: worker, raw: wrong)
            #expect(status == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, body).errors?.map(\.row) == [2])
            #expect(try await Self.count(app, "organizations") == before)
            #expect(try await app.call(.POST, "/api/v1/organizations/import", token: worker, raw: csv).status == .ok)

            let (_, found) = try await app.call(.GET, "/api/v1/organizations?credit_code=\(code)", token: worker)
            let organization = try #require(try app.decode(PageDTO<OrganizationDTO>.self, found).items.first)
            #expect(organization.name == "测试科技有限公司" && organization.phone == "138****8001" && organization.employeeCount == 12)
            #expect(organization.addressCode == building.addressCode && organization.gridPath.hasSuffix("/510117001001001/"))
            let query = "测试科技".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
            let (_, byName) = try await app.call(.GET, "/api/v1/organizations?q=\(query)", token: worker)
            #expect(try app.decode(PageDTO<OrganizationDTO>.self, byName).items.map(\.id) == [organization.id])

            let update = OrganizationUpdateDTO(version: organization.version, employeeCount: 15, reason: "年度核查")
            let (edited, editedBody) = try await app.call(.PATCH, "/api/v1/organizations/\(organization.id)", token: worker, json: update)
            #expect(edited == .ok, "\(editedBody)")
            #expect(try app.decode(OrganizationDTO.self, editedBody).employeeCount == 15)
            let (_, history) = try await app.call(.GET, "/api/v1/organizations/\(organization.id)/history", token: worker)
            let change = try #require(try app.decode([RecordHistoryDTO].self, history).first?.changes.first)
            #expect(change.field == "employeeCount" && change.old == "12" && change.new == "15")

            let bad = OrganizationUpdateDTO(version: organization.version + 1, creditCode: "91510117MA0000000X", employeeCount: -1)
            let (refused, refusedBody) = try await app.call(.PATCH, "/api/v1/organizations/\(organization.id)", token: worker, json: bad)
            #expect(refused == .unprocessableEntity)
            #expect(Set(try app.decode(APIErrorDTO.self, refusedBody).errors?.map(\.field) ?? []) == ["credit_code", "employee_count"])
        }
    }

    @Test("addresses by code and by text, buildings with counts, a room edited with history")
    func housing() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let building = try await Self.building(app, worker)
            #expect(building.rooms > 0)
            let (_, byCode) = try await app.call(.GET, "/api/v1/addresses?code=\(building.addressCode.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")", token: worker)
            let address = try #require(try app.decode([AddressDTO].self, byCode).first)
            #expect(address.level == "building" && address.buildingID == building.id)
            #expect(try await app.call(.GET, "/api/v1/addresses", token: worker).status == .unprocessableEntity)

            let (_, roomsBody) = try await app.call(.GET, "/api/v1/rooms?building=\(building.id)&per=200", token: worker)
            let rooms = try app.decode(PageDTO<RoomDTO>.self, roomsBody)
            #expect(rooms.total == building.rooms && rooms.items.map(\.residents).reduce(0, +) == building.residents, "\(rooms.total) \(building.rooms) \(building.residents) \(roomsBody.prefix(300))")
            // residents of the building, by id and by its address code
            let (_, byBuilding) = try await app.call(.GET, "/api/v1/people?building=\(building.id)", token: worker)
            #expect(try app.decode(PageDTO<PersonDTO>.self, byBuilding).total == building.residents)
            let prefix = building.addressCode.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let (_, byAddress) = try await app.call(.GET, "/api/v1/people?address=\(prefix)", token: worker)
            #expect(try app.decode(PageDTO<PersonDTO>.self, byAddress).total == building.residents)
            let room = try #require(rooms.items.first)
            let update = RoomUpdateDTO(version: room.version, use: "rental", landlordName: "孙八", landlordPhone: "13800138002")
            let (status, body) = try await app.call(.PATCH, "/api/v1/rooms/\(room.id)", token: worker, json: update)
            #expect(status == .ok, "\(body)")
            #expect(try app.decode(RoomDTO.self, body).use.code == "rental")
            // a rental without a landlord is refused by field
            let incomplete = RoomUpdateDTO(version: room.version + 1, landlordName: "", landlordPhone: "")
            let (refused, refusedBody) = try await app.call(.PATCH, "/api/v1/rooms/\(room.id)", token: worker, json: incomplete)
            #expect(refused == .unprocessableEntity)
            #expect(Set(try app.decode(APIErrorDTO.self, refusedBody).errors?.map(\.field) ?? []).isSuperset(of: ["landlord_name"]))
            let (_, history) = try await app.call(.GET, "/api/v1/rooms/\(room.id)/history", token: worker)
            #expect(try app.decode([RecordHistoryDTO].self, history).first?.changes.contains { $0.field == "landlordPhone" && $0.new == "138****8002" } == true)
        }
    }
}
