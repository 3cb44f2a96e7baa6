import Testing
@testable import GridCore

@Suite("Standard address (一标地址): address code and completeness")
struct StandardAddressTests {
    @Test("the address code is the community code and the normalised components, | separated")
    func codeScheme() {
        let address = BasicDataFixtures.address()
        #expect(address.addressCode == "510117003012|望丛东路|88|3|2|1203")
        #expect(address.truncated(to: .building).addressCode == "510117003012|望丛东路|88|3")
        #expect(address.truncated(to: .doorplate).addressCode == "510117003012|望丛东路|88")
    }

    @Test("the same place typed differently has one code", arguments: [
        ("望丛东路", "88号", "3栋", "2单元", "1203室"),
        (" 望丛东路 ", "88", "3", "2", "1203"),
        ("望丛 东路", "８８号", "第三栋", "二单元", "１２０３"),
        ("望丛东路", "88", "3号楼", "第2单元", "01203"),
        ("望丛东路", "88号", "三幢", "二单元", "1203号"),
    ])
    func normalisation(road: String, number: String, building: String, unit: String, room: String) {
        let address = StandardAddress(
            communityCode: BasicDataFixtures.community, road: road, number: number, building: building, unit: unit, room: room)
        #expect(address.addressCode == "510117003012|望丛东路|88|3|2|1203")
    }

    @Test("different places have different codes")
    func distinct() {
        let base = BasicDataFixtures.address()
        var otherRoom = base
        otherRoom.room = "1204"
        var otherUnit = base
        otherUnit.unit = "1单元"
        var otherCommunity = base
        otherCommunity.communityCode = UnitCode(trusted: "510117003013")
        var letters = base
        letters.building = "A座"
        let codes = [base, otherRoom, otherUnit, otherCommunity, letters].map(\.addressCode)
        #expect(Set(codes).count == 5)
        #expect(letters.addressCode == "510117003012|望丛东路|88|A|2|1203")
        // Components keep their place: an empty building does not shift the unit into its slot.
        var noBuilding = base
        noBuilding.building = ""
        #expect(noBuilding.addressCode == "510117003012|望丛东路|88||2|1203")
    }

    @Test("Chinese numerals become digits", arguments: [
        ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零五", 105), ("两千", 2000), ("一二〇三", 1203),
    ])
    func numerals(text: String, value: Int) {
        #expect(StandardAddress.chineseNumeral(text) == value)
    }

    @Test("text that is not a Chinese numeral is left alone")
    func notNumerals() {
        #expect(StandardAddress.chineseNumeral("十十") == nil)
        #expect(StandardAddress.chineseNumeral("一二十") == nil)
        #expect(StandardAddress.chineseNumeral("望丛") == nil)
        #expect(StandardAddress.chineseNumeral("") == nil)
    }

    @Test("completeness names every missing component for the level")
    func completeness() {
        let empty = StandardAddress(communityCode: BasicDataFixtures.community, road: " ", number: "")
        #expect(empty.completenessFailures(for: .doorplate).map(\.field) == ["address.road", "address.number"])
        #expect(empty.completenessFailures(for: .room).map(\.field)
            == ["address.road", "address.number", "address.building", "address.unit", "address.room"])
        #expect(empty.missingComponents(for: .building) == ["road", "number", "building"])
        let failure = empty.completenessFailures(for: .room, fieldPrefix: "").last
        #expect(failure == ValidationFailure(field: "room", zh: "地址缺少房间", en: "the address has no room"))
        let full = BasicDataFixtures.address()
        #expect(full.isComplete(for: .room))
        #expect(full.truncated(to: .building).isComplete(for: .building))
        #expect(!full.truncated(to: .building).isComplete(for: .room))
    }

    @Test("full text adds the usual suffixes only where the component ends in a digit or letter")
    func fullText() {
        #expect(BasicDataFixtures.address().fullText == "郫都区郫筒街道望丛社区望丛东路88号3栋2单元1203室")
        let plain = StandardAddress(
            communityCode: BasicDataFixtures.community, road: "犀安路", number: "12", building: "A", unit: "1", room: "301")
        #expect(plain.fullText == "犀安路12号A栋1单元301室")
    }

    @Test("the community code is read back from an address code")
    func communityOfCode() {
        #expect(StandardAddress.communityCode(ofAddressCode: "510117003012|望丛东路|88") == "510117003012")
        #expect(StandardAddress.communityCode(ofAddressCode: "望丛东路88号") == nil)
        #expect(StandardAddress.communityCode(ofAddressCode: "|望丛东路") == nil)
    }
}
