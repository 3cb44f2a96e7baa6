import Testing
@testable import GridCore

@Suite("Rooms, buildings, organisations and components: validation")
struct RecordValidationTests {
    typealias F = BasicDataFixtures

    @Test("valid fixtures have no failures")
    func validFixtures() {
        #expect(F.building().validate(today: F.today).isEmpty)
        #expect(F.room().validate(today: F.today, building: F.building()).isEmpty)
        #expect(F.organization().validate(today: F.today).isEmpty)
        #expect(F.component().validate(today: F.today).isEmpty)
    }

    @Test("a rental needs its landlord's name and phone")
    func rental() {
        var room = F.room(use: .rental)
        #expect(room.validate(today: F.today).map(\.field) == ["landlordName", "landlordPhone"])
        room.landlordName = "王建国"
        room.landlordPhone = F.phone()
        #expect(room.validate(today: F.today).isEmpty)
    }

    @Test("rooms: floor 0, above the building, negative area, vacant yet occupied, future update")
    func roomProblems() {
        var room = F.room(use: .vacant, occupied: true)
        room.floor = 0
        room.area = -3
        room.updatedOn = F.today.next
        room.number = ""
        #expect(room.validate(today: F.today).map(\.field) == ["number", "floor", "area", "isOccupied", "updatedOn"])
        room = F.room()
        room.floor = 19
        let failure = room.validate(today: F.today, building: F.building()).first
        #expect(failure == ValidationFailure(field: "floor", zh: "楼层 19 高于楼栋的 18 层", en: "floor 19 is above the building's 18 floors"))
        room.floor = -2
        #expect(room.validate(today: F.today, building: F.building()).isEmpty)
    }

    @Test("buildings: a place, floors, a complete building address")
    func buildingProblems() {
        var building = F.building()
        building.location = nil
        building.floors = 0
        building.address.building = ""
        #expect(building.validate(today: F.today).map(\.field) == ["address.building", "location", "floors"])
        building.footprint = [Coordinate(lon: 103.88, lat: 30.81), Coordinate(lon: 103.881, lat: 30.81)]
        #expect(building.validate(today: F.today).map(\.field).contains("footprint"))
        building.footprint?.append(Coordinate(lon: 103.881, lat: 30.811))
        building.location = Coordinate(lon: 200, lat: 30)
        #expect(building.validate(today: F.today).map(\.field) == ["address.building", "location", "floors"])
        building = F.building()
        building.location = nil
        building.footprint = [
            Coordinate(lon: 103.88, lat: 30.81), Coordinate(lon: 103.881, lat: 30.81), Coordinate(lon: 103.881, lat: 30.811),
            Coordinate(lon: 103.88, lat: 30.811),
        ]
        #expect(building.validate(today: F.today).isEmpty)
        let point = building.representativePoint
        #expect(point?.datum == .gcj02)
        #expect(point.map { Polygon(building.footprint ?? []).contains($0.coordinate) } == true)
    }

    @Test("organisations: credit code required by kind and consistent with it")
    func organizationCodes() {
        var organization = F.organization()
        organization.creditCode = nil
        #expect(organization.validate(today: F.today).map(\.field) == ["creditCode"])
        organization.kind = .individualBusiness
        #expect(organization.validate(today: F.today).isEmpty)
        organization.kind = .socialOrganization
        organization.creditCode = try? SocialCreditCode(F.creditCode())
        let failure = organization.validate(today: F.today).first
        #expect(failure?.field == "creditCode")
        #expect(failure?.reason.zhHans == "统一社会信用代码首位“9”与单位类型“社会组织”不符")
        organization.creditCode = try? SocialCreditCode(F.creditCode("51510117MJ0123456"))
        #expect(organization.validate(today: F.today).isEmpty)
    }

    @Test("a credit code with a wrong check character is refused when read")
    func creditCodeCheck() throws {
        let good = F.creditCode()
        #expect(try SocialCreditCode(good).value == good)
        let bad = String(good.dropLast()) + (good.last == "0" ? "1" : "0")
        #expect(throws: IdentityError.self) { try SocialCreditCode(bad) }
    }

    @Test("organisations: phone, employees, legal person, address")
    func organizationFields() {
        var organization = F.organization()
        organization.phone = "12345"
        organization.employeeCount = -1
        organization.legalPerson = ""
        organization.address.number = ""
        #expect(organization.validate(today: F.today).map(\.field) == ["address.number", "legalPerson", "phone", "employeeCount"])
        for phone in ["13812345678", "028-87654321", "87654321", "(028) 8765 4321", "400-123-4567", ""] {
            organization = F.organization()
            organization.phone = phone
            #expect(organization.validate(today: F.today).isEmpty, "\(phone)")
        }
        for phone in ["028-876", "1234567", "call me"] {
            organization = F.organization()
            organization.phone = phone
            #expect(organization.validate(today: F.today).map(\.field) == ["phone"], "\(phone)")
        }
    }

    @Test("components: the code carries county and kind")
    func components() {
        var component = F.component()
        #expect(component.code == "5101170102048188")
        #expect(component.kind.category == .publicUtilities)
        #expect(component.kind.isManholeCover)
        component.kind = .streetLamp
        #expect(component.validate(today: F.today).map(\.field) == ["code"])
        component.code = "51011701"
        component.ownerDepartment = ""
        component.location = GeoPoint(lon: 103.9, lat: 95, datum: .wgs84)
        #expect(component.validate(today: F.today).map(\.field) == ["code", "ownerDepartment", "location"])
        component = F.component()
        component.code = "9901170102048188"
        #expect(component.validate(today: F.today).map(\.field) == ["code"])
        #expect(Set(ComponentKind.allCases.map(\.standardCode)).count == ComponentKind.allCases.count)
    }
}
