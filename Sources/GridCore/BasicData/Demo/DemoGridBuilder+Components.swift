/// City components (城市部件) of the demo population: manhole covers, lamps, hydrants, bins,
/// shelters and signs, with their owners, mostly intact.
extension DemoGridBuilder {
    static let componentKinds: [(kind: ComponentKind, weight: Double, owner: String)] = [
        (.waterSupplyManhole, 8, "郫都区自来水有限公司"),
        (.sewageManhole, 10, "区水务局"),
        (.rainwaterManhole, 10, "区水务局"),
        (.rainGrate, 8, "区水务局"),
        (.powerManhole, 5, "国网成都市郫都供电公司"),
        (.telecomManhole, 5, "中国电信郫都分公司"),
        (.gasManhole, 3, "郫都区燃气有限公司"),
        (.fireHydrant, 6, "郫都区消防救援大队"),
        (.streetLamp, 22, "区综合行政执法局"),
        (.busShelter, 2, "区交通运输局"),
        (.trafficSign, 5, "区公安分局交通警察大队"),
        (.trafficLight, 1, "区公安分局交通警察大队"),
        (.guardrail, 2, "区交通运输局"),
        (.publicToilet, 1, "区综合行政执法局"),
        (.litterBin, 10, "区综合行政执法局"),
        (.refuseRoom, 1, "区综合行政执法局"),
        (.streetTree, 1, "区公园城市建设局"),
    ]
    static let componentWeights = DemoHash.cumulative(componentKinds.map(\.weight))
    static let componentStates: [ComponentState] = [.intact, .damaged, .missing, .removed]
    static let componentStateWeights = DemoHash.cumulative([0.92, 0.05, 0.02, 0.01])

    /// About `componentsPerGrid` components (±30 %). Serials are unique per county and kind for
    /// up to 999 grids: grid index × 1000 + the grid's own count of that kind.
    mutating func makeComponents() {
        let average = population.targets.componentsPerGrid
        guard average > 0 else { return }
        let count = random.int(max(1, average * 7 / 10)...max(1, average * 13 / 10))
        var perKind: [ComponentKind: Int] = [:]
        for _ in 0..<count {
            let entry = Self.componentKinds[random.index(cumulative: Self.componentWeights)]
            let serial = gridIndex * 1_000 + perKind[entry.kind, default: 0]
            perKind[entry.kind, default: 0] += 1
            components.append(CityComponent(
                id: uuid(), code: CityComponent.code(county: grid.code.countyCode, kind: entry.kind, serial: serial % 1_000_000),
                kind: entry.kind, ownerDepartment: entry.owner,
                state: Self.componentStates[random.index(cumulative: Self.componentStateWeights)],
                location: GeoPoint(pointInGrid(), datum: grid.datum), gridPath: grid.path, updatedOn: updatedOn()))
        }
    }
}
