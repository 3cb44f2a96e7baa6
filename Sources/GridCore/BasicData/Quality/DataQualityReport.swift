import Foundation

/// Data quality of basic data (基础数据质量), per grid: completeness of required fields, records
/// not updated in a year, probable duplicates, occupied rooms without residents and residents in
/// vacant rooms. Every figure is a count with its denominator, so grids add up to communities,
/// streets and the district (`figures(under:)`, `rolledUp(toDepth:)`).
///
/// Duplicates are looked for across all grids given (a person registered in two grids is found):
/// people sharing an identity number, or the same name, birth date and room; rooms sharing
/// building, unit and number; organisations sharing a credit code. Each record involved counts
/// in its own grid. Only current residents (`Person.isResident(on:)`) are counted.
public struct DataQualityReport: Sendable, Hashable, Codable {
    /// The figures of one grid.
    public struct Grid: Sendable, Hashable, Codable {
        public var gridPath: UnitPath
        public var figures: DataQualityFigures

        public init(gridPath: UnitPath, figures: DataQualityFigures) {
            self.gridPath = gridPath
            self.figures = figures
        }
    }

    public let today: CalendarDay
    /// A record is stale when its `updatedOn` is more than this many days before `today`.
    public let staleAfterDays: Int
    /// In the order given.
    public let grids: [Grid]
    /// Groups of people ids that are probably the same person, for follow-up.
    public let duplicatePeople: [[UUID]]

    public init(grids: [GridBasicData], today: CalendarDay, staleAfterDays: Int = 365) {
        self.today = today
        self.staleAfterDays = staleAfterDays
        let residents = grids.map { $0.people.filter { $0.isResident(on: today) } }
        let allPeople = residents.flatMap { $0 }
        let allRooms = grids.flatMap(\.rooms)

        let peopleGroups = Self.groups(allPeople.count) { index -> [String] in
            let person = allPeople[index]
            var keys: [String] = []
            if !person.idNumber.isEmpty { keys.append("id|" + person.idNumber) }
            if let birth = person.birthDate, let room = person.roomID {
                keys.append("nbr|\(BasicDataText.trimmed(person.name))|\(birth)|\(room.uuidString)")
            }
            return keys
        }
        let roomGroups = Self.groups(allRooms.count) { index -> [String] in
            [allRooms[index].identityKey]
        }
        let allOrganizations = grids.flatMap(\.organizations)
        let organizationGroups = Self.groups(allOrganizations.count) { index -> [String] in
            allOrganizations[index].creditCode.map { [$0.value] } ?? []
        }
        duplicatePeople = peopleGroups.map { $0.map { allPeople[$0].id } }
        let duplicatePersonIndices = Set(peopleGroups.joined())
        let duplicateRoomIndices = Set(roomGroups.joined())
        let duplicateOrganizationIndices = Set(organizationGroups.joined())

        let roomsByID = Dictionary(allRooms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let inhabitedRooms = Set(allPeople.compactMap(\.roomID))

        var result: [Grid] = []
        var personOffset = 0
        var roomOffset = 0
        var organizationOffset = 0
        for (gridIndex, grid) in grids.enumerated() {
            var figures = DataQualityFigures()
            for (offset, person) in residents[gridIndex].enumerated() {
                figures.people.count(
                    missing: person.missingFields(today: today), stale: isStale(person.updatedOn),
                    duplicate: duplicatePersonIndices.contains(personOffset + offset))
                if let roomID = person.roomID, let room = roomsByID[roomID] {
                    figures.residentsInVacantRooms += CountRatio(room.use == .vacant || !room.isOccupied ? 1 : 0, of: 1)
                }
            }
            personOffset += residents[gridIndex].count
            for (offset, room) in grid.rooms.enumerated() {
                figures.rooms.count(
                    missing: room.missingFields, stale: isStale(room.updatedOn),
                    duplicate: duplicateRoomIndices.contains(roomOffset + offset))
                if room.isOccupied, room.use == .selfOccupied || room.use == .rental {
                    figures.occupiedRoomsWithoutResidents += CountRatio(inhabitedRooms.contains(room.id) ? 0 : 1, of: 1)
                }
            }
            roomOffset += grid.rooms.count
            for (offset, organization) in grid.organizations.enumerated() {
                figures.organizations.count(
                    missing: organization.missingFields, stale: isStale(organization.updatedOn),
                    duplicate: duplicateOrganizationIndices.contains(organizationOffset + offset))
            }
            organizationOffset += grid.organizations.count
            result.append(Grid(gridPath: grid.gridPath, figures: figures))
        }
        self.grids = result

        func isStale(_ day: CalendarDay) -> Bool {
            day.days(to: today) > staleAfterDays
        }
    }

    /// The sum over every grid.
    public var total: DataQualityFigures {
        grids.reduce(.zero) { $0 + $1.figures }
    }

    /// The sum over the grids at or under `path` (a community, a street…).
    public func figures(under path: UnitPath) -> DataQualityFigures {
        grids.filter { path.contains($0.gridPath) }.reduce(.zero) { $0 + $1.figures }
    }

    /// The grids summed by their ancestor at `depth` (0 the root; for `/district/street/community/grid/`,
    /// 2 gives communities), in path order. Grids shallower than `depth` stand for themselves.
    public func rolledUp(toDepth depth: Int) -> [Grid] {
        var sums: [UnitPath: DataQualityFigures] = [:]
        for grid in grids {
            let codes = grid.gridPath.codes
            let prefix = "/" + codes.prefix(depth + 1).joined(separator: "/") + "/"
            let key = UnitPath(rawValue: prefix) ?? grid.gridPath
            sums[key, default: .zero] = sums[key, default: .zero] + grid.figures
        }
        return sums.keys.sorted().map { Grid(gridPath: $0, figures: sums[$0] ?? .zero) }
    }

    /// Groups of at least two indices that share a key (transitively), in order of first index.
    static func groups(_ count: Int, keys: (Int) -> [String]) -> [[Int]] {
        var parent = Array(0..<count)
        func root(_ index: Int) -> Int {
            var current = index
            while parent[current] != current {
                parent[current] = parent[parent[current]]
                current = parent[current]
            }
            return current
        }
        var firstWithKey: [String: Int] = [:]
        for index in 0..<count {
            for key in keys(index) {
                if let first = firstWithKey[key] {
                    let a = root(first), b = root(index)
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    firstWithKey[key] = index
                }
            }
        }
        var members: [Int: [Int]] = [:]
        for index in 0..<count { members[root(index), default: []].append(index) }
        return members.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }
}
