import Foundation

/// The demo population of basic data (演示基础数据): buildings, rooms, households and people,
/// organisations and city components for each grid of a demo district, deterministic from a seed.
///
/// It streams: `generate(for:)` makes one grid's records at a time, independently of the
/// others and in any order, so a loader inserts grid by grid without holding a district in
/// memory. Same seed, grids and day → identical records, ids included.
///
/// At `.district` scale (Pidu, 589 grids) the totals are those of domain.md §8: 1,080,000
/// residents (exactly; in the 555 general grids, special grids have none) in about 400,000
/// households, 32,000 organisations (exactly), and about 30 components a grid. Every resident
/// identity number and credit code is valid and unique in the district; every building and
/// component lies inside its grid.
public struct DemoPopulation: Sendable {
    /// A grid to populate: its path and code, names for addresses, outline.
    public struct Grid: Sendable, Hashable {
        public var path: UnitPath
        public var code: GridCode
        /// `.grid` (general; gets residents) or `.specialGrid` (organisations and components only).
        public var kind: UnitKind
        public var name: String
        public var districtName: String
        public var streetName: String
        public var communityName: String
        public var geometry: MultiPolygon
        public var datum: Datum

        public init(
            path: UnitPath, code: GridCode, kind: UnitKind, name: String, districtName: String, streetName: String,
            communityName: String, geometry: MultiPolygon, datum: Datum = .gcj02
        ) {
            self.path = path
            self.code = code
            self.kind = kind
            self.name = name
            self.districtName = districtName
            self.streetName = streetName
            self.communityName = communityName
            self.geometry = geometry
            self.datum = datum
        }
    }

    /// How much to generate over all grids.
    public struct Targets: Sendable, Hashable {
        /// Residents over the general grids (exact).
        public var residents: Int
        /// Organisations over all grids (exact).
        public var organizations: Int
        /// City components per grid, on average.
        public var componentsPerGrid: Int

        public init(residents: Int, organizations: Int, componentsPerGrid: Int) {
            self.residents = residents
            self.organizations = organizations
            self.componentsPerGrid = componentsPerGrid
        }

        /// Pidu (domain.md §8): 1.08 M residents, 32,000 organisations, 30 components a grid.
        public static let district = Targets(residents: 1_080_000, organizations: 32_000, componentsPerGrid: 30)
        /// A handful per grid, for tests: 400 residents, 40 organisations, 8 components a grid.
        public static let small = Targets(residents: 400, organizations: 40, componentsPerGrid: 8)

        public static func targets(for scale: DemoHierarchy.Scale) -> Targets {
            switch scale {
            case .small: .small
            case .district: .district
            }
        }
    }

    /// One grid's records, ready to insert: buildings before rooms before people and organisations.
    public struct Batch: Sendable, Hashable {
        public var grid: Grid
        public var buildings: [Building]
        public var rooms: [Room]
        public var people: [Person]
        /// Households (户) among `people` (distinct `householdID`s).
        public var households: Int
        public var organizations: [Organization]
        public var components: [CityComponent]

        /// The grid's records as the data-quality report reads them.
        public var basicData: GridBasicData {
            GridBasicData(gridPath: grid.path, people: people, rooms: rooms, organizations: organizations)
        }
    }

    public let grids: [Grid]
    public let targets: Targets
    public let seed: UInt64
    /// The day the data describes: ages, moved-in and updated dates are relative to it.
    public let today: CalendarDay

    let indexByCode: [String: Int]
    let residentQuotas: [Int]
    let organizationQuotas: [Int]

