import Foundation

/// Someone who acts in one event: the machine's identity and the name the timeline shows.
struct DemoParticipant: Sendable {
    let actor: EventActor
    let name: String

    init(_ member: DemoCast.Member, role: Role, at unit: UnitPath) {
        actor = EventActor(userID: member.userID, roles: [role], unitPath: unit)
        name = member.name
    }

    init(actor: EventActor, name: String) {
        self.actor = actor
        self.name = name
    }

    var id: UUID { actor.userID }
}

/// A unit events are dispatched to, with the handler who acts for it.
struct DemoHandlingUnit: Sendable {
    let ref: HandlingUnitRef
    let name: String
    let handler: DemoParticipant
}

/// A place in a grid where things happen again and again (a gate, a corner, a lane), with its
/// address text.
struct DemoAddress: Sendable {
    let point: Coordinate
    let text: String
}

/// One grid of the demo district as the generator sees it: its outline, addresses, load and the
/// people around it. A class: every event of the grid refers to it.
final class DemoGridSite: Sendable {
    let unit: OrgUnit
    let outline: MultiPolygon
    /// Relative load (1 is the district's typical grid).
    let weight: Double
    let addresses: [DemoAddress]
    /// Cumulative weights over `addresses` (a few places get most reports).
    let addressWeights: [Double]
    let roads: [String]
    let worker: DemoParticipant
    let gridHead: DemoParticipant
    let communityOperator: DemoParticipant
    let streetOperator: DemoParticipant
    let districtOperator: DemoParticipant
    let leader: DemoParticipant
    let streetPath: UnitPath
    let districtPath: UnitPath
    /// The street's police station (派出所), when the hierarchy has one.
    let policeStation: DemoHandlingUnit?

    init(
        unit: OrgUnit, outline: MultiPolygon, weight: Double, addresses: [DemoAddress],
        addressWeights: [Double], roads: [String], worker: DemoParticipant, gridHead: DemoParticipant,
        communityOperator: DemoParticipant, streetOperator: DemoParticipant, districtOperator: DemoParticipant,
        leader: DemoParticipant, streetPath: UnitPath, districtPath: UnitPath, policeStation: DemoHandlingUnit?
    ) {
        self.unit = unit
        self.outline = outline
        self.weight = weight
        self.addresses = addresses
        self.addressWeights = addressWeights
        self.roads = roads
        self.worker = worker
        self.gridHead = gridHead
        self.communityOperator = communityOperator
        self.streetOperator = streetOperator
        self.districtOperator = districtOperator
        self.leader = leader
        self.streetPath = streetPath
        self.districtPath = districtPath
        self.policeStation = policeStation
    }
}

extension DemoGridSite {
    /// Road names in the manner of Pidu's (郫都), for addresses.
    static let roadNames = [
        "望丛中路", "望丛东路", "望丛西路", "郫筒南大街", "郫筒北大街", "鹃城大道", "创智南路", "创智北路", "百草路",
        "红光大道", "德源大道", "德源北路", "团结学院路", "安德川菜大道", "唐昌大道", "古城大道", "友爱大道", "新民场街",
        "青杠树路", "合作路", "西源大道", "港通北路", "蜀信路", "郫温路", "成灌西路", "校园路", "顺江路", "清江路",
        "蜀源大道", "银杏大道", "科化一路", "科化二路", "天骄路", "兴业路", "石羊路", "梨园路", "双柳路", "柏树街",
        "花园街", "新桥街", "永兴路", "书香路", "云桥路", "紫薇路", "河坝街", "光明路", "长乐街", "安宁路",
    ]

    static let landmarks = [
        "门口", "旁", "对面", "小区东门", "小区北门", "小区南门", "路口", "公交站旁", "背街小巷", "菜市场附近",
        "商铺前", "停车场", "绿化带旁", "居民楼下", "巷子口", "桥下",
    ]

    /// A point inside `outline`: a scan line at a random latitude, a random inside stretch of it
    /// (by width), a point well inside the stretch; checked exactly, retried, else the outline's
    /// point on surface.
    static func point(in outline: MultiPolygon, dice: inout DemoDice) -> Coordinate? {
        guard let box = outline.boundingBox else { return nil }
        let rings = outline.polygons.flatMap(\.rings)
        for _ in 0..<40 {
            let lat = box.minLat + (0.05 + 0.9 * dice.unit()) * box.height
            var crossings: [Double] = []
            for ring in rings {
                let points = ring.coordinates
                guard points.count > 1 else { continue }
                var previous = points[points.count - 1]
                for current in points {
                    if (previous.lat < lat) != (current.lat < lat) {
                        crossings.append(previous.lon + (lat - previous.lat) * (current.lon - previous.lon) / (current.lat - previous.lat))
                    }
                    previous = current
                }
            }
            crossings.sort()
            guard crossings.count >= 2 else { continue }
            var stretches: [(from: Double, to: Double)] = []
            for index in stride(from: 0, to: crossings.count - 1, by: 2) where crossings[index + 1] > crossings[index] {
                stretches.append((crossings[index], crossings[index + 1]))
            }
            guard !stretches.isEmpty else { continue }
            let choice = dice.index(cumulative: DemoDice.cumulative(stretches.map { $0.to - $0.from }))
            let stretch = stretches[choice]
            let lon = stretch.from + (0.15 + 0.7 * dice.unit()) * (stretch.to - stretch.from)
            let point = Coordinate(lon: lon, lat: lat)
            if outline.locate(point) == .inside { return point }
        }
        return outline.pointOnSurface
    }

    /// A point near `address` (within about 20 m) still inside the grid, else the address itself.
    func point(near address: DemoAddress, dice: inout DemoDice) -> Coordinate {
        for _ in 0..<3 {
            let candidate = Coordinate(
                lon: address.point.lon + dice.double(-0.0002...0.0002), lat: address.point.lat + dice.double(-0.00018...0.00018))
            if outline.locate(candidate) == .inside { return candidate }
        }
        return address.point
    }
}
