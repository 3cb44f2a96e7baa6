import Foundation
@testable import GridCore

/// Builders for basic-data tests: valid records that a test changes one field of.
enum BasicDataFixtures {
    static let today = CalendarDay(year: 2025, month: 6, day: 30) ?? CalendarDay(daysSinceEpoch: 20_269)
    static let community = UnitCode(trusted: "510117003012")
    static let gridPath = UnitPath(root: UnitCode(trusted: "510117")).appending(UnitCode(trusted: "510117003"))
        .appending(UnitCode(trusted: "510117003012")).appending(UnitCode(trusted: "510117003012001"))
    static let otherGridPath = UnitPath(root: UnitCode(trusted: "510117")).appending(UnitCode(trusted: "510117003"))
        .appending(UnitCode(trusted: "510117003012")).appending(UnitCode(trusted: "510117003012002"))

    /// A resident identity number with the right check character.
    static func residentID(region: String = "510117", birth: String = "19900307", sequence: String = "123") -> String {
        let body = region + birth + sequence
        return body + String(ResidentID.checkCharacter(for: body) ?? "0")
    }

    /// The same number with a wrong check character.
    static func wrongCheck(_ number: String) -> String {
        let right = number.last ?? "0"
        let wrong: Character = right == "1" ? "2" : "1"
        return String(number.dropLast()) + String(wrong)
    }

    static func creditCode(_ prefix17: String = "91510117MA6C1234X") -> String {
        prefix17 + String(SocialCreditCode.checkCharacter(for: prefix17) ?? "0")
    }

    static func id(_ n: UInt8) -> UUID {
        UUID(uuid: (n, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, n))
    }

    static func address(room: Bool = true) -> StandardAddress {
        StandardAddress(
            communityCode: community, district: "郫都区", street: "郫筒街道", community: "望丛社区", road: "望丛东路",
            number: "88号", building: "3栋", unit: room ? "2单元" : "", room: room ? "1203" : "")
    }

    static func building(id: UUID = id(1)) -> Building {
        Building(
            id: id, name: "望丛小区3栋", address: address(room: false), gridPath: gridPath,
            location: Coordinate(lon: 103.88, lat: 30.81), datum: .gcj02, floors: 18, use: .residential, updatedOn: today)
    }

    static func room(id: UUID = id(2), use: RoomUse = .selfOccupied, occupied: Bool = true) -> Room {
        Room(
            id: id, buildingID: id1, gridPath: gridPath, unit: "2单元", number: "1203", floor: 12, use: use, area: 89.5,
            ownerName: "王建国", isOccupied: occupied, updatedOn: today)
    }

    static let id1 = id(1)

    static func phone(_ digits: String = "13812345678") -> MobileNumber? {
        try? MobileNumber(digits)
    }

    static func person(
        id: UUID = id(3), name: String = "张伟", idNumber: String = residentID(), roomID: UUID? = id(2),
        kind: ResidenceKind = .registered, gridPath: UnitPath = gridPath
    ) -> Person {
        Person(
            id: id, name: name, idType: .residentID, idNumber: idNumber, phone: phone(), residenceKind: kind,
            roomID: roomID, householdID: BasicDataFixtures.id(9), relationToHead: .head,
            movedInOn: CalendarDay(year: 2015, month: 3, day: 1), gridPath: gridPath, updatedOn: today)
    }

    static func organization(id: UUID = id(4), kind: OrganizationKind = .enterprise) -> Organization {
        Organization(
            id: id, name: "成都望丛科技有限公司", creditCode: try? SocialCreditCode(creditCode()), kind: kind,
            address: address(room: false), legalPerson: "李强", phone: "028-87654321", employeeCount: 25,
            gridPath: gridPath, updatedOn: today)
    }

    static func component(id: UUID = id(5)) -> CityComponent {
        CityComponent(
            id: id, code: CityComponent.code(county: "510117", kind: .sewageManhole, serial: 48_188), kind: .sewageManhole,
            ownerDepartment: "区水务局", state: .intact, location: GeoPoint(lon: 103.88, lat: 30.81, datum: .gcj02),
            gridPath: gridPath, updatedOn: today)
    }
}
