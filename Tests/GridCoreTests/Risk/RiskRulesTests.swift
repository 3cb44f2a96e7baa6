import Foundation
import Testing
@testable import GridCore

@Suite("Risk register: scoring, levels, aggravating facts, adjustments and controls")
struct RiskRulesTests {
    let catalog = EventCatalog.standard
    let rules = RiskRules.standard

    func type(_ code: String) throws -> EventType { try #require(catalog[code]) }

    @Test("every score 1–25 (and beyond) maps to a level at the thresholds 8 and 15", arguments: Array(-2...27))
    func scoreTable(score: Int) {
        let level = RiskThresholds.standard.level(forScore: score)
        let expected: RiskLevel = score >= 15 ? .major : (score >= 8 ? .important : .general)
        #expect(level == expected)
    }

    @Test("the products of two factors 1–5 fall in domain.md's bands; 7 and 13–14 fall to the lower band")
    func bands() {
        #expect(RiskThresholds.standard.level(forScore: 6) == .general)
        #expect(RiskThresholds.standard.level(forScore: 7) == .general)
        #expect(RiskThresholds.standard.level(forScore: 8) == .important)
        #expect(RiskThresholds.standard.level(forScore: 12) == .important)
        #expect(RiskThresholds.standard.level(forScore: 14) == .important)
        #expect(RiskThresholds.standard.level(forScore: 15) == .major)
        #expect(RiskThresholds.standard.level(forScore: 25) == .major)
    }

    @Test("thresholds are configurable and checked by field")
    func configurableThresholds() throws {
        let strict = try RiskThresholds(important: 6, major: 12)
        #expect(strict.level(forScore: 6) == .important && strict.level(forScore: 12) == .major)
        #expect(throws: ValidationFailures.self) { try RiskThresholds(important: 10, major: 10) }
        do {
            _ = try RiskThresholds(important: 0, major: 30)
            Issue.record("accepted bad thresholds")
        } catch {
            #expect(Set(error.failures.compactMap(\.field)) == ["important", "major"])
        }
    }

    @Test("defaults come from the type and its kind", arguments: [
        ("A01", 2, 2), ("A02", 2, 3), ("A11", 2, 5), ("B0404", 2, 1), ("B0501", 3, 4), ("B0505", 3, 5), ("B0101", 3, 3), ("B0602", 2, 2),
    ])
    func defaults(code: String, likelihood: Int, severity: Int) throws {
        let type = try type(code)
        let attributes: [String: JSONValue] = type.requiredAttributes.contains { $0.key == "people_involved" } ? ["people_involved": .number(2)] : [:]
        let risk = try #require(rules.assess(type: type, attributes: attributes))
        #expect(risk.likelihood == likelihood && risk.severity == severity && risk.facts.isEmpty)
        #expect(risk.score == likelihood * severity)
        #expect(risk.kind == type.riskKind)
    }

    @Test("a service type carries no risk")
    func servicesHaveNoRisk() throws {
        #expect(rules.assess(type: try type("C01"), attributes: [:]) == nil)
    }

    @Test("many people raise likelihood, a crowd raises severity too, vulnerable people raise severity")
    func people() throws {
        let labour = try type("A02")
        let few = try #require(rules.assess(type: labour, attributes: ["people_involved": .number(4)]))
        #expect(few.score == 6 && few.level() == .general)
        let many = try #require(rules.assess(type: labour, attributes: ["people_involved": .number(5)]))
        #expect(many.likelihood == 3 && many.severity == 3 && many.level() == .important)
        #expect(many.facts.map(\.code) == [.manyPeople])
        let crowd = try #require(rules.assess(type: labour, attributes: ["people_involved": .string("12"), "vulnerable_involved": .bool(true)]))
        #expect(crowd.likelihood == 3 && crowd.severity == 5 && crowd.score == 15 && crowd.level() == .major)
        #expect(crowd.facts.map(\.code) == [.manyPeople, .crowd, .vulnerable])
        #expect(crowd.facts[1].label.zhHans == "群体性（12 人）（严重性 +1）")
        let groupRental = try #require(rules.assess(type: try type("B0901"), attributes: ["occupants": .number(14), "room_address": .string("x")]))
        #expect(groupRental.facts.map(\.code) == [.manyPeople, .crowd])
        let careGroups = try #require(rules.assess(type: try type("A01"), attributes: ["people_involved": .number(2)], careGroupResidents: 1))
        #expect(careGroups.severity == 3)
    }

    @Test("two earlier reports nearby within the window raise likelihood by one, five by two; values stay within 1–5")
    func repeats() throws {
        let labour = try type("A02")
        let attributes: [String: JSONValue] = ["people_involved": .number(2)]
        #expect(try #require(rules.assess(type: labour, attributes: attributes, earlierNearby: 1)).likelihood == 2)
        let third = try #require(rules.assess(type: labour, attributes: attributes, earlierNearby: 2))
        #expect(third.likelihood == 3 && third.level() == .important && third.facts.first?.count == 2)
        #expect(try #require(rules.assess(type: labour, attributes: attributes, earlierNearby: 5)).likelihood == 4)
        let capped = try #require(rules.assess(
            type: try type("B0505"), attributes: ["people_involved": .number(50)], earlierNearby: 9, careGroupResidents: 1))
        #expect(capped.likelihood == 5 && capped.severity == 5 && capped.score == 25)
    }

    @Test("an adjustment needs both values 1–5 and a reason, each failure named by field; it is kept with who and when")
    func adjustment() throws {
        let risk = try #require(rules.assess(type: try type("A02"), attributes: ["people_involved": .number(2)]))
        let who = UUID()
        let when = Date(timeIntervalSince1970: 1_800_000_000)
        do {
            _ = try risk.adjusted(likelihood: 6, severity: nil, reason: "  ", byID: who, byName: "张三", at: when)
            Issue.record("accepted a bad adjustment")
        } catch {
            #expect(error.failures.compactMap(\.field) == ["likelihood", "severity", "reason"])
            #expect(error.failures.allSatisfy { !$0.reason.zhHans.isEmpty && !$0.reason.en.isEmpty })
        }
        let raised = try risk.adjusted(likelihood: 4, severity: 4, reason: "现场研判：欠薪人数增加", byID: who, byName: "张三", at: when)
        #expect(raised.score == 16 && raised.level() == .major)
        #expect(raised.adjustments == [RiskAdjustment(
            fromLikelihood: 2, fromSeverity: 3, likelihood: 4, severity: 4, reason: "现场研判：欠薪人数增加", byID: who, byName: "张三", at: when)])
        let lowered = try raised.adjusted(likelihood: 1, severity: 2, reason: "已调解", byID: who, byName: "张三", at: when)
        #expect(lowered.adjustments.count == 2 && lowered.level() == .general && lowered.facts == risk.facts)
    }

    @Test("controls need measures, a responsible unit and person; a major risk needs a plan")
    func controls() throws {
        let unit = (path: try #require(UnitPath(rawValue: "/510117/510117001/")), name: "犀浦街道")
        do {
            _ = try RiskControl.draft(measures: "", unitText: "nowhere", unit: nil, person: "", plan: nil, level: .major)
            Issue.record("accepted empty controls")
        } catch {
            #expect(error.failures.compactMap(\.field) == ["measures", "responsible_unit", "responsible_person", "plan"])
        }
        let general = try RiskControl.draft(measures: "每日巡查", unitText: "510117001", unit: unit, person: "李四", plan: nil, level: .important)
        #expect(general.plan == nil && general.responsibleUnitName == "犀浦街道")
        let major = try RiskControl.draft(measures: "疏散", unitText: "510117001", unit: unit, person: "李四", plan: "郫都区危化品事故应急预案", level: .major)
        #expect(major.plan == "郫都区危化品事故应急预案")
    }

    @Test("a risk follows its event: closed with it, controlled once measures are recorded")
    func states() {
        #expect(RiskState.following(.reported, hasMeasures: false) == .open)
        #expect(RiskState.following(.dispatched, hasMeasures: true) == .controlled)
        for ended: EventState in [.closed, .rejected, .archived] {
            #expect(RiskState.following(ended, hasMeasures: true) == .closed)
        }
    }

    @Test("hot spots gather repeated reports of one kind within the radius; scattered ones are not spots")
    func hotSpots() throws {
        let grid = try #require(UnitPath(rawValue: "/510117/510117001/510117001001/510117001001001/"))
        let base = Coordinate(lon: 103.9, lat: 30.8)
        let day = Date(timeIntervalSince1970: 1_800_000_000)
        var reports: [RiskHotSpots.Report] = (0..<4).map { i in
            .init(id: UUID(), kind: .familyNeighbour, point: Coordinate(lon: base.lon + Double(i) * 0.0002, lat: base.lat), at: day + Double(i) * 86_400, gridPath: grid)
        }
        // the same place but another kind, and the same kind 1 km away
        reports.append(.init(id: UUID(), kind: .fireSafety, point: base, at: day, gridPath: grid))
        reports.append(.init(id: UUID(), kind: .familyNeighbour, point: Coordinate(lon: base.lon + 0.01, lat: base.lat), at: day, gridPath: grid))
        let spots = RiskHotSpots.find(reports, radius: 100, minimum: 3)
        #expect(spots.count == 1)
        #expect(spots.first?.kind == .familyNeighbour && spots.first?.count == 4)
        #expect(spots.first?.last == day + 3 * 86_400)
        #expect(RepeatIndex.metres(base, Coordinate(lon: base.lon + 0.001, lat: base.lat)) > 90)
    }

    @Test("the repeat index counts only earlier reports of the kind within radius and window")
    func repeatIndex() {
        var index = RepeatIndex(radius: 100, referenceLatitude: 30.8)
        let place = Coordinate(lon: 103.9, lat: 30.8)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        index.insert(.labourSocialSecurity, id: UUID(), point: place, at: now - 40 * 86_400)
        index.insert(.labourSocialSecurity, id: UUID(), point: Coordinate(lon: 103.9005, lat: 30.8), at: now - 86_400)
        index.insert(.labourSocialSecurity, id: UUID(), point: Coordinate(lon: 103.9030, lat: 30.8), at: now - 86_400)
        index.insert(.familyNeighbour, id: UUID(), point: place, at: now - 86_400)
        #expect(index.neighbours(.labourSocialSecurity, of: place, from: now - 30 * 86_400, to: now).count == 1)
    }
}