    public init(grids: [Grid], targets: Targets, seed: UInt64 = 510_117, today: CalendarDay) {
        self.grids = grids
        self.targets = targets
        self.seed = seed
        self.today = today
        var index: [String: Int] = [:]
        for (offset, grid) in grids.enumerated() where index[grid.code.rawValue] == nil {
            index[grid.code.rawValue] = offset
        }
        indexByCode = index
        let weights = grids.map { grid in
            // 0.6…1.4 by grid: population density differs from grid to grid.
            0.6 + 0.8 * Double(DemoHash.mix(seed ^ DemoHash.fnv1a(grid.code.rawValue)) >> 11) * 0x1p-53
        }
        let hasGeneral = grids.contains { $0.kind == .grid }
        let residentWeights = zip(grids, weights).map { grid, weight in grid.kind == .grid || !hasGeneral ? weight : 0 }
        residentQuotas = Self.apportion(targets.residents, weights: residentWeights)
        let organizationWeights = zip(grids, weights).map { grid, weight in grid.kind == .specialGrid ? 1.5 : weight }
        organizationQuotas = Self.apportion(targets.organizations, weights: organizationWeights)
    }

    /// The demo grids of `hierarchy` (general and special), with their names and outlines.
    public init(hierarchy: DemoHierarchy, targets: Targets, seed: UInt64 = 510_117, today: CalendarDay) {
        self.init(grids: Self.grids(of: hierarchy), targets: targets, seed: seed, today: today)
    }

    /// The grids of a demo hierarchy in its order, with district, street and community names.
    public static func grids(of hierarchy: DemoHierarchy) -> [Grid] {
        let byID = Dictionary(hierarchy.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return hierarchy.units.compactMap { unit -> Grid? in
            guard unit.kind.isGrid, let geometry = hierarchy.geometries[unit.id],
                  let code = try? GridCode(unit.code.rawValue, field: nil),
                  let community = unit.parentID.flatMap({ byID[$0] })
            else { return nil }
            let street = community.parentID.flatMap { byID[$0] }
            let district = street?.parentID.flatMap { byID[$0] }
            return Grid(
                path: unit.path, code: code, kind: unit.kind, name: unit.name,
                districtName: district?.name ?? DemoHierarchy.districtName, streetName: street?.name ?? "",
                communityName: community.name, geometry: geometry, datum: DemoOutline.datum)
        }
    }

    /// Residents to generate in the grid at `index` (0 for special grids).
    public func residentQuota(forGridAt index: Int) -> Int {
        residentQuotas.indices.contains(index) ? residentQuotas[index] : 0
    }

    /// Organisations to generate in the grid at `index`.
    public func organizationQuota(forGridAt index: Int) -> Int {
        organizationQuotas.indices.contains(index) ? organizationQuotas[index] : 0
    }

    /// One grid's records. A grid that is not one of `grids` gets an empty batch.
    public func generate(for grid: Grid) -> Batch {
        guard let index = indexByCode[grid.code.rawValue] else {
            return Batch(grid: grid, buildings: [], rooms: [], people: [], households: 0, organizations: [], components: [])
        }
        return batch(at: index)
    }

    /// The records of `grids[index]`, nil when out of range.
    public func generate(gridAt index: Int) -> Batch? {
        grids.indices.contains(index) ? batch(at: index) : nil
    }

    /// Every grid's batch, generated lazily one at a time, in the order of `grids`.
    public var batches: LazyMapSequence<Range<Int>, Batch> {
        grids.indices.lazy.map { batch(at: $0) }
    }

    func batch(at index: Int) -> Batch {
        var builder = DemoGridBuilder(population: self, gridIndex: index)
        return builder.build()
    }

    /// Splits `total` in proportion to `weights` so the parts add up to `total` exactly
    /// (largest remainders, ties to the lower index).
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0, total > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * $0 / sum }
        var parts = exact.map { Int($0.rounded(.down)) }
        let remainder = total - parts.reduce(0, +)
        let order = exact.indices.sorted { lhs, rhs in
            let a = exact[lhs] - exact[lhs].rounded(.down), b = exact[rhs] - exact[rhs].rounded(.down)
            return a != b ? a > b : lhs < rhs
        }
        for index in order.prefix(remainder) { parts[index] += 1 }
        return parts
    }
}
