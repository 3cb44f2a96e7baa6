import Testing
@testable import GridCore

@Suite("Data quality of basic data (基础数据质量)")
struct DataQualityTests {
    typealias F = BasicDataFixtures

    /// Two grids of one community, made by hand so every figure can be counted on paper.
    static func sample() -> (report: DataQualityReport, people: [String: Person]) {
        let longAgo = F.today.adding(days: -400)
        // Rooms: A1 self-occupied and lived in; A2 rented, no landlord, nobody lives there;
        // A3 vacant yet lived in; B1 without area, stale; B2 the same room as B1, nobody there.
        let roomA1 = F.room(id: F.id(21))
        var roomA2 = F.room(id: F.id(22), use: .rental)
        roomA2.number = "1204"
        var roomA3 = F.room(id: F.id(23), use: .vacant, occupied: false)
        roomA3.number = "1205"
        var roomB1 = F.room(id: F.id(24))
        roomB1.buildingID = F.id(30)
        roomB1.gridPath = F.otherGridPath
        roomB1.area = nil
        roomB1.updatedOn = longAgo
        var roomB2 = roomB1
        roomB2.id = F.id(25)
        roomB2.area = 60
        roomB2.updatedOn = F.today
        roomB2.number = "1203室"

        let p1 = F.person(id: F.id(41), name: "李娜", idNumber: F.residentID(sequence: "124"), roomID: roomA1.id)
        var p2 = F.person(id: F.id(42), name: "王芳", idNumber: F.residentID(sequence: "126"), roomID: roomA3.id)
        p2.phone = nil
        let p4 = F.person(id: F.id(44), idNumber: F.residentID(sequence: "123"), roomID: roomA1.id)
        var p5 = F.person(id: F.id(45), name: "赵强", idNumber: F.residentID(sequence: "127"), roomID: roomA2.id)
        p5.movedOutOn = F.today.adding(days: -10)
        let p3 = F.person(id: F.id(43), idNumber: F.residentID(sequence: "123"), roomID: roomB1.id, gridPath: F.otherGridPath)
        let p6 = F.person(id: F.id(46), idNumber: F.residentID(sequence: "125"), roomID: roomB1.id, gridPath: F.otherGridPath)
        var p7 = F.person(id: F.id(47), name: "钱军", idNumber: F.residentID(sequence: "129"), roomID: nil, gridPath: F.otherGridPath)
        p7.movedInOn = nil
        p7.updatedOn = longAgo

        let o1 = F.organization(id: F.id(51))
        var o2 = F.organization(id: F.id(52))
        o2.gridPath = F.otherGridPath
        o2.phone = ""

        let grids = [
            GridBasicData(gridPath: F.gridPath, people: [p1, p2, p4, p5], rooms: [roomA1, roomA2, roomA3], organizations: [o1]),
            GridBasicData(gridPath: F.otherGridPath, people: [p3, p6, p7], rooms: [roomB1, roomB2], organizations: [o2]),
        ]
        let people = ["p1": p1, "p2": p2, "p3": p3, "p4": p4, "p5": p5, "p6": p6, "p7": p7]
        return (DataQualityReport(grids: grids, today: F.today), people)
    }

    @Test("grid A: completeness, duplicates across grids, residents in a vacant room, a rental nobody lives in")
    func gridA() throws {
        let (report, _) = Self.sample()
        let a = try #require(report.grids.first?.figures)
        #expect(a.people == RecordQuality(records: 3, complete: 2, missing: ["phone": 1], stale: 0, duplicates: 1))
        #expect(a.residentsInVacantRooms == CountRatio(1, of: 3))
        #expect(a.rooms == RecordQuality(records: 3, complete: 2, missing: ["landlordName": 1, "landlordPhone": 1]))
        #expect(a.occupiedRoomsWithoutResidents == CountRatio(1, of: 2))
        #expect(a.organizations == RecordQuality(records: 1, complete: 1, duplicates: 1))
    }

    @Test("grid B: missing fields, stale records, duplicate rooms and people")
    func gridB() throws {
        let (report, _) = Self.sample()
        let b = try #require(report.grids.last?.figures)
        #expect(b.people == RecordQuality(records: 3, complete: 2, missing: ["roomID": 1, "movedInOn": 1], stale: 1, duplicates: 2))
        #expect(b.residentsInVacantRooms == CountRatio(0, of: 2))
        #expect(b.rooms == RecordQuality(records: 2, complete: 1, missing: ["area": 1], stale: 1, duplicates: 2))
        #expect(b.occupiedRoomsWithoutResidents == CountRatio(1, of: 2))
        #expect(b.organizations == RecordQuality(records: 1, complete: 0, missing: ["phone": 1], duplicates: 1))
        #expect(b.people.completeness.rate == 2.0 / 3.0)
        #expect(b.people.missingRatio("roomID") == CountRatio(1, of: 3))
    }

    @Test("probable duplicate people are grouped: same identity number, or same name, birth date and room")
    func duplicateGroups() {
        let (report, people) = Self.sample()
        let ids = [people["p4"], people["p3"], people["p6"]].compactMap { $0?.id }
        #expect(report.duplicatePeople == [ids])
    }

    @Test("grids add up to the community: counts, not rates, are summed")
    func rollUp() throws {
        let (report, _) = Self.sample()
        let total = report.total
        #expect(total.people.records == 6)
        #expect(total.people.complete == 4)
        #expect(total.people.missing == ["phone": 1, "roomID": 1, "movedInOn": 1])
        #expect(total.rooms.duplicates == 2)
        #expect(total.occupiedRoomsWithoutResidents == CountRatio(2, of: 4))
        #expect(total.residentsInVacantRooms == CountRatio(1, of: 5))
        #expect(total == report.grids[0].figures + report.grids[1].figures)
        let community = try #require(UnitPath(rawValue: "/510117/510117003/510117003012/"))
        #expect(report.figures(under: community) == total)
        let communities = report.rolledUp(toDepth: 2)
        #expect(communities.map(\.gridPath) == [community])
        #expect(communities.first?.figures == total)
        #expect(report.rolledUp(toDepth: 3).count == 2)
        let elsewhere = try #require(UnitPath(rawValue: "/510117/510117004/"))
        #expect(report.figures(under: elsewhere) == .zero)
        #expect(CountRatio.zero.rate == nil)
    }

    @Test("the stale period is configurable")
    func stalePeriod() {
        let (report, _) = Self.sample()
        #expect(report.staleAfterDays == 365)
        let grids = [GridBasicData(gridPath: F.gridPath, rooms: [F.room()])]
        #expect(DataQualityReport(grids: grids, today: F.today.adding(days: 30), staleAfterDays: 29).total.rooms.stale == 1)
        #expect(DataQualityReport(grids: grids, today: F.today.adding(days: 30), staleAfterDays: 30).total.rooms.stale == 0)
    }

    @Test("missing fields of each record kind")
    func missingFields() {
        var child = F.person(idNumber: F.residentID(birth: "20150601"))
        child.phone = nil
        #expect(child.missingFields(today: F.today).isEmpty)  // no phone expected of a child
        var visitor = F.person(kind: .overseas)
        visitor.idType = .passport
        visitor.idNumber = "E12345678"
        visitor.relationToHead = nil
        #expect(visitor.missingFields(today: F.today) == ["relationToHead", "declaredSex", "declaredBirthDate"])
        var organization = F.organization()
        organization.creditCode = nil
        organization.legalPerson = ""
        organization.address.road = ""
        #expect(organization.missingFields == ["creditCode", "legalPerson", "address.road"])
    }
}
