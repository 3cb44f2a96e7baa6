extension EventCatalog {
    /// The platform's default admission list (标准准入清单), built from the seeds: three headings
    /// — `A` 矛盾纠纷 with Kuiyong's 12 dispute kinds, `B` 问题隐患 with its 11 hazard kinds, `C`
    /// 民生服务 — and under the hazard kinds the common city-management, safety and housing items
    /// grid workers report. Departments are the demo district's (`510117-ZF` 综合行政执法局 …);
    /// a district imports its own list with `parseCSV`.
    ///
    /// Choices where the seeds are silent: disputes are management matters at level 2–3 for the
    /// community to mediate, each asking how many people are involved; police matters (警情) and
    /// sensitive kinds (涉法涉诉, 特殊问题, 党纪政纪) are not open to residents; items that endanger
    /// people now (井盖缺失, 消防通道堵塞, 燃气, 危房…) have one-working-day deadlines above level 1,
    /// and a fight is due the same day at every level.
    public static let standard = EventCatalog(trusted: StandardCatalog.types)
}

/// The rows of `EventCatalog.standard`.
enum StandardCatalog {
    typealias A = StandardAttributes

    /// Binjiang's days: same day, 3, 7, 7.
    static let normal = EventType.standardDeadlineDays
    /// Danger to people now: same day, then one working day (two at district level).
    static let urgent: [Int: Int] = [1: 0, 2: 1, 3: 1, 4: 2]
    /// Police matters: handed over the same working day at every level.
    static let immediate: [Int: Int] = [1: 0, 2: 0, 3: 0, 4: 0]

    static func dept(_ suffix: String) -> String { "\(DemoHierarchy.districtCode)-\(suffix)" }

    static func item(
        _ code: String, _ name: String, under parent: String?, _ eventClass: EventClass, _ risk: RiskKind?,
        level: Int, days: [Int: Int] = normal, dept department: String?, police: Bool = false,
        component: Bool = false, isPublic: Bool = true, attributes: [AttributeSpec] = []
    ) -> EventType {
        EventType(
            code: code, name: name, parentCode: parent, eventClass: eventClass, riskKind: risk, defaultLevel: level,
            deadlineDays: days, department: department.map(dept), isPolice: police, isComponent: component,
            isPublic: isPublic, requiredAttributes: attributes)
    }

    static let types: [EventType] = headings + disputes + hazards + services

    static let headings: [EventType] = [
        item("A", "矛盾纠纷", under: nil, .management, nil, level: 2, dept: nil),
        item("B", "问题隐患", under: nil, .management, nil, level: 2, dept: nil),
        item("C", "民生服务", under: nil, .service, nil, level: 2, dept: nil),
    ]

    static let disputes: [EventType] = [
        item("A01", "家庭邻里纠纷", under: "A", .management, .familyNeighbour, level: 2, dept: nil, attributes: A.dispute),
        item("A02", "劳动社保纠纷", under: "A", .management, .labourSocialSecurity, level: 3, dept: nil, attributes: A.dispute),
        item("A03", "房屋租赁纠纷", under: "A", .management, .housingRental, level: 2, dept: nil, attributes: A.dispute),
        item("A04", "房地产业纠纷", under: "A", .management, .realEstate, level: 3, dept: "ZJ", attributes: A.dispute),
        item("A05", "物业管理纠纷", under: "A", .management, .propertyManagement, level: 2, dept: "ZJ", attributes: A.dispute),
        item("A06", "行政管理纠纷", under: "A", .management, .administration, level: 3, dept: nil, attributes: A.dispute),
        item("A07", "涉法涉诉纠纷", under: "A", .management, .litigation, level: 3, dept: nil, isPublic: false, attributes: A.dispute),
        item("A08", "规划建设纠纷", under: "A", .management, .planningConstruction, level: 3, dept: "ZJ", attributes: A.dispute),
        item("A09", "村民股份纠纷", under: "A", .management, .villageShares, level: 3, dept: nil, attributes: A.dispute),
        item("A10", "经济关系纠纷", under: "A", .management, .economicRelations, level: 3, dept: nil, attributes: A.dispute),
        item("A11", "特殊问题", under: "A", .management, .specialIssues, level: 4, dept: nil, isPublic: false, attributes: A.dispute),
        item("A12", "党纪政纪问题", under: "A", .management, .partyDiscipline, level: 4, dept: nil, isPublic: false, attributes: A.dispute),
    ]

