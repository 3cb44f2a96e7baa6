import Foundation

/// Who lives where an event happens, as the risk rules see it (事发地关爱对象): buildings of the
/// basic-data register with their points on the map (GCJ-02) and the residents in vulnerable care
/// groups of each, bucketed by place so that "the building at this point" is found without a
/// query per event.
///
/// Events name no room or building (their only place is a point), so the place of an event is
/// the building whose point lies nearest to the event's point within `radius` metres (the
/// rules' `careSiteRadius`); none when no building is that close. Its residents count when they
/// belong to a vulnerable group (`RiskRules.vulnerableCareGroups`) and live there on the day of
/// the report: moved in by then (or no date known) and not moved out.
///
/// The report path fills one from the few buildings around the point that one query returns; the
/// backfill fills one with the district's buildings and asks it for every event.
public struct CareGroupSites: Sendable {
    /// A resident in at least one care group, with the dates that bound the stay.
    public struct Resident: Sendable, Hashable {
        public var groups: Set<CareGroup>
        public var movedInOn: CalendarDay?
        public var movedOutOn: CalendarDay?

        public init(groups: Set<CareGroup>, movedInOn: CalendarDay? = nil, movedOutOn: CalendarDay? = nil) {
            self.groups = groups
            self.movedInOn = movedInOn
            self.movedOutOn = movedOutOn
        }

        /// Whether the person counts on `day`: in a vulnerable group, moved in and not moved out.
        public func counts(on day: CalendarDay) -> Bool {
            guard !groups.isDisjoint(with: RiskRules.vulnerableCareGroups) else { return false }
            if let movedInOn, movedInOn > day { return false }
            if let movedOutOn, movedOutOn <= day { return false }
            return true
        }
    }

    private struct Site: Sendable {
        var point: Coordinate
        var residents: [Resident]
    }

    private struct Cell: Hashable {
        var x: Int
        var y: Int
    }

    public let radius: Double
    private let metresPerDegreeLon: Double
    private let cellSize: Double
    private var sites: [UUID: Site] = [:]
    private var cells: [Cell: [UUID]] = [:]

    public init(radius: Double, referenceLatitude: Double) {
        self.radius = max(radius, 0)
        metresPerDegreeLon = 111_320 * max(cos(referenceLatitude * .pi / 180), 0.01)
        cellSize = max(radius, 1) * 1.1
    }

    private func cell(_ point: Coordinate) -> Cell {
        Cell(x: Int((point.lon * metresPerDegreeLon / cellSize).rounded(.down)), y: Int((point.lat * 111_320 / cellSize).rounded(.down)))
    }

    /// Adds a building standing at `point` in `datum` (converted to the map's GCJ-02). A building
    /// added twice keeps its first point.
    public mutating func addBuilding(_ id: UUID, at point: Coordinate, datum: Datum) {
        guard sites[id] == nil else { return }
        let mapPoint = DatumConverter.convert(point, from: datum, to: .gcj02)
        sites[id] = Site(point: mapPoint, residents: [])
        cells[cell(mapPoint), default: []].append(id)
    }

    /// Adds a resident of a building already added; ignored for any other building.
    public mutating func addResident(_ resident: Resident, of building: UUID) {
        sites[building]?.residents.append(resident)
    }

    /// The building at `point` (GCJ-02): the nearest within the radius, the smaller id on a tie.
    public func building(at point: Coordinate) -> UUID? {
        let centre = cell(point)
        var best: (id: UUID, metres: Double)?
        for dx in -1...1 {
            for dy in -1...1 {
                for id in cells[Cell(x: centre.x + dx, y: centre.y + dy)] ?? [] {
                    guard let site = sites[id] else { continue }
                    let metres = RepeatIndex.metres(point, site.point)
                    guard metres <= radius else { continue }
                    if let current = best, current.metres < metres || (current.metres == metres && current.id.uuidString < id.uuidString) {
                        continue
                    }
                    best = (id, metres)
                }
            }
        }
        return best?.id
    }

    /// How many residents in vulnerable care groups live on `day` in the building at `point`.
    public func residents(at point: Coordinate, on day: CalendarDay) -> Int {
        guard let id = building(at: point), let site = sites[id] else { return 0 }
        return site.residents.count { $0.counts(on: day) }
    }
}
