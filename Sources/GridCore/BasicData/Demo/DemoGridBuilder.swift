import Foundation

/// Makes one grid's demo records (`DemoPopulation.generate`). Everything is drawn from one
/// generator seeded by the population's seed and the grid code, so a grid's records do not
/// depend on which other grids were generated, or in what order.
struct DemoGridBuilder {
    let population: DemoPopulation
    let grid: DemoPopulation.Grid
    let gridIndex: Int
    let today: CalendarDay
    var random: SeededGenerator
    let box: BoundingBox?
    let communityCode: UnitCode
    /// The roads of the grid's addresses.
    let roads: [String]
    /// The next door number; each grid numbers from its own block of 200 so that door plates
    /// never repeat within a community.
    var nextDoorNumber: Int

    var buildings: [Building] = []
    var rooms: [Room] = []
    /// For each room, the index of its building in `buildings`.
    var roomBuilding: [Int] = []
    var people: [Person] = []
    var organizations: [Organization] = []
    var components: [CityComponent] = []
    var households = 0
    /// Shop rooms not yet taken by an organisation.
    var freeShopRooms: [Int] = []
    /// (region, sex, birth day) of identity numbers already given in this grid.
    var usedBirthKeys: Set<Int> = []
    /// Serial of the next non-resident-ID document number in this grid.
    var documentSerial = 0

    init(population: DemoPopulation, gridIndex: Int) {
        self.population = population
        let grid = population.grids[gridIndex]
        self.grid = grid
        self.gridIndex = gridIndex
        today = population.today
        var random = SeededGenerator(seed: DemoHash.mix(population.seed ^ DemoHash.fnv1a(grid.code.rawValue)))
        box = grid.geometry.boundingBox
        communityCode = UnitCode(trusted: grid.code.communityCode)
        var roads: [String] = []
        for _ in 0..<random.int(2...4) {
            let road = DemoPersonNames.stem(&random) + random.pick(DemoPersonNames.roadSuffixes)
            if !roads.contains(road) { roads.append(road) }
        }
        self.roads = roads
        nextDoorNumber = (grid.code.serial - 1) * 200 + 1
        self.random = random
    }

    mutating func build() -> DemoPopulation.Batch {
        let quota = population.residentQuota(forGridAt: gridIndex)
        people.reserveCapacity(quota)
        rooms.reserveCapacity(quota / 2 + 64)
        roomBuilding.reserveCapacity(quota / 2 + 64)
        let plans = makeHouseholds(quota: quota)
        let roomOfHousehold = makeHousing(for: plans)
        for (plan, roomIndex) in zip(plans, roomOfHousehold) {
            makePeople(of: plan, inRoom: roomIndex)
        }
        finishRooms()
        makeOrganizations(count: population.organizationQuota(forGridAt: gridIndex))
        makeComponents()
        return DemoPopulation.Batch(
            grid: grid, buildings: buildings, rooms: rooms, people: people, households: households,
            organizations: organizations, components: components)
    }

    // MARK: - Shared draws

    mutating func uuid() -> UUID {
        UUID.demo(&random)
    }

    /// A day the record was last confirmed: mostly within the year, about one in eight older.
    mutating func updatedOn() -> CalendarDay {
        random.chance(0.12) ? today.adding(days: -random.int(366...900)) : today.adding(days: -random.int(0...364))
    }

    /// A point strictly inside the grid: bounding-box sampling with point-in-polygon, falling
    /// back to the grid's point on surface.
    mutating func pointInGrid() -> Coordinate {
        if let box {
            for _ in 0..<200 {
                let point = Coordinate(
                    lon: box.minLon + random.nextUnit() * box.width, lat: box.minLat + random.nextUnit() * box.height)
                if grid.geometry.locate(point) == .inside { return point }
            }
        }
        return grid.geometry.pointOnSurface ?? box?.center ?? Coordinate(lon: 0, lat: 0)
    }

    /// A door-plate address on one of the grid's roads, with the next door number.
    mutating func nextDoorplate() -> StandardAddress {
        let number = nextDoorNumber
        nextDoorNumber += random.int(1...2)
        return StandardAddress(
            communityCode: communityCode, district: grid.districtName, street: grid.streetName,
            community: grid.communityName, road: random.pick(roads), number: "\(number)号")
    }
}
