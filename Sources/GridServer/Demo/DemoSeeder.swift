import FluentKit
import Foundation
import GridCore
import GridStore

/// Loads the demo district into an empty database: the hierarchy and one account per role.
/// Later capabilities add their own demo data here.
public struct DemoSeeder: Sendable {
    let services: GridServices

    public init(services: GridServices) {
        self.services = services
    }

    /// A demo sign-in, printed by `gridgov demo`.
    public struct DemoAccount: Sendable, Equatable {
        public let username: String
        public let role: Role
        public let unitCode: String
        public let unitName: String
    }

    /// The demo accounts: username, role, scope unit code (first street, community and grid).
    static let accountPlan: [(username: String, role: Role, unit: String)] = [
        ("admin", .admin, DemoHierarchy.districtCode),
        ("district_op", .districtOperator, DemoHierarchy.districtCode),
        ("street_op", .streetOperator, DemoHierarchy.districtCode + "001"),
        ("community_op", .communityOperator, DemoHierarchy.districtCode + "001001"),
        ("gridworker", .gridWorker, DemoHierarchy.districtCode + "001001001"),
        ("dept_handler", .departmentHandler, DemoHierarchy.districtCode + "-ZF"),
        ("leader", .leader, DemoHierarchy.districtCode),
    ]

    /// The demo's Open311 client and its well-known key (for trying 311 apps against the demo).
    public static let open311ClientName = "演示 311 应用 demo app"
    public static let open311Key = "gridgov-demo-key"

    public enum DemoError: UserFacingError {
        case databaseNotEmpty

        public var reason: LocalizedText {
            LocalizedText(
                zh: "演示数据只能装入空数据库；该数据库已有单位数据。请换一个空数据库，或不带 --database 使用默认演示库。",
                en: "Demo data loads only into an empty database, and this one already holds units; use an empty database, or omit --database for the default demo file.")
        }
    }

    /// How much basic data and how many events the demo carries. The full district takes about
    /// three and a half minutes to load on two cores (release build, see the README); the sample —
    /// a tenth of the residents, organisations, events and visits, spread over every grid — less.
    public enum Volume: String, Sendable, CaseIterable {
        case sample
        case full

        var share: Double { self == .full ? 1 : 0.1 }
    }

