import Foundation

/// `GET /api/v1/stats/data-quality?unit=`: basic-data quality (基础数据质量) of a unit and of
/// each unit one level below it (grids for a community), counts with their denominators.
public struct DataQualityDTO: Codable, Sendable, Equatable {
    public struct Ratio: Codable, Sendable, Equatable {
        public var numerator: Int
        public var denominator: Int
        public var rate: Double?

        public init(_ ratio: CountRatio) {
            numerator = ratio.numerator
            denominator = ratio.denominator
            rate = ratio.rate
        }
    }

    public struct Records: Codable, Sendable, Equatable {
        public var records: Int
        public var complete: Int
        public var completeness: Double?
        /// Per field key, how many records lack it.
        public var missing: [String: Int]
        public var stale: Int
        public var duplicates: Int

        public init(_ quality: RecordQuality) {
            records = quality.records
            complete = quality.complete
            completeness = quality.completeness.rate
            missing = quality.missing
            stale = quality.stale
            duplicates = quality.duplicates
        }
    }

    public struct Area: Codable, Sendable, Equatable {
        public var unitPath: String
        public var unitCode: String
        public var unitName: String
        public var people: Records
        public var rooms: Records
        public var organizations: Records
        public var occupiedRoomsWithoutResidents: Ratio
        public var residentsInVacantRooms: Ratio

        public init(path: UnitPath, name: String, figures: DataQualityFigures) {
            unitPath = path.rawValue
            unitCode = path.codes.last ?? ""
            unitName = name
            people = Records(figures.people)
            rooms = Records(figures.rooms)
            organizations = Records(figures.organizations)
            occupiedRoomsWithoutResidents = Ratio(figures.occupiedRoomsWithoutResidents)
            residentsInVacantRooms = Ratio(figures.residentsInVacantRooms)
        }

        enum CodingKeys: String, CodingKey {
            case people, rooms, organizations
            case unitPath = "unit_path"
            case unitCode = "unit_code"
            case unitName = "unit_name"
            case occupiedRoomsWithoutResidents = "occupied_rooms_without_residents"
            case residentsInVacantRooms = "residents_in_vacant_rooms"
        }
    }

    /// The day the figures are for.
    public var today: String
    public var staleAfterDays: Int
    public var total: Area
    public var areas: [Area]
    /// Groups of person ids that are probably one person (same ID number, or same name, birth
    /// date and room), for follow-up; at most 100 groups.
    public var duplicatePeople: [[UUID]]

    public init(today: CalendarDay, staleAfterDays: Int, total: Area, areas: [Area], duplicatePeople: [[UUID]]) {
        self.today = today.description
        self.staleAfterDays = staleAfterDays
        self.total = total
        self.areas = areas
        self.duplicatePeople = duplicatePeople
    }

    enum CodingKeys: String, CodingKey {
        case today, total, areas
        case staleAfterDays = "stale_after_days"
        case duplicatePeople = "duplicate_people"
    }
}
