/// A standard address (一标地址, the "one standard" of 一标三实): district, street, community,
/// road, door number, building, unit and room. Everything else in basic data hangs on it: a
/// building has a door-plate address, a room a room address, an organisation the address it
/// trades at.
///
/// The community is identified by its unit code (12 digits for administrative communities,
/// GB/T 30428.1), which also carries the district and street; the three names are for display.
/// Components are kept as entered (`88号`, `3栋`, `2单元`, `1203室`); `addressCode` normalises them.
/// An empty component means "not given".
public struct StandardAddress: Sendable, Hashable, Codable {
    /// The community's unit code (社区编码), e.g. `510117003012`.
    public var communityCode: UnitCode
    /// 区（县）, e.g. `郫都区`.
    public var district: String
    /// 街道（镇）, e.g. `郫筒街道`.
    public var street: String
    /// 社区（村）, e.g. `望丛社区`.
    public var community: String
    /// 街路巷 (road, street or lane), e.g. `望丛东路`.
    public var road: String
    /// 门牌号 (door number), e.g. `88号` or `88-1`.
    public var number: String
    /// 楼栋, e.g. `3栋`.
    public var building: String
    /// 单元, e.g. `2单元`.
    public var unit: String
    /// 房间 (户室号), e.g. `1203`.
    public var room: String

    public init(
        communityCode: UnitCode, district: String = "", street: String = "", community: String = "",
        road: String, number: String, building: String = "", unit: String = "", room: String = ""
    ) {
        self.communityCode = communityCode
        self.district = district
        self.street = street
        self.community = community
        self.road = road
        self.number = number
        self.building = building
        self.unit = unit
        self.room = room
    }

    /// What an address is the address of; decides which components are required.
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        /// A door plate (门牌): road and number.
        case doorplate
        /// A building (楼栋): road, number and building.
        case building
        /// A room (房间): road, number, building, unit and room.
        case room
    }

    /// The same address one level up: the building of a room, the door plate of a building.
    public func truncated(to level: Level) -> StandardAddress {
        var copy = self
        switch level {
        case .doorplate:
            copy.building = ""
            copy.unit = ""
            copy.room = ""
        case .building:
            copy.unit = ""
            copy.room = ""
        case .room:
            break
        }
        return copy
    }

    /// The address as people write it: `郫都区郫筒街道望丛社区望丛东路88号3栋2单元1203室`. A
    /// component ending in a digit gets its usual suffix (号, 栋, 单元, 室).
    public var fullText: String {
        func suffixed(_ text: String, _ suffix: String) -> String {
            let trimmed = BasicDataText.trimmed(text)
            guard let last = trimmed.last, last.isASCII, last.isNumber || last.isLetter else { return trimmed }
            return trimmed + suffix
        }
        return [district, street, community, road].map(CSVText.trimmed).joined()
            + suffixed(number, "号") + suffixed(building, "栋") + suffixed(unit, "单元") + suffixed(room, "室")
    }
}
