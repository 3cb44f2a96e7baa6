import Foundation
import Testing
@testable import GridCore

@Suite("Admission list (准入清单)")
struct EventCatalogTests {
    let standard = EventCatalog.standard

    @Test("the standard list is a valid tree of about 40–60 items")
    func standardIsValid() throws {
        let rebuilt = try EventCatalog(types: standard.types)
        #expect(rebuilt == standard)
        #expect((40...60).contains(standard.types.count))
        #expect(standard.roots.map(\.code) == ["A", "B", "C"])
        #expect(!standard.isReportable("A"))
        #expect(standard.isReportable("B04"))
        #expect(standard.isReportable("B0401"))
        #expect(!standard.isReportable("Z99"))
        #expect(standard.reportableTypes.count == standard.types.count - 3)
        #expect(standard.path(to: "B0501").map(\.code) == ["B", "B05", "B0501"])
        #expect(standard.tree.count == 3)
        #expect(standard.tree[1].children.count == 11)
    }

    @Test("one item per risk kind, in the seed's order, under its family's heading")
    func riskKinds() throws {
        #expect(RiskKind.allCases.count == 23)
        #expect(RiskKind.kinds(in: .dispute).count == 12)
        #expect(RiskKind.kinds(in: .hazard).count == 11)
        #expect(RiskKind.kinds(in: .dispute).map(\.label.zhHans) == [
            "家庭邻里", "劳动社保", "房屋租赁", "房地产业", "物业管理", "行政管理", "涉法涉诉", "规划建设", "村民股份", "经济关系",
            "特殊问题", "党纪政纪",
        ])
        #expect(RiskKind.kinds(in: .hazard).map(\.label.zhHans) == [
            "社会治安", "食药市监", "交通运输", "城市管理", "安全消防", "环保生态", "建设水务", "计划生育", "人口房屋", "教育校园",
            "发政事务",
        ])
        let kindItems = standard.types.filter { $0.code.count == 3 && $0.parentCode.map { ["A", "B"].contains($0) } == true }
        #expect(kindItems.compactMap(\.riskKind) == RiskKind.allCases)
        for item in kindItems {
            #expect(item.parentCode == (item.riskKind?.category == .dispute ? "A" : "B"))
        }
        for item in standard.types where item.parentCode.map({ $0.count == 3 }) == true {
            #expect(item.riskKind == standard[item.parentCode ?? ""]?.riskKind, "\(item.code) shares its kind's risk")
        }
        #expect(RiskKind(label: "安全消防") == .fireSafety)
        #expect(RiskKind(label: "fire_safety") == .fireSafety)
        #expect(RiskKind(label: "消防") == nil)
        #expect(Set(RiskKind.allCases.map(\.rawValue)).count == 23)
    }

    @Test("the common city-management items are there, classified sensibly")
    func commonItems() throws {
        let names = Set(standard.types.map(\.name))
        for name in ["暴露垃圾", "占道经营", "井盖缺失", "违章搭建", "消防通道堵塞", "群租房", "乱贴乱画", "私搭乱接电线", "道路破损",
                     "路灯损坏", "噪音扰民", "违规停车"] {
            #expect(names.contains(name), "\(name)")
        }
        let fireLane = try #require(standard.types.first { $0.name == "消防通道堵塞" })
        #expect(fireLane.riskKind == .fireSafety)
        #expect(fireLane.riskKind?.category == .hazard)
        let manhole = try #require(standard.types.first { $0.name == "井盖缺失" })
        #expect(manhole.isComponent)
        #expect(manhole.department == "510117-SW")
        let fight = try #require(standard.types.first { $0.name == "打架斗殴" })
        #expect(fight.isPolice && !fight.isPublic)
        #expect(fight.department == "510117-GA")
        // Every department is one of the demo district's.
        let departments = Set(DemoHierarchy.departments.map(\.code))
        for item in standard.types {
            if let department = item.department { #expect(departments.contains(department), "\(item.code)") }
            #expect(item.deadlineDays.keys.sorted() == [1, 2, 3, 4])
            #expect(item.deadlineDays[1] == 0, "level 1 is the same working day")
            if item.isPolice { #expect(!item.isPublic, "\(item.code): police matters are not public") }
        }
        #expect(Set(standard.types.map(\.eventClass)) == Set(EventClass.allCases))
    }

    @Test("every dispute item asks how many people are involved")
    func disputes() {
        for item in standard.types where item.riskKind?.category == .dispute {
            let people = item.requiredAttributes.first { $0.key == "people_involved" }
            #expect(people?.type == .integer && people?.required == true, "\(item.code)")
        }
    }

    @Test("a broken list is refused with every problem named", arguments: [
        ([EventType(code: "A", name: "组", eventClass: .management, defaultLevel: 2),
          EventType(code: "A", name: "重复", eventClass: .management, defaultLevel: 2)], ["types[1].code"]),
        ([EventType(code: "B01", name: "孤儿", parentCode: "B", eventClass: .management, defaultLevel: 2)], ["types[0].parentCode"]),
        ([EventType(code: "A", name: "组", eventClass: .management, defaultLevel: 2),
          EventType(code: "X1", name: "前缀不符", parentCode: "A", eventClass: .management, defaultLevel: 2)], ["types[1].parentCode"]),
        ([EventType(code: "A-1", name: " ", eventClass: .management, defaultLevel: 5, deadlineDays: [1: 0, 2: 3, 3: 400])],
         ["types[0].code", "types[0].name", "types[0].defaultLevel", "types[0].deadlineDays.3", "types[0].deadlineDays.4"]),
        ([EventType(code: "A", name: "组", eventClass: .management, defaultLevel: 2, department: "综合执法")], ["types[0].department"]),
        ([EventType(code: "A", name: "组", eventClass: .management, defaultLevel: 2, requiredAttributes: [
            AttributeSpec(key: "Bad Key", label: LocalizedText(zh: "坏", en: "bad"), type: .text, required: false),
            AttributeSpec(key: "kind", label: LocalizedText(zh: "类", en: "kind"), type: .choice([]), required: false),
         ])], ["types[0].requiredAttributes", "types[0].requiredAttributes"]),
    ] as [([EventType], [String])])
    func invalid(types: [EventType], fields: [String]) {
        #expect {
            try EventCatalog(types: types)
        } throws: { error in
            (error as? ValidationFailures)?.failures.map(\.field) == fields
        }
    }

    @Test("the catalogue round-trips through JSON, and decoding validates")
    func json() throws {
        let data = try JSONEncoder().encode(standard)
        #expect(try JSONDecoder().decode(EventCatalog.self, from: data) == standard)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"type\":\"choice\""))
        #expect(text.contains("\"deadlineDays\":{"))
        let broken = Data(#"[{"code":"A1","name":"x","parentCode":"A","eventClass":"service","defaultLevel":1,"deadlineDays":{"1":0,"2":1,"3":1,"4":1},"isPolice":false,"isComponent":false,"isPublic":true,"requiredAttributes":[]}]"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(EventCatalog.self, from: broken) }
    }
}
