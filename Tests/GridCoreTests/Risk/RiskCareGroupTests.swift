import Foundation
import Testing
@testable import GridCore

@Suite("Risk register: care-group residents at the event's place (事发地关爱对象)")
struct RiskCareGroupTests {
    let rules = RiskRules.standard

    func type(_ code: String) throws -> EventType { try #require(EventCatalog.standard[code]) }

    let day = CalendarDay(year: 2026, month: 3, day: 10)!
    let centre = Coordinate(lon: 103.8870, lat: 30.8100)

    /// A point `metres` east of the centre.
    func east(_ metres: Double) -> Coordinate {
        Coordinate(lon: centre.lon + metres / (111_320 * cos(centre.lat * .pi / 180)), lat: centre.lat)
    }

    @Test("residents of a vulnerable care group add severity +1 once, named with their number; with the reported flag only once")
    func fact() throws {
        let fire = try type("B0502")
        let plain = try #require(rules.assess(type: fire, attributes: [:]))
        let cared = try #require(rules.assess(type: fire, attributes: [:], careGroupResidents: 2))
        #expect(cared.severity == plain.severity + 1 && cared.score > plain.score)
        #expect(cared.facts.map(\.code) == [.careGroup])
        #expect(cared.facts[0].label.zhHans == "事发地住有关爱对象 2 人（严重性 +1）")
        #expect(cared.facts[0].label.en == "2 people in care groups live at the place (severity +1)")
        let both = try #require(rules.assess(type: try type("A01"), attributes: ["people_involved": .number(2), "vulnerable_involved": .bool(true)], careGroupResidents: 3))
        let flagOnly = try #require(rules.assess(type: try type("A01"), attributes: ["people_involved": .number(2), "vulnerable_involved": .bool(true)]))
        #expect(both.severity == flagOnly.severity)
        #expect(both.facts.map(\.code) == [.vulnerable, .careGroup])
        #expect(both.facts[1].severity == 0 && both.facts[1].label.zhHans == "事发地住有关爱对象 3 人")
        #expect(RiskFact.Code.careGroup.rawValue == "care_group" && RiskFact.Code.vulnerable.rawValue == "vulnerable")
    }

    @Test("the building at the point is the nearest within the radius; its current vulnerable residents count")
    func sites() {
        var sites = CareGroupSites(radius: 30, referenceLatitude: centre.lat)
        let near = UUID(), nearer = UUID(), far = UUID()
        sites.addBuilding(near, at: east(20), datum: .gcj02)
        sites.addBuilding(nearer, at: east(-10), datum: .gcj02)
        sites.addBuilding(far, at: east(60), datum: .gcj02)
        sites.addResident(.init(groups: [.elderlyAlone]), of: near)
        sites.addResident(.init(groups: [.disabled]), of: far)
        sites.addResident(.init(groups: [.elderlyAlone], movedOutOn: CalendarDay(year: 2026, month: 1, day: 1)), of: nearer)
        sites.addResident(.init(groups: [.leftBehindChild], movedInOn: CalendarDay(year: 2026, month: 4, day: 1)), of: nearer)
        sites.addResident(.init(groups: [.veteran, .lowIncome]), of: nearer)
        #expect(sites.building(at: centre) == nearer)
        // Moved out, not yet moved in, or in no vulnerable group: nobody counts.
        #expect(sites.residents(at: centre, on: day) == 0)
        #expect(sites.residents(at: east(22), on: day) == 1)
        #expect(sites.residents(at: east(60), on: day) == 1)
        #expect(sites.residents(at: east(200), on: day) == 0)
        #expect(sites.building(at: east(200)) == nil)
        // The child counts from the day of moving in; the elderly person until the day of moving out.
        #expect(sites.residents(at: centre, on: CalendarDay(year: 2026, month: 4, day: 1)!) == 1)
        #expect(sites.residents(at: centre, on: CalendarDay(year: 2025, month: 12, day: 31)!) == 1)
    }

    @Test("a building surveyed in WGS-84 stands where its GCJ-02 point is")
    func datum() {
        var sites = CareGroupSites(radius: 30, referenceLatitude: centre.lat)
        let id = UUID()
        sites.addBuilding(id, at: DatumConverter.convert(centre, from: .gcj02, to: .wgs84), datum: .wgs84)
        sites.addResident(.init(groups: [.emptyNestElderly]), of: id)
        #expect(sites.residents(at: centre, on: day) == 1)
    }
}
