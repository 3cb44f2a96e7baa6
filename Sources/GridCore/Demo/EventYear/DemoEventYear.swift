import Foundation

/// A demo year of events (演示年度事件) for the demo district: about 560 reports a grid a year
/// (≈ 330,000 at `.district` scale, domain.md §8), each driven through `EventMachine` from the
/// report to its state at `until`, with seasons, hot spots, channels, side flows, the overdue
/// sweep and ratings. Deterministic: the same inputs give the same events, ids included.
///
/// Streaming: nothing is generated up front. `batch(on:)` makes one local day's reports (in
/// ticket-number order) from scratch, so a loader walks `days` (or `batches`) and inserts day by
/// day, holding one day in memory; days are independent and may be made concurrently.
///
/// ```swift
/// let year = try DemoEventYear(hierarchy: hierarchy, until: now)
/// for day in year.days {
///     let batch = year.batch(on: day)   // batch.events: [DemoEvent]
/// }
/// ```
public struct DemoEventYear: Sendable {
    /// The demo's "now": nothing happens after it.
    public let until: Date
    public let seed: UInt64
    /// The 365 local days ending with the day of `until`, oldest first.
    public let days: [CalendarDay]
    /// The expected number of reports in a full year (the day of `until` is cut at `until`).
    public let annualVolume: Int
    public let catalog: EventCatalog
    public let calendar: WorkingCalendar
    public let cast: DemoCast
    /// Grids with two to four times the typical load (markets, malls, the grids around them,
    /// and a few busy streets).
    public let hotSpotGridIDs: Set<UUID>

    let clock: DemoClock
    let sites: [DemoGridSite]
    /// Each site's share of a day's reports (sums to 1).
    let siteShares: [Double]
    let profiles: [DemoTypeProfile]
    /// Cumulative item weights by month (index 0 = January).
    let monthTables: [[Double]]
    /// Expected reports per day index.
    let dayVolumes: [Double]
    /// Departments and outside units of the district, by code suffix (`ZF`, `GA` …).
    let units: [String: DemoHandlingUnit]
    /// The same units ordered by code, for deterministic picks.
    let unitList: [DemoHandlingUnit]
    /// Chance that a grid worker's report of an eligible item is solved on the spot.
    let onSpotChance: Double

    /// Reports a grid makes in a year at the district's scale (domain.md §8: 330 k over 589 grids).
    public static let eventsPerGrid = 560
    /// The lighter load of a small test district (under 100 grids), so that its year stays small.
    public static let eventsPerSmallGrid = 160

    /// The default yearly volume for a district of `gridCount` grids.
    public static func defaultAnnualVolume(gridCount: Int) -> Int {
        gridCount * (gridCount >= 100 ? eventsPerGrid : eventsPerSmallGrid)
    }

