/// Buildings and rooms (实有房屋) of the demo population: compounds of residential buildings,
/// street-front buildings with shops below, a few commercial and industrial buildings; 6–30
/// rooms a building; about 17 % of rooms rented, 10 % vacant, shops on ground floors.
extension DemoGridBuilder {
    /// Share of all rooms that are rented (出租屋).
    static let rentalShare = 0.17
    /// Share of residential rooms left for vacancy and other uses.
    static let spareShare = 0.12
    static let buildingUses: [BuildingUse] = [.residential, .mixed, .commercial, .industrial]
    static let buildingUseWeights = DemoHash.cumulative([0.72, 0.20, 0.05, 0.03])
    static let unitLabels = (1...3).map { "\($0)单元" }

    /// Makes buildings and rooms for the households, assigns each household a room and gives
    /// every room its use. Returns the room index of each household.
    mutating func makeHousing(for plans: [HouseholdPlan]) -> [Int] {
        var residential: [Int] = []
        if plans.isEmpty {
            // A special grid (school, hospital, market…): a few non-residential buildings.
            for _ in 0..<random.int(2...5) {
                makeBuildings(use: random.chance(0.5) ? .publicService : .commercial, into: &residential)
            }
            return []
        }
        let needed = Int((Double(plans.count) / (1 - Self.spareShare)).rounded(.up))
        while residential.count < needed {
            let use = Self.buildingUses[random.index(cumulative: Self.buildingUseWeights)]
            makeBuildings(use: use, into: &residential)
        }
        // Floating households first: they are the ones who rent.
        let order = plans.indices.filter { plans[$0].kind != .registered } + plans.indices.filter { plans[$0].kind == .registered }
        shuffle(&residential)
        let rentals = min(plans.count, Int((Double(rooms.count) * Self.rentalShare).rounded()))
        var roomOfHousehold = [Int](repeating: 0, count: plans.count)
        for (rank, household) in order.enumerated() {
            let room = residential[rank]
            roomOfHousehold[household] = room
            rooms[room].use = rank < rentals ? .rental : .selfOccupied
            rooms[room].isOccupied = true
        }
        for room in residential.dropFirst(plans.count) {
            rooms[room].use = random.chance(0.08) ? .other : .vacant
            rooms[room].isOccupied = false
        }
        return roomOfHousehold
    }

    /// A compound of 1–6 residential buildings under one door plate, or one other building.
    /// Residential room indices are appended to `residential`.
    private mutating func makeBuildings(use: BuildingUse, into residential: inout [Int]) {
        let doorplate = nextDoorplate()
        let count = use == .residential ? random.int(1...6) : 1
        let compound: String
        switch use {
        case .residential: compound = DemoPersonNames.stem(&random) + random.pick(DemoPersonNames.compoundSuffixes)
        case .mixed: compound = doorplate.road + doorplate.number + "商住楼"
        case .commercial: compound = DemoPersonNames.stem(&random) + "商业楼"
        case .industrial: compound = DemoPersonNames.stem(&random) + "厂区"
        case .publicService: compound = grid.name.replacingOccurrences(of: "专属网格", with: "")
        case .other: compound = DemoPersonNames.stem(&random) + "楼"
        }
        for number in 1...count {
            var address = doorplate
            address.building = "\(number)栋"
            let roomCount = random.int(6...30)
            let units = roomCount >= 18 ? random.int(1...3) : 1
            let perUnit = (roomCount + units - 1) / units
            let floors = (perUnit + 1) / 2
            let building = Building(
                id: uuid(), name: compound + "\(number)栋", address: address, gridPath: grid.path, location: pointInGrid(),
                datum: grid.datum, floors: floors, use: use, updatedOn: updatedOn())
            let buildingIndex = buildings.count
            buildings.append(building)
            for index in 0..<roomCount {
                let unit = index / perUnit + 1
                let position = index % perUnit
                let floor = position / 2 + 1
                let roomUse: RoomUse
                var isResidential = false
                switch use {
                case .residential:
                    roomUse = .vacant
                    isResidential = true
                case .mixed:
                    roomUse = floor == 1 ? .shop : .vacant
                    isResidential = floor > 1
                case .commercial:
                    roomUse = floor == 1 ? .shop : .other
                case .industrial, .publicService, .other:
                    roomUse = .other
                }
                let room = Room(
                    id: uuid(), buildingID: building.id, gridPath: grid.path, unit: Self.unitLabels[unit - 1],
                    number: String(floor) + (position % 2 == 0 ? "01" : "02"), floor: floor, use: roomUse,
                    area: Double(isResidential ? random.int(45...140) : random.int(20...300)),
                    ownerName: "", isOccupied: roomUse == .other, updatedOn: building.updatedOn)
                if roomUse == .shop { freeShopRooms.append(rooms.count) }
                if isResidential { residential.append(rooms.count) }
                rooms.append(room)
                roomBuilding.append(buildingIndex)
            }
        }
    }

    /// Owners and landlords, once the households are known: a self-occupied room is owned by its
    /// household's head, a rented one by a landlord living elsewhere (with a phone), the others by
    /// someone; shops without an organisation are occupied or vacant.
    mutating func finishRooms() {
        for index in rooms.indices {
            switch rooms[index].use {
            case .selfOccupied:
                if rooms[index].ownerName.isEmpty { rooms[index].ownerName = someName() }
            case .rental:
                let landlord = someName()
                rooms[index].ownerName = landlord
                rooms[index].landlordName = landlord
                rooms[index].landlordPhone = MobileNumber(checkedDigits: DemoIdentity.mobile(&random))
            case .vacant, .shop, .other:
                rooms[index].ownerName = random.chance(0.1) ? DemoPersonNames.stem(&random) + "置业有限公司" : someName()
            }
        }
    }

    mutating func someName() -> String {
        DemoPersonNames.person(random.chance(0.55) ? .male : .female, &random)
    }

    /// Fisher–Yates with the grid's generator.
    mutating func shuffle(_ values: inout [Int]) {
        guard values.count > 1 else { return }
        for index in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(index, random.int(0...index))
        }
    }

    /// The standard address of a room.
    func address(ofRoom index: Int) -> StandardAddress {
        rooms[index].address(in: buildings[roomBuilding[index]])
    }
}