    static let hazards: [EventType] = [
        item("B01", "社会治安隐患", under: "B", .enforcement, .publicSecurity, level: 3, days: urgent, dept: "GA", police: true, isPublic: false),
        item("B0101", "打架斗殴", under: "B01", .enforcement, .publicSecurity, level: 3, days: immediate, dept: "GA", police: true,
             isPublic: false, attributes: [A.peopleInvolved]),
        item("B0102", "涉黄涉赌涉毒线索", under: "B01", .enforcement, .publicSecurity, level: 3, days: urgent, dept: "GA", police: true,
             isPublic: false),
        item("B02", "食药市监隐患", under: "B", .enforcement, .foodDrugMarket, level: 3, dept: "SJ"),
        item("B0201", "无证经营", under: "B02", .enforcement, .foodDrugMarket, level: 2, dept: "SJ", attributes: [A.businessName]),
        item("B0202", "食品安全隐患", under: "B02", .enforcement, .foodDrugMarket, level: 3, days: urgent, dept: "SJ",
             attributes: [A.businessName]),
        item("B03", "交通运输隐患", under: "B", .management, .transport, level: 3, dept: "JT"),
        item("B0301", "违规停车", under: "B03", .enforcement, .transport, level: 2, dept: "GA", attributes: [A.plateNumber]),
        item("B0302", "道路破损", under: "B03", .management, .transport, level: 3, dept: "ZJ", component: true, attributes: [A.damageArea]),
        item("B0303", "交通护栏损坏", under: "B03", .management, .transport, level: 3, dept: "JT", component: true),
        item("B0304", "交通信号灯故障", under: "B03", .management, .transport, level: 3, days: urgent, dept: "GA", component: true),
        item("B04", "城市管理问题", under: "B", .management, .cityManagement, level: 2, dept: "ZF"),
        item("B0401", "暴露垃圾", under: "B04", .management, .cityManagement, level: 2, dept: "ZF", attributes: [A.areaOptional]),
        item("B0402", "占道经营", under: "B04", .enforcement, .cityManagement, level: 2, dept: "ZF", attributes: [A.stallCount]),
        item("B0403", "违章搭建", under: "B04", .enforcement, .cityManagement, level: 3, dept: "ZF",
             attributes: [A.areaRequired, A.structure]),
        item("B0404", "乱贴乱画", under: "B04", .management, .cityManagement, level: 1, dept: "ZF"),
        item("B0405", "井盖缺失", under: "B04", .management, .cityManagement, level: 3, days: urgent, dept: "SW", component: true,
             attributes: [A.manholeType]),
        item("B0406", "路灯损坏", under: "B04", .management, .cityManagement, level: 2, dept: "ZJ", component: true,
             attributes: [A.lampNumber]),
        item("B0407", "垃圾桶破损", under: "B04", .management, .cityManagement, level: 2, dept: "ZF", component: true),
        item("B0408", "渣土撒漏", under: "B04", .enforcement, .cityManagement, level: 2, dept: "ZF"),
        item("B05", "安全消防隐患", under: "B", .management, .fireSafety, level: 3, dept: "YJ"),
        item("B0501", "消防通道堵塞", under: "B05", .enforcement, .fireSafety, level: 3, days: urgent, dept: "YJ",
             attributes: [A.blockedBy]),
        item("B0502", "私搭乱接电线", under: "B05", .management, .fireSafety, level: 2, dept: "YJ", attributes: [A.ebikeCharging]),
        item("B0503", "消防设施损坏", under: "B05", .management, .fireSafety, level: 3, dept: "YJ", component: true),
        item("B0504", "燃气安全隐患", under: "B05", .management, .fireSafety, level: 3, days: urgent, dept: "ZJ"),
        item("B0505", "危化品违规存放", under: "B05", .enforcement, .fireSafety, level: 4, days: urgent, dept: "YJ"),
        item("B06", "环保生态问题", under: "B", .management, .environment, level: 3, dept: "HB"),
        item("B0601", "违规排污", under: "B06", .enforcement, .environment, level: 3, dept: "HB", attributes: [A.pollutant]),
        item("B0602", "油烟扰民", under: "B06", .enforcement, .environment, level: 2, dept: "HB"),
        item("B0603", "噪音扰民", under: "B06", .enforcement, .environment, level: 2, dept: "ZF", attributes: [A.noiseSource, A.atNight]),
        item("B07", "建设水务隐患", under: "B", .management, .constructionWater, level: 3, dept: "ZJ"),
        item("B0701", "排水管道堵塞", under: "B07", .management, .constructionWater, level: 2, dept: "SW", component: true),
        item("B0702", "建筑工地安全隐患", under: "B07", .enforcement, .constructionWater, level: 3, dept: "ZJ"),
        item("B0703", "危房隐患", under: "B07", .management, .constructionWater, level: 3, days: urgent, dept: "ZJ"),
        item("B08", "计划生育事项", under: "B", .service, .familyPlanning, level: 2, dept: "WJ"),
        item("B09", "人口房屋问题", under: "B", .management, .populationHousing, level: 2, dept: "GA"),
        item("B0901", "群租房", under: "B09", .management, .populationHousing, level: 3, dept: "GA",
             attributes: [A.roomAddress, A.occupants]),
        item("B0902", "出租屋未登记", under: "B09", .management, .populationHousing, level: 2, dept: "GA", attributes: [A.roomAddress]),
        item("B10", "教育校园隐患", under: "B", .management, .educationCampus, level: 3, dept: "JY"),
        item("B1001", "校园周边安全隐患", under: "B10", .management, .educationCampus, level: 3, dept: "JY"),
        item("B11", "发政事务问题", under: "B", .management, .developmentAffairs, level: 3, dept: nil),
    ]

    static let services: [EventType] = [
        item("C01", "困难群众求助", under: "C", .service, nil, level: 2, dept: "MZ", attributes: [A.householdSize]),
        item("C02", "独居老人关怀", under: "C", .service, nil, level: 2, dept: "MZ"),
        item("C03", "残疾人帮扶", under: "C", .service, nil, level: 2, dept: "MZ"),
        item("C04", "政策咨询", under: "C", .service, nil, level: 1, dept: nil),
    ]
}