    /// - Parameters:
    ///   - events: also a year of events, patrols and household visits up to now (`DemoEventYear`,
    ///     `DemoWorkYear`); tests that count their own events leave it out.
    ///   - volume: at district scale, the full Pidu volume or a tenth of it.
    @discardableResult
    public func load(
        scale: DemoHierarchy.Scale, password: String, events: Bool = true, volume: Volume = .full, on db: any Database
    ) async throws -> [DemoAccount] {
        guard try await UnitStore.count(on: db) == 0 else { throw DemoError.databaseNotEmpty }
        let hierarchy = try DemoHierarchy(scale: scale)
        let now = services.clock.now
        let mapSince = CalendarDay(year: 2024, month: 1, day: 1) ?? WorkingCalendar().day(of: now)
        try await db.transaction { tx in
            try await UnitStore.insertAll(hierarchy.units, on: tx, now: now)
            let outlines = hierarchy.units.compactMap { unit in hierarchy.geometries[unit.id].map { (unit: unit, geometry: $0) } }
            try await GridMapStore.insertOutlines(outlines, sourceDatum: DemoOutline.datum, effective: mapSince, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(action: "demo.loaded", targetType: "unit", targetID: nil,
                            summary: "demo hierarchy (\(scale.rawValue)): \(hierarchy.units.count) units", unitPath: hierarchy.units.first?.path),
                by: .system, on: tx, now: now)
        }
        let accounts = AccountService(services: services)
        var created: [DemoAccount] = []
        for plan in Self.accountPlan {
            let account = try await accounts.create(
                .init(username: plan.username, displayName: Self.displayName(plan.role), password: password,
                      roles: [plan.role.rawValue], unit: plan.unit),
                scope: nil, actor: .system, on: db)
            created.append(DemoAccount(username: account.username, role: plan.role, unitCode: account.unit.code.rawValue, unitName: account.unit.name))
        }
        _ = try await Open311ClientService(services: services).create(
            name: Self.open311ClientName, ratePerMinute: 600, key: Self.open311Key, by: .system, on: db)
        // The year's workers: the cast the events name, with an account each for their patrols and visits.
        let cast = events ? try await demoCast(on: db) : DemoCast()
        let work = events ? try DemoWorkYear(hierarchy: hierarchy, calendar: services.calendar, until: now, cast: cast) : nil
        if let work { try await loadWorkers(work, cast: cast, hierarchy: hierarchy, on: db) }
        try await loadStaff(hierarchy, since: mapSince, workers: work == nil ? nil : cast, on: db)
        try await services.map.reload(on: db)
        let share = scale == .district ? volume.share : 1
        let totals = DemoCellTotals()
        let seeder = self
        let logger = db.logger
        let today = services.calendar.day(of: now)
        try await DemoPhase.timed("bulk load", logger: logger) { try await BulkLoad.run(on: db) { conn in
            // On SQLite every table's; on PostgreSQL, whose index statements each commit to its
            // log, only the events' and only for a year of them (as a test's small load gains nothing).
            let deferred = SQLDialectKind(conn) == .sqlite ? Self.bulkTables : events ? ["events"] : []
            let indexes = try await DeferredIndexes.drop(on: deferred, db: conn)
            try await DemoPhase.timed(work == nil ? "population" : "population, patrols and visits", logger: logger) {
                try await seeder.loadPopulation(hierarchy, scale: scale, share: share, work: work, totals: totals, on: conn)
            }
            // The year's indicator cells are sorted and converted on one core while the database
            // builds the indexes on the other.
            let year = events ? try await seeder.loadEventYear(hierarchy, share: share, cast: cast, totals: totals, on: conn) : nil
            try await DemoPhase.timed("indexes", logger: logger) { try await indexes.create(on: conn) }
            if let year { try await seeder.finishEventYear(hierarchy, year, on: conn) }
            // The register's visits due, for every month the demo has data (after the events' cells are in).
            try await DemoPhase.timed("visits due", logger: logger) {
                try await IndicatorStore.refreshVisitsDue(today: today, openOnly: false, on: conn)
            }
        } }
        try await DemoPhase.timed("planner statistics", logger: logger) { try await PlannerStatistics.refresh(on: db) }
        return created
    }

    /// The tables the bulk load fills, whose secondary indexes are built once after it.
    static let bulkTables = [
        "buildings", "rooms", "people", "organizations", "city_components", "events", "event_timeline", "patrols", "visits",
    ]

