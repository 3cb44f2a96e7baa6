import Foundation

/// Organisations (实有单位) of the demo population: shops in ground-floor rooms, enterprises,
/// homestays (Pidu is where 农家乐 began), hotels, social organisations and public bodies, with
/// valid unified social credit codes unique in the district.
extension DemoGridBuilder {
    static let organizationKinds: [OrganizationKind] = [
        .individualBusiness, .enterprise, .homestay, .hotel, .socialOrganization, .governmentInstitution, .other,
    ]
    static let urbanKindWeights = DemoHash.cumulative([0.50, 0.31, 0.02, 0.03, 0.05, 0.03, 0.06])
    static let villageKindWeights = DemoHash.cumulative([0.42, 0.22, 0.14, 0.02, 0.05, 0.03, 0.12])

    mutating func makeOrganizations(count: Int) {
        guard count > 0 else { return }
        let isVillage = grid.communityName.hasSuffix("村")
        for index in 0..<count {
            let kind: OrganizationKind
            var name: String
            if index == 0, grid.kind == .specialGrid {
                // The school, hospital, park or market the special grid is drawn around.
                name = grid.name.replacingOccurrences(of: "专属网格", with: "")
                kind = ["小学", "中学", "医院"].contains(where: name.hasSuffix) ? .governmentInstitution : .enterprise
                if kind == .enterprise { name += "管理有限公司" }
            } else {
                kind = Self.organizationKinds[random.index(cumulative: isVillage ? Self.villageKindWeights : Self.urbanKindWeights)]
                name = organizationName(kind)
            }
            let takesShop = kind == .individualBusiness || (kind == .enterprise && random.chance(0.3))
            var roomID: UUID?
            var address: StandardAddress
            if takesShop, !freeShopRooms.isEmpty {
                let room = freeShopRooms.removeFirst()
                rooms[room].isOccupied = true
                roomID = rooms[room].id
                address = self.address(ofRoom: room)
            } else if let building = buildings.isEmpty ? nil : random.pick(buildings) {
                address = building.address
            } else {
                address = nextDoorplate()
            }
            if address.road.isEmpty { address = nextDoorplate() }
            let serial = gridIndex * 1_000 + index
            let creditCode = hasCreditCode(kind)
                ? SocialCreditCode(demoValue: DemoIdentity.creditCode(
                    prefix: creditPrefix(kind), region: DemoRegions.pidu, serial: DemoHash.scramble(serial, modulus: 100_000_000)))
                : nil
            organizations.append(Organization(
                id: uuid(), name: name, creditCode: creditCode, kind: kind, address: address, roomID: roomID,
                legalPerson: someName(),
                phone: random.chance(0.7) ? DemoIdentity.mobile(&random) : DemoIdentity.landline(&random),
                employeeCount: employees(kind), gridPath: grid.path, updatedOn: updatedOn()))
        }
        // Shops nobody took: some are let to people not registered as a business, some stand empty.
        for room in freeShopRooms where random.chance(0.5) {
            rooms[room].use = .vacant
            rooms[room].isOccupied = false
        }
        for room in freeShopRooms where rooms[room].use == .shop {
            rooms[room].isOccupied = true
        }
        freeShopRooms = []
    }

    private mutating func organizationName(_ kind: OrganizationKind) -> String {
        let stem = DemoPersonNames.stem(&random)
        switch kind {
        case .individualBusiness:
            return random.chance(0.5)
                ? "郫都区\(DemoPersonNames.surname(&random))记\(random.pick(DemoPersonNames.shops))"
                : "郫都区\(stem)\(random.pick(DemoPersonNames.shops))"
        case .enterprise:
            return "成都\(stem)\(random.pick(DemoPersonNames.trades))有限公司"
        case .homestay:
            return stem + (random.chance(0.6) ? "农家乐" : "民宿")
        case .hotel:
            return stem + random.pick(["宾馆", "酒店", "商务酒店", "客栈"])
        case .socialOrganization:
            return random.pick([
                "郫都区\(stem)志愿者协会", "\(grid.communityName)老年协会", "郫都区\(stem)社会工作服务中心", "\(grid.communityName)文艺队",
            ])
        case .governmentInstitution:
            return random.pick([
                "\(stem)幼儿园", "\(grid.communityName)卫生服务站", "\(grid.streetName)\(stem)小学", "\(grid.communityName)便民服务中心",
            ])
        case .other:
            return "郫都区\(stem)\(random.pick(DemoPersonNames.crops))专业合作社"
        }
    }

    /// Most shops and homestays have a code today; the kinds that require one always do.
    private mutating func hasCreditCode(_ kind: OrganizationKind) -> Bool {
        switch kind {
        case .individualBusiness: random.chance(0.85)
        case .homestay: random.chance(0.7)
        case .other: random.chance(0.8)
        default: true
        }
    }

    /// Registration authority and organisation type (GB 32100): 91 enterprise, 92 individual
    /// business, 93 farmers' cooperative, 51/52 social organisations, 11/12 public bodies.
    private mutating func creditPrefix(_ kind: OrganizationKind) -> String {
        switch kind {
        case .enterprise, .hotel: "91"
        case .individualBusiness: "92"
        case .homestay: random.chance(0.7) ? "92" : "91"
        case .other: "93"
        case .socialOrganization: random.chance(0.5) ? "51" : "52"
        case .governmentInstitution: random.chance(0.3) ? "11" : "12"
        }
    }

    private mutating func employees(_ kind: OrganizationKind) -> Int {
        switch kind {
        case .individualBusiness: random.int(1...6)
        case .enterprise: random.chance(0.8) ? random.int(3...50) : random.int(51...600)
        case .homestay: random.int(2...15)
        case .hotel: random.int(5...60)
        case .socialOrganization: random.int(0...20)
        case .governmentInstitution: random.int(8...120)
        case .other: random.int(3...40)
        }
    }
}