    /// - Parameters:
    ///   - hierarchy: the demo district (its grids need outlines; departments and police stations are dispatch targets).
    ///   - catalog: the admission list the reports pick from (`EventCatalog.standard`).
    ///   - calendar: working days and the time zone (the live server uses `WorkingCalendar()`).
    ///   - until: the demo's "now"; the year is the 365 local days ending with its day.
    ///   - seed: all randomness derives from it.
    ///   - cast: who acts; assign the real demo accounts there.
    ///   - annualVolume: reports in a full year; nil for `defaultAnnualVolume(gridCount:)`.
    /// - Throws: when the hierarchy has no grid with an outline, or no department to dispatch to.
    public init(
        hierarchy: DemoHierarchy, catalog: EventCatalog = .standard, calendar: WorkingCalendar = WorkingCalendar(),
        until: Date, seed: UInt64 = 20_240_101, cast: DemoCast = DemoCast(), annualVolume: Int? = nil
    ) throws(ValidationFailure) {
        self.until = until
        self.seed = seed
        self.catalog = catalog
        self.calendar = calendar
        self.cast = cast
        (clock, days) = DemoClock.year(until: until, calendar: calendar)

        let byID = Dictionary(hierarchy.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard let district = hierarchy.units.first(where: { $0.kind == .district }) else {
            throw ValidationFailure(field: "hierarchy", zh: "演示区划缺少区级单位", en: "the demo hierarchy has no district")
        }
        var units: [String: DemoHandlingUnit] = [:]
        var stations: [UUID: DemoHandlingUnit] = [:]
        for unit in hierarchy.units where unit.kind.isHandlingUnit {
            let handler = DemoParticipant(cast.member(.departmentHandler, at: unit.path), role: .departmentHandler, at: unit.path)
            let handling = DemoHandlingUnit(ref: HandlingUnitRef(unit), name: unit.name, handler: handler)
            if unit.parentID == district.id {
                let code = unit.code.rawValue
                let prefix = district.code.rawValue + "-"
                units[code.hasPrefix(prefix) ? String(code.dropFirst(prefix.count)) : code] = handling
            } else if let parent = unit.parentID, unit.code.rawValue.hasSuffix("-PCS") {
                stations[parent] = handling
            }
        }
        guard !units.isEmpty else {
            throw ValidationFailure(field: "hierarchy", zh: "演示区划缺少职能部门", en: "the demo hierarchy has no department")
        }
        self.units = units
        unitList = units.keys.sorted().compactMap { units[$0] }

        let districtOperator = DemoParticipant(cast.member(.districtOperator, at: district.path), role: .districtOperator, at: district.path)
        let leader = DemoParticipant(cast.member(.leader, at: district.path), role: .leader, at: district.path)
        let grids = hierarchy.units.filter { $0.kind.isGrid && hierarchy.geometries[$0.id] != nil }
        let specialsByCommunity = Dictionary(grouping: grids.filter { $0.kind == .specialGrid }, by: { $0.parentID })
        let firstGeneral = Dictionary(grouping: grids.filter { $0.kind == .grid }, by: { $0.parentID })
            .compactMapValues { $0.min { $0.code.rawValue < $1.code.rawValue }?.id }
        var sites: [DemoGridSite] = []
        var hot: Set<UUID> = []
        for grid in grids {
            guard let outline = hierarchy.geometries[grid.id], let communityID = grid.parentID, let community = byID[communityID],
                  let streetID = community.parentID, let street = byID[streetID]
            else { continue }
            var dice = DemoDice(seed, DemoDice.hash(grid.code.rawValue), 11)
            // Typical grids vary by about ±25 %; markets, malls and the grids beside them are hot.
            let gaussian = (-2 * log(max(dice.unit(), 1e-9))).squareRoot() * cos(2 * .pi * dice.unit())
            var weight = min(max(exp(0.22 * gaussian), 0.6), 1.6)
            var multiplier = 1.0
            if grid.kind == .specialGrid {
                if grid.name.contains("农贸市场") { multiplier = 3.2 }
                else if grid.name.contains("商业综合体") { multiplier = 2.6 }
                else if grid.name.contains("医院") { multiplier = 1.4 }
                else if grid.name.contains("工业园") { multiplier = 1.2 }
                else { multiplier = 0.8 }
            } else if firstGeneral[communityID] == grid.id,
                      specialsByCommunity[communityID]?.contains(where: { $0.name.contains("农贸市场") || $0.name.contains("商业综合体") }) == true {
                multiplier = 2.4
            } else if dice.chance(0.06) {
                multiplier = dice.double(2.0...3.0)
            }
            if multiplier >= 2 {
                hot.insert(grid.id)
                weight = max(weight, 1)
            }
            weight *= multiplier

            var roadDice = DemoDice(seed, DemoDice.hash(community.code.rawValue), 12)
            var roads = (0..<3).map { _ in roadDice.pick(DemoGridSite.roadNames) }
            roads.append(dice.pick(DemoGridSite.roadNames))
            let special = DemoHierarchy.specialKinds.first { grid.name.contains($0) }
            var addresses: [DemoAddress] = []
            for index in 0..<24 {
                guard let point = DemoGridSite.point(in: outline, dice: &dice) else { continue }
                let road = roads[index % roads.count]
                let landmark = special.map { $0 + dice.pick(["东门", "西门", "南门", "北侧", "停车场", "门口"]) }
                    ?? dice.pick(DemoGridSite.landmarks)
                addresses.append(DemoAddress(point: point, text: "\(road)\(dice.int(1...320))号\(landmark)"))
            }
            guard !addresses.isEmpty else { continue }
            sites.append(DemoGridSite(
                unit: grid, outline: outline, weight: weight,
                addresses: addresses,
                addressWeights: DemoDice.cumulative(addresses.indices.map { 1 / pow(Double($0) + 1, 0.8) }), roads: roads,
                worker: DemoParticipant(cast.member(.gridWorker, at: grid.path), role: .gridWorker, at: grid.path),
                gridHead: DemoParticipant(cast.member(.gridHead, at: community.path), role: .gridHead, at: community.path),
                communityOperator: DemoParticipant(
                    cast.member(.communityOperator, at: community.path), role: .communityOperator, at: community.path),
                streetOperator: DemoParticipant(cast.member(.streetOperator, at: street.path), role: .streetOperator, at: street.path),
                districtOperator: districtOperator, leader: leader, streetPath: street.path, districtPath: district.path,
                policeStation: stations[street.id]))
        }
        guard !sites.isEmpty else {
            throw ValidationFailure(field: "hierarchy", zh: "演示区划没有带边界的网格", en: "the demo hierarchy has no grid with an outline")
        }
        self.sites = sites
        self.hotSpotGridIDs = hot.intersection(sites.map(\.unit.id))
        let totalWeight = sites.reduce(0) { $0 + $1.weight }
        siteShares = sites.map { $0.weight / totalWeight }
        let volume = max(0, annualVolume ?? Self.defaultAnnualVolume(gridCount: sites.count))
        self.annualVolume = volume

        let profiles = DemoEventMix.profiles(catalog, districtCode: district.code.rawValue)
        self.profiles = profiles
        monthTables = (0..<12).map { month in DemoDice.cumulative(profiles.map { $0.weight * $0.months[month] }) }
        // The share of reports a grid worker could have settled on the spot, to aim at 8 % overall.
        let gridWorkerIndex = DemoEventChannel.allCases.firstIndex(of: .gridWorker) ?? 0
        var eligible = 0.0, all = 0.0
        for profile in profiles {
            let channels = profile.channels
            let total = channels.last ?? 1
            let gridWorkerShare = (channels[gridWorkerIndex] - (gridWorkerIndex > 0 ? channels[gridWorkerIndex - 1] : 0)) / max(total, 1e-9)
            all += profile.weight
            if profile.solvableOnSpot { eligible += profile.weight * gridWorkerShare }
        }
        onSpotChance = eligible > 0 ? min(0.6, 0.08 * all / eligible) : 0

        dayVolumes = Self.dayVolumes(days: days, calendar: calendar, seed: seed, annualVolume: Double(volume))
    }

    /// The unit a lead names: the street's police station or a district department (the
    /// enforcement bureau, else the first by code, when the hierarchy lacks it).
    func resolve(_ lead: DemoEventMix.Lead, at site: DemoGridSite) -> DemoHandlingUnit {
        switch lead {
        case .policeStation:
            if let station = site.policeStation { return station }
            return units["GA"] ?? units["ZF"] ?? unitList[0]
        case .unit(let code):
            return units[code] ?? units["ZF"] ?? unitList[0]
        }
    }

    /// All grid ids of the year (grids and special grids with outlines), in hierarchy order.
    public var gridIDs: [UUID] { sites.map(\.unit.id) }

    /// The index of `day` in `days`, nil outside the year.
    func index(of day: CalendarDay) -> Int? {
        let index = days[0].days(to: day)
        return days.indices.contains(index) ? index : nil
    }

    // MARK: Volume

    /// Expected reports per day: the month's level, fewer on weekends and holidays, a deep dip
    /// over the Spring Festival holiday (from the calendar) and a shallower one around it, a
    /// little day-to-day noise; scaled so a full year sums to `annualVolume`.
    static func dayVolumes(days: [CalendarDay], calendar: WorkingCalendar, seed: UInt64, annualVolume: Double) -> [Double] {
        func isSpringFestival(_ day: CalendarDay) -> Bool {
            guard let entry = calendar.holidays.entry(on: day) else { return false }
            return entry.kind == .holiday && entry.festival == "Spring Festival"
        }
        guard let first = days.first, let last = days.last else { return [] }
        let festival = (-20...(first.days(to: last) + 20)).map { first.adding(days: $0) }.filter(isSpringFestival)
        let raw = days.map { day -> Double in
            var factor = DemoEventMix.monthVolume[day.month - 1]
            switch calendar.kind(of: day) {
            case .holiday: factor *= isSpringFestival(day) ? 0.32 : 0.45
            case .makeUpWorkday: factor *= 0.95
            case .weekend: factor *= day.weekday == .saturday ? 0.62 : 0.55
            case .workday:
                factor *= day.weekday == .monday ? 1.08 : day.weekday == .friday ? 0.97 : 1.0
            }
            if !isSpringFestival(day),
               festival.contains(where: { (-10...7).contains($0.days(to: day)) }) {
                factor *= 0.85
            }
            var dice = DemoDice(seed, UInt64(bitPattern: Int64(day.daysSinceEpoch)), 7)
            return factor * (0.92 + 0.16 * dice.unit())
        }
        let total = raw.reduce(0, +)
        return raw.map { $0 * annualVolume / max(total, 1e-9) }
    }

    // MARK: Planning

    /// A report planned for a day: where, what, how and when.
    struct PlannedReport: Sendable {
        let site: Int
        let profile: Int
        let channel: DemoEventChannel
        /// Clock seconds of the report.
        let at: Int
    }

    /// Hour-of-day weights of reports by channel: patrols in working hours, residents into the evening.
    static let hourWeights: [DemoEventChannel: [Double]] = [
        .gridWorker: [0, 0, 0, 0, 0, 0, 0.2, 1.0, 3, 5, 5, 4, 1.5, 1.5, 4, 5, 4.5, 3, 1.2, 0.5, 0.3, 0.1, 0, 0],
        .resident: [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.4, 1.5, 2.5, 3, 3, 2.5, 2, 2, 2.5, 2.5, 2.5, 2.5, 3, 3.5, 3.5, 2.5, 1.2, 0.5],
        .hotline: [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 1, 3, 4, 4, 3.5, 2, 2.5, 3.5, 3.5, 3, 2.5, 1.5, 1.2, 1, 0.6, 0.3, 0.2],
        .department: [0, 0, 0, 0, 0, 0, 0, 0.3, 2, 4, 4, 3, 0.5, 1, 3.5, 4, 3.5, 1.5, 0.2, 0, 0, 0, 0, 0],
        .video: [0.3, 0.2, 0.1, 0.1, 0.1, 0.3, 1, 2, 3, 3, 3, 3, 2.5, 2.5, 3, 3, 3, 3, 3, 2.5, 2, 1.5, 1, 0.5],
    ]
    static let hourTables: [DemoEventChannel: [Double]] = hourWeights.mapValues(DemoDice.cumulative)

    /// The reports of day `index`, in report order (ties keep planning order); reports after
    /// `until` are left out. Cheap: no event is run.
    func plan(dayIndex index: Int) -> [PlannedReport] {
        let day = days[index]
        var dice = DemoDice(seed, UInt64(bitPattern: Int64(day.daysSinceEpoch)), 1)
        let table = monthTables[day.month - 1]
        let dayStart = clock.start(ofDay: index)
        let volume = dayVolumes[index]
        var planned: [PlannedReport] = []
        planned.reserveCapacity(Int(volume * 1.2) + 4)
        for (site, share) in siteShares.enumerated() {
            let count = dice.poisson(volume * share)
            for _ in 0..<count {
                let profile = dice.index(cumulative: table)
                let channel = DemoEventChannel.allCases[dice.index(cumulative: profiles[profile].channels)]
                let hour = dice.index(cumulative: Self.hourTables[channel] ?? [1])
                let at = dayStart + hour * 3_600 + dice.int(0...3_599)
                guard at <= clock.until else { continue }
                planned.append(PlannedReport(site: site, profile: profile, channel: channel, at: at))
            }
        }
        return planned.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    /// How many reports day `day` has (after the cut at `until`), without running them.
    public func reportCount(on day: CalendarDay) -> Int {
        index(of: day).map { plan(dayIndex: $0).count } ?? 0
    }

    // MARK: Streaming

    /// The events reported on `day` (local), in ticket-number order, each run to its state at
    /// `until`; empty outside `days`.
    public func batch(on day: CalendarDay) -> DemoEventBatch {
        guard let index = index(of: day) else { return DemoEventBatch(day: day, events: [], refusals: [], lastSerial: 0) }
        let planned = plan(dayIndex: index)
        let prefix = Self.numberPrefix(day)
        var events: [DemoEvent] = []
        var refusals: [DemoEventRefusal] = []
        events.reserveCapacity(planned.count)
        for (offset, report) in planned.enumerated() {
            var run = DemoEventRun(
                year: self, planned: report,
                dice: DemoDice(seed, UInt64(bitPattern: Int64(day.daysSinceEpoch)), UInt64(offset), 2))
            switch run.generate(number: prefix + Self.serial(events.count + 1)) {
            case .success(let event): events.append(event)
            case .failure(let refusal): refusals.append(refusal)
            }
        }
        return DemoEventBatch(day: day, events: events, refusals: refusals, lastSerial: events.count)
    }

    /// The events of `day` (see `batch(on:)`).
    public func events(on day: CalendarDay) -> [DemoEvent] {
        batch(on: day).events
    }

    /// Every day's batch, oldest first, made as it is iterated.
    public var batches: LazyMapSequence<[CalendarDay], DemoEventBatch> {
        days.lazy.map { self.batch(on: $0) }
    }

    /// `YYMMDD` of the local day, as `EventStore.nextNumber` writes it.
    static func numberPrefix(_ day: CalendarDay) -> String {
        let compact = day.description.replacingOccurrences(of: "-", with: "")
        return String(compact.dropFirst(2))
    }

    /// The five-digit serial of a day's ticket (`%05d`).
    static func serial(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}
