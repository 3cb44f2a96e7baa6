import Foundation

/// One line of a rooms file (实有房屋导入), parsed and checked. The building is named as the file
/// names it (its address code or name) and resolved by the caller (`makeRoom`).
public struct RoomCSVRow: Sendable, Hashable, Codable {
    public var building: String
    public var unit: String
    public var number: String
    public var floor: Int
    public var use: RoomUse
    public var area: Double?
    public var ownerName: String
    public var landlordName: String?
    public var landlordPhone: MobileNumber?
    public var isOccupied: Bool

    public init(
        building: String, unit: String = "", number: String, floor: Int, use: RoomUse, area: Double? = nil,
        ownerName: String = "", landlordName: String? = nil, landlordPhone: MobileNumber? = nil, isOccupied: Bool
    ) {
        self.building = building
        self.unit = unit
        self.number = number
        self.floor = floor
        self.use = use
        self.area = area
        self.ownerName = ownerName
        self.landlordName = landlordName.flatMap { $0.isEmpty ? nil : $0 }
        self.landlordPhone = landlordPhone
        self.isOccupied = isOccupied
    }

    /// The row for exporting `room`, in the building the file will call `buildingReference`.
    public init(room: Room, buildingReference: String) {
        self.init(
            building: buildingReference, unit: room.unit, number: room.number, floor: room.floor, use: room.use,
            area: room.area, ownerName: room.ownerName, landlordName: room.landlordName,
            landlordPhone: room.landlordPhone, isOccupied: room.isOccupied)
    }

    /// The room record, once the caller has resolved the building and chosen the id.
    public func makeRoom(id: UUID, buildingID: UUID, gridPath: UnitPath, updatedOn: CalendarDay) -> Room {
        Room(
            id: id, buildingID: buildingID, gridPath: gridPath, unit: unit, number: number, floor: floor, use: use,
            area: area, ownerName: ownerName, landlordName: landlordName, landlordPhone: landlordPhone,
            isOccupied: isOccupied, updatedOn: updatedOn)
    }
}
