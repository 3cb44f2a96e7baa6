/// Quality figures of one kind of record (people, rooms or organisations) in an area: counts
/// only, so that areas add up (`+`).
public struct RecordQuality: Sendable, Hashable, Codable {
    /// Records counted: the denominator of every rate below.
    public var records: Int
    /// Records with every required field (`missingFields` empty).
    public var complete: Int
    /// For each field key, how many records lack it.
    public var missing: [String: Int]
    /// Records not confirmed or changed for more than the report's stale period (a year).
    public var stale: Int
    /// Records that share their identity with another record (probable duplicates).
    public var duplicates: Int

    public init(records: Int = 0, complete: Int = 0, missing: [String: Int] = [:], stale: Int = 0, duplicates: Int = 0) {
        self.records = records
        self.complete = complete
        self.missing = missing
        self.stale = stale
        self.duplicates = duplicates
    }

    public static let zero = RecordQuality()

    /// 完整率: complete ÷ records.
    public var completeness: CountRatio { CountRatio(complete, of: records) }
    /// Stale records ÷ records.
    public var staleness: CountRatio { CountRatio(stale, of: records) }
    /// Probable duplicates ÷ records.
    public var duplication: CountRatio { CountRatio(duplicates, of: records) }
    /// Records lacking `field` ÷ records.
    public func missingRatio(_ field: String) -> CountRatio { CountRatio(missing[field, default: 0], of: records) }

    public static func + (lhs: RecordQuality, rhs: RecordQuality) -> RecordQuality {
        RecordQuality(
            records: lhs.records + rhs.records, complete: lhs.complete + rhs.complete,
            missing: lhs.missing.merging(rhs.missing, uniquingKeysWith: +), stale: lhs.stale + rhs.stale,
            duplicates: lhs.duplicates + rhs.duplicates)
    }

    /// Counts one record.
    mutating func count(missing fields: [String], stale isStale: Bool, duplicate isDuplicate: Bool) {
        records += 1
        if fields.isEmpty { complete += 1 }
        for field in fields { missing[field, default: 0] += 1 }
        if isStale { stale += 1 }
        if isDuplicate { duplicates += 1 }
    }
}

/// The data-quality figures of an area (a grid, or the sum over grids).
public struct DataQualityFigures: Sendable, Hashable, Codable {
    /// Current residents (moved-out people are history and are not counted).
    public var people: RecordQuality
    public var rooms: RecordQuality
    public var organizations: RecordQuality
    /// Rooms marked occupied as homes (self-occupied or rented) where no current resident lives
    /// ÷ such rooms.
    public var occupiedRoomsWithoutResidents: CountRatio
    /// Current residents whose room is marked vacant (use 空置 or not occupied) ÷ current
    /// residents with a known room.
    public var residentsInVacantRooms: CountRatio

    public init(
        people: RecordQuality = .zero, rooms: RecordQuality = .zero, organizations: RecordQuality = .zero,
        occupiedRoomsWithoutResidents: CountRatio = .zero, residentsInVacantRooms: CountRatio = .zero
    ) {
        self.people = people
        self.rooms = rooms
        self.organizations = organizations
        self.occupiedRoomsWithoutResidents = occupiedRoomsWithoutResidents
        self.residentsInVacantRooms = residentsInVacantRooms
    }

    public static let zero = DataQualityFigures()

    public static func + (lhs: DataQualityFigures, rhs: DataQualityFigures) -> DataQualityFigures {
        DataQualityFigures(
            people: lhs.people + rhs.people, rooms: lhs.rooms + rhs.rooms,
            organizations: lhs.organizations + rhs.organizations,
            occupiedRoomsWithoutResidents: lhs.occupiedRoomsWithoutResidents + rhs.occupiedRoomsWithoutResidents,
            residentsInVacantRooms: lhs.residentsInVacantRooms + rhs.residentsInVacantRooms)
    }
}
