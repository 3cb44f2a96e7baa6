import Foundation
import Testing
@testable import GridCore

@Suite("Admission list: attributes of a report")
struct EventAttributeTests {
    /// 违章搭建: area_m2 integer required, structure choice optional.
    let building = EventCatalog.standard["B0403"]

    @Test("valid attributes pass", arguments: [
        ["area_m2": 12] as [String: JSONValue],
        ["area_m2": 12.0, "structure": "彩钢板"],
        ["area_m2": 0, "structure": nil],
    ])
    func valid(attributes: [String: JSONValue]) throws {
        let type = try #require(building)
        try type.validate(attributes: attributes)
    }

    @Test("each problem names attributes.<key>", arguments: [
        ([:], ["attributes.area_m2"]),
        (["area_m2": nil], ["attributes.area_m2"]),
        (["area_m2": 12.5], ["attributes.area_m2"]),
        (["area_m2": -1], ["attributes.area_m2"]),
        (["area_m2": "12"], ["attributes.area_m2"]),
        (["area_m2": 3, "structure": "木结构"], ["attributes.structure"]),
        (["area_m2": 3, "height": 4], ["attributes.height"]),
        (["structure": 1, "colour": "red"], ["attributes.area_m2", "attributes.structure", "attributes.colour"]),
    ] as [([String: JSONValue], [String])])
    func invalid(attributes: [String: JSONValue], fields: [String]) throws {
        let type = try #require(building)
        #expect {
            try type.validate(attributes: attributes)
        } throws: { error in
            (error as? ValidationFailures)?.failures.map(\.field) == fields
        }
    }

    @Test("text and boolean attributes, and the messages")
    func textAndBoolean() throws {
        let rooms = try #require(EventCatalog.standard["B0901"])  // 群租房
        try rooms.validate(attributes: ["room_address": "犀浦街道 1 栋 2 单元 301", "occupants": 14])
        do {
            try rooms.validate(attributes: ["room_address": "  ", "occupants": true])
            Issue.record("expected failures")
        } catch {
            #expect(error.failures.map(\.field) == ["attributes.room_address", "attributes.occupants"])
            #expect(error.failures[0].reason.zhHans == "“房屋地址”不能为空")
            #expect(error.failures[1].reason.en == "Occupants must be a whole number of at least 0")
        }
        let wires = try #require(EventCatalog.standard["B0502"])
        try wires.validate(attributes: ["ebike_charging": true])
        #expect(throws: ValidationFailures.self) { try wires.validate(attributes: ["ebike_charging": "是"]) }
        let dispute = try #require(EventCatalog.standard["A01"])
        do {
            try dispute.validate(attributes: [:])
            Issue.record("expected a failure")
        } catch {
            #expect(error.failures.map(\.field) == ["attributes.people_involved"])
            #expect(error.failures[0].reason.zhHans == "请填写“涉及人数”")
        }
    }

    @Test("attribute specifications round-trip through JSON")
    func coding() throws {
        let spec = StandardAttributes.manholeType
        let data = try JSONEncoder().encode(spec)
        #expect(try JSONDecoder().decode(AttributeSpec.self, from: data) == spec)
        let unknown = Data(#"{"key":"x","label":{"zhHans":"x","en":"x"},"type":"date","required":true}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AttributeSpec.self, from: unknown) }
    }
}
