import Testing
@testable import GridCore

@Suite("History (变更记录): field-level differences and moving out")
struct RecordDiffTests {
    typealias F = BasicDataFixtures

    @Test("identical versions differ in nothing, bookkeeping aside")
    func noChange() {
        let person = F.person()
        var touched = person
        touched.updatedOn = F.today.next
        #expect(RecordDiff(from: person, to: touched).isEmpty)
    }

    @Test("changed fields come in display order with old and new display values")
    func changes() throws {
        let before = F.person()
        var after = before
        after.name = "张伟明"
        after.residenceKind = .floating
        after.careGroups = [.veteran, .disabled]
        after.tags = ["党员"]
        let diff = RecordDiff(from: before, to: after)
        #expect(diff.recordID == before.id)
        #expect(diff.fields == ["name", "residenceKind", "careGroups", "tags"])
        let kind = try #require(diff["residenceKind"])
        #expect(kind.old == LocalizedText(zh: "户籍人口", en: "registered"))
        #expect(kind.new == LocalizedText(zh: "流动人口", en: "floating"))
        #expect(diff["careGroups"]?.old == nil)
        // Choices in declaration order, whatever the set's order.
        #expect(diff["careGroups"]?.new == LocalizedText(zh: "残疾人、退役军人", en: "disabled, veteran"))
        #expect(diff["name"]?.summary == LocalizedText(zh: "姓名：张伟 → 张伟明", en: "name: 张伟 → 张伟明"))
        #expect(diff["tags"]?.summary.zhHans == "标签：（空） → 党员")
    }

    @Test("identity numbers and phones are flagged, and masked on request")
    func sensitive() throws {
        let before = F.person()
        var after = before
        after.idNumber = F.residentID(birth: "19900307", sequence: "125")
        after.phone = F.phone("13987654321")
        let diff = RecordDiff(from: before, to: after)
        #expect(diff.changes.allSatisfy { $0.isSensitive })
        let id = try #require(diff["idNumber"])
        #expect(id.sensitivity == .idNumber)
        #expect(id.old?.zhHans == before.idNumber)
        let masked = diff.masked()
        #expect(masked["idNumber"]?.old?.zhHans == "510117********" + String(before.idNumber.suffix(4)))
        #expect(masked["phone"]?.old?.en == "138****5678")
        #expect(masked["phone"]?.new?.zhHans == "139****4321")
        #expect(!masked.changes.contains { $0.new?.zhHans == after.idNumber })
    }

    @Test("rooms, organisations, buildings and components diff too")
    func otherRecords() {
        var room = F.room(use: .rental)
        room.landlordPhone = F.phone()
        var rented = room
        rented.isOccupied = false
        rented.landlordPhone = F.phone("13987654321")
        let roomDiff = RecordDiff(from: room, to: rented)
        #expect(roomDiff.fields == ["landlordPhone", "isOccupied"])
        #expect(roomDiff["isOccupied"]?.new == LocalizedText(zh: "否", en: "no"))
        #expect(roomDiff["landlordPhone"]?.sensitivity == .phone)

        var organization = F.organization()
        organization.employeeCount = 30
        organization.kind = .hotel
        #expect(RecordDiff(from: F.organization(), to: organization).fields == ["kind", "employeeCount"])

        var building = F.building()
        building.floors = 20
        #expect(RecordDiff(from: F.building(), to: building)["floors"]?.new?.zhHans == "20")

        var component = F.component()
        component.state = .missing
        #expect(RecordDiff(from: F.component(), to: component)["state"]?.new?.zhHans == "丢失")
    }

    @Test("moving out sets the date and keeps the person")
    func moveOut() throws {
        let person = F.person()
        let day = try #require(CalendarDay(year: 2025, month: 6, day: 1))
        let moved = try person.movingOut(on: day, recordedOn: F.today)
        #expect(moved.id == person.id)
        #expect(moved.movedOutOn == day)
        #expect(moved.updatedOn == F.today)
        #expect(!moved.isResident(on: F.today))
        #expect(RecordDiff(from: person, to: moved).fields == ["movedOutOn"])
        #expect(moved.validate(today: F.today).isEmpty)
    }

    @Test("moving out twice, before moving in, or in the future is refused")
    func moveOutRefused() throws {
        let person = F.person()
        let moved = try person.movingOut(on: F.today, recordedOn: F.today)
        #expect(throws: ValidationFailure.self) { try moved.movingOut(on: F.today, recordedOn: F.today) }
        let early = try #require(CalendarDay(year: 2010, month: 1, day: 1))
        #expect(throws: ValidationFailure(
            field: "movedOutOn", zh: "迁出日期 2010-01-01 早于迁入日期 2015-03-01",
            en: "the moved-out date 2010-01-01 is before the moved-in date 2015-03-01")) {
            try person.movingOut(on: early, recordedOn: F.today)
        }
        #expect(throws: ValidationFailure.self) { try person.movingOut(on: F.today.next, recordedOn: F.today) }
    }
}
