import Foundation

/// A building (楼栋, part of 实有房屋): its door-plate address, the grid it lies in, where it
/// stands (a point, a footprint or both, in one datum), floors and use.
public struct Building: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    /// 楼栋名称, e.g. `望丛小区3栋`.
    public var name: String
    /// The building's address (level `.building`: road, number, building).
    public var address: StandardAddress
    /// The grid the building lies in.
    public var gridPath: UnitPath
    /// A point at the building (its entrance or centre), if surveyed.
    public var location: Coordinate?
    /// The building's outline, corners of the exterior ring (no closing repetition needed), if surveyed.
    public var footprint: [Coordinate]?
    /// The datum of `location` and `footprint`.
    public var datum: Datum
    /// 地上层数.
    public var floors: Int
    public var use: BuildingUse
    /// The day the record was last confirmed or changed (核实/更新日期).
    public var updatedOn: CalendarDay

    public init(
        id: UUID, name: String, address: StandardAddress, gridPath: UnitPath, location: Coordinate?,
        footprint: [Coordinate]? = nil, datum: Datum, floors: Int, use: BuildingUse, updatedOn: CalendarDay
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.gridPath = gridPath
        self.location = location
        self.footprint = footprint
        self.datum = datum
        self.floors = floors
        self.use = use
        self.updatedOn = updatedOn
    }

    /// The point that stands for the building on a map: `location`, else a point inside the
    /// footprint, else nil.
    public var representativePoint: GeoPoint? {
        if let location { return GeoPoint(location, datum: datum) }
        guard let footprint, footprint.count >= 3, let point = Polygon(footprint).pointOnSurface else { return nil }
        return GeoPoint(point, datum: datum)
    }
}
