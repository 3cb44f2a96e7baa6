import Foundation

/// A room (实有房屋) as the API shows it; the landlord's phone masked.
public struct RoomDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var buildingID: UUID
    public var buildingName: String
    public var addressCode: String
    public var address: String
    public var unit: String
    public var number: String
    public var floor: Int
    public var use: PersonDTO.Label
    public var area: Double?
    public var ownerName: String
    public var landlordName: String?
    public var landlordPhone: String?
    public var occupied: Bool
    /// Current residents registered in the room.
    public var residents: Int
    public var gridPath: String
    public var updatedOn: String
    public var version: Int

    /// The room in `building` with `residents` current residents.
    public init(_ room: Room, building: Building, residents: Int, version: Int, language: Language) {
        let address = room.address(in: building)
        id = room.id
        buildingID = building.id
        buildingName = building.name
        addressCode = address.addressCode
        self.address = address.fullText
        unit = room.unit
        number = room.number
        floor = room.floor
        use = PersonDTO.Label(code: room.use.rawValue, label: room.use.label.text(in: language))
        area = room.area
        ownerName = room.ownerName
        landlordName = room.landlordName
        landlordPhone = room.landlordPhone.map { Masking.maskPhone($0.value) }
        occupied = room.isOccupied
        self.residents = residents
        gridPath = room.gridPath.rawValue
        updatedOn = room.updatedOn.description
        self.version = version
    }

    enum CodingKeys: String, CodingKey {
        case id, address, unit, number, floor, use, area, occupied, residents, version
        case buildingID = "building_id"
        case buildingName = "building_name"
        case addressCode = "address_code"
        case ownerName = "owner_name"
        case landlordName = "landlord_name"
        case landlordPhone = "landlord_phone"
        case gridPath = "grid_path"
        case updatedOn = "updated_on"
    }
}

/// A building (楼栋) as the API shows it, with its counts of rooms and current residents.
public struct BuildingDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var addressCode: String
    public var address: String
    public var use: PersonDTO.Label
    public var floors: Int
    /// A point at the building in `datum`, when surveyed.
    public var lon: Double?
    public var lat: Double?
    public var datum: String
    public var rooms: Int
    public var residents: Int
    public var gridPath: String
    public var updatedOn: String

    public init(_ building: Building, rooms: Int, residents: Int, language: Language) {
        id = building.id
        name = building.name
        addressCode = building.address.addressCode
        address = building.address.fullText
        use = PersonDTO.Label(code: building.use.rawValue, label: building.use.label.text(in: language))
        floors = building.floors
        let point = building.representativePoint
        lon = point?.coordinate.lon
        lat = point?.coordinate.lat
        datum = building.datum.rawValue
        self.rooms = rooms
        self.residents = residents
        gridPath = building.gridPath.rawValue
        updatedOn = building.updatedOn.description
    }

    enum CodingKeys: String, CodingKey {
        case id, name, address, use, floors, lon, lat, datum, rooms, residents
        case addressCode = "address_code"
        case gridPath = "grid_path"
        case updatedOn = "updated_on"
    }
}