    /// Buildings, rooms, residents, organisations and city components of every grid
    /// (`DemoPopulation`), generated grid by grid and written a few grids per transaction — with
    /// the grids' patrols and visits when `work` is given, their cells added to `totals`.
    private func loadPopulation(
        _ hierarchy: DemoHierarchy, scale: DemoHierarchy.Scale, share: Double, work: DemoWorkYear?, totals: DemoCellTotals,
        on db: any Database
    ) async throws {
        let full = DemoPopulation.Targets.targets(for: scale)
        let targets = DemoPopulation.Targets(
            residents: Int(Double(full.residents) * share), organizations: Int(Double(full.organizations) * share),
            componentsPerGrid: max(1, Int(Double(full.componentsPerGrid) * share)))
        let population = DemoPopulation(hierarchy: hierarchy, targets: targets, today: services.calendar.day(of: services.clock.now))
        let keyRing = services.keyRing
        let grids = population.grids
        let sqlite = SQLDialectKind(db) == .sqlite
        // The next grids are generated, sealed and turned into rows, two batches at once, while
        // the database writes the previous ones: with the writer, both cores stay busy.
        let prepare = { @Sendable (range: Range<Int>) async throws -> (BasicDataStore.PreparedRows, WorkHistoryStore.PreparedRows?) in
            let batches = grids[range].map { population.generate(for: $0) }
            var workRows: WorkHistoryStore.PreparedRows?
            if let work { workRows = try await Self.prepareWork(work, for: batches, totals: totals, sqlite: sqlite) }
            let buildings = Dictionary(batches.flatMap(\.buildings).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let rows = try BasicDataStore.prepare(
                buildings: batches.flatMap(\.buildings), rooms: batches.flatMap(\.rooms), people: batches.flatMap(\.people),
                organizations: batches.flatMap(\.organizations), components: batches.flatMap(\.components),
                roomBuildings: buildings, keyRing: keyRing)
            return (sqlite ? try rows.encodedForSQLite() : rows, workRows)
        }
        var ranges = stride(from: 0, to: grids.count, by: 8).map { $0..<min($0 + 8, grids.count) }[...]
        var preparing: [Task<(BasicDataStore.PreparedRows, WorkHistoryStore.PreparedRows?), any Error>] = []
        while true {
            // Two stay in preparation while the first of these is written.
            while preparing.count < 3, let range = ranges.popFirst() {
                preparing.append(Task { try await prepare(range) })
            }
            guard !preparing.isEmpty else { break }
            let (rows, workRows) = try await preparing.removeFirst().value
            try await db.transaction { tx in
                try await BasicDataStore.write(rows, on: tx)
                if let workRows { try await WorkHistoryStore.write(workRows, on: tx) }
            }
        }
    }

    /// One full-time worker per general grid (a few left vacant, as in real districts), a grid head
    /// per community serving all its grids, and a specialist for each special grid. The demo
    /// `gridworker` account serves the first grid; with a year of work loaded, the other workers
    /// are its patrols' and visits' authors (`workers`, the cast), with their accounts.
    private func loadStaff(_ hierarchy: DemoHierarchy, since: CalendarDay, workers: DemoCast?, on db: any Database) async throws {
        var generator = SeededGenerator(seed: 20_240_101)
        let worker = try await UserStore.find(username: "gridworker", on: db)
        var rows: [(grid: OrgUnit, name: String, role: StaffRole, workPhone: String?, userID: UUID?)] = []
        let grids = hierarchy.units.filter { $0.kind.isGrid }
        let byCommunity = Dictionary(grouping: grids, by: { $0.parentID })
        for (index, grid) in grids.enumerated() where grid.kind == .grid {
            if grid.code.rawValue == worker?.unit.code.rawValue, let worker {
                rows.append((grid, worker.displayName.components(separatedBy: "（").first ?? worker.displayName, .fullTime, DemoNames.phone(&generator), worker.id))
            } else if index % 40 != 39 {
                let member = workers?.member(.gridWorker, at: grid.path)
                rows.append((grid, member?.name ?? DemoNames.person(&generator), .fullTime, DemoNames.phone(&generator), member?.userID))
            }
        }
        for (_, communityGrids) in byCommunity {
            let head = DemoNames.person(&generator)
            let phone = DemoNames.phone(&generator)
            for grid in communityGrids.sorted(by: { $0.code < $1.code }) {
                rows.append((grid, head, grid.kind == .grid ? .gridHead : .specialist, phone, nil))
            }
        }
        let now = services.clock.now
        let assignments = rows
        try await db.transaction { tx in
            try await GridMapStore.assignAll(assignments, from: since, on: tx, now: now)
        }
    }

    /// Plausible names so screens look like a real office.
    static func displayName(_ role: Role) -> String {
        switch role {
        case .admin: "系统管理员"
        case .districtOperator: "王敏（区指挥中心）"
        case .streetOperator: "李强（街道指挥中心）"
        case .communityOperator: "张丽（社区工作站）"
        case .gridWorker: "刘洋（专职网格员）"
        case .departmentHandler: "陈军（区综合行政执法局）"
        case .leader: "赵书记"
        case .gridHead: "网格长"
        case .auxiliary: "兼职网格员"
        case .resident: "居民"
        }
    }
}
