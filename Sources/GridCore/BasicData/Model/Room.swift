import Foundation

/// A room (房屋/房间, the unit of 实有房屋): a flat, a shop or an office in a building.
public struct Room: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var buildingID: UUID
    /// The grid of the building; every row carries its unit's path (architecture.md, Data).
    public var gridPath: UnitPath
    /// 单元, e.g. `2单元`; empty for buildings without units.
    public var unit: String
    /// 房间号 (户室号), e.g. `1203`.
    public var number: String
    /// 楼层: 1 is the ground floor, negative numbers are basements; there is no floor 0.
    public var floor: Int
    public var use: RoomUse
    /// 建筑面积 in m², if known.
    public var area: Double?
    /// 产权人.
    public var ownerName: String
    /// 房东 (for rentals; required there).
    public var landlordName: String?
    /// 房东电话 (for rentals; required there).
    public var landlordPhone: MobileNumber?
    /// Whether someone lives or works in it now (是否有人居住).
    public var isOccupied: Bool
    /// The day the record was last confirmed or changed (核实/更新日期).
    public var updatedOn: CalendarDay

    public init(
        id: UUID, buildingID: UUID, gridPath: UnitPath, unit: String = "", number: String, floor: Int, use: RoomUse,
        area: Double? = nil, ownerName: String = "", landlordName: String? = nil, landlordPhone: MobileNumber? = nil,
        isOccupied: Bool, updatedOn: CalendarDay
    ) {
        self.id = id
        self.buildingID = buildingID
        self.gridPath = gridPath
        self.unit = unit
        self.number = number
        self.floor = floor
        self.use = use
        self.area = area
        self.ownerName = ownerName
        self.landlordName = landlordName
        self.landlordPhone = landlordPhone
        self.isOccupied = isOccupied
        self.updatedOn = updatedOn
    }

    /// The room's standard address: its building's address with this unit and room.
    public func address(in building: Building) -> StandardAddress {
        var address = building.address
        address.unit = unit
        address.room = number
        return address
    }

    /// One key per room of a building however its unit and number are written (`2单元` = `2`,
    /// `1203室` = `1203`), to find the same room registered twice.
    public static func identityKey(building: UUID, unit: String, number: String) -> String {
        let unit = StandardAddress.normalized(unit, suffixes: ["单元"], dropOrdinal: true)
        let number = StandardAddress.normalized(number, suffixes: ["室", "号", "房"])
        return "\(building.uuidString)|\(unit)|\(number)"
    }

    /// `identityKey` of this room.
    public var identityKey: String { Self.identityKey(building: buildingID, unit: unit, number: number) }
}
