import Foundation

/// Counts of a generated demo year (演示数据统计), gathered batch by batch while streaming (or by
/// `DemoEventYear.summary()`), for the README, the loader's log and tests.
public struct DemoEventSummary: Sendable, Hashable {
    /// The instant overdue counts are judged at (the year's `until`).
    public let until: Date
    public var events = 0
    /// Events dropped because a step was refused (expected 0).
    public var refusals = 0
    public var timelineEntries = 0
    public var byState: [EventState: Int] = [:]
    public var byClass: [EventClass: Int] = [:]
    /// Dispute or hazard; services without a risk kind are not counted here.
    public var byRiskCategory: [RiskCategory: Int] = [:]
    /// By the local month of the report, `yyyy-MM`.
    public var byMonth: [String: Int] = [:]
    public var byChannel: [DemoEventChannel: Int] = [:]
    /// By level at `until`.
    public var byLevel: [Int: Int] = [:]
    /// `resolved`, `voided`, `rejected`, `merged:…` for finished events.
    public var byOutcome: [String: Int] = [:]
    public var solvedOnSpot = 0
    /// Events escalated at least once (by people or the sweep).
    public var escalated = 0
    /// Events escalated by the overdue sweep.
    public var escalatedBySweep = 0
    /// Events with a dispatch returned (退回).
    public var returned = 0
    /// Events with a failed verification (返工).
    public var reworked = 0
    public var extensionRequested = 0
    public var voidRequested = 0
    public var parkRequested = 0
    /// Parked at `until`.
    public var parkedNow = 0
    public var urged = 0
    public var supervised = 0
    /// Open and past their stage deadline at `until` (`EventSnapshot.isOverdue`).
    public var overdueOpen = 0
    /// Resolved events with discovery stars, and with a disposal rating.
    public var discoveryRated = 0
    public var disposalRated = 0
    /// Disposal stars 1–5.
    public var disposalStars: [Int: Int] = [:]
    /// Reports made more than 30 days before `until`, and how many of them are finished
    /// (closed or rejected) at `until`.
    public var olderThanMonth = 0
    public var olderThanMonthFinished = 0

    public init(until: Date) {
        self.until = until
    }

    public mutating func add(_ batch: DemoEventBatch) {
        refusals += batch.refusals.count
        let month = String(batch.day.description.prefix(7))
        byMonth[month, default: 0] += batch.events.count
        for event in batch.events { add(event) }
    }

    /// Counts one event (not its month: `add(_:)` of a batch does that).
    public mutating func add(_ event: DemoEvent) {
        let s = event.snapshot
        events += 1
        timelineEntries += event.timeline.count
        byState[s.state, default: 0] += 1
        byLevel[s.level, default: 0] += 1
        byChannel[event.channel, default: 0] += 1
        if let outcome = s.outcome { byOutcome[outcome.description.hasPrefix("merged") ? "merged" : outcome.description, default: 0] += 1 }
        if s.solvedOnSpot { solvedOnSpot += 1 }
        if s.escalations > 0 { escalated += 1 }

        if s.returnCount > 0 { returned += 1 }
        if s.reworkCount > 0 { reworked += 1 }
        if s.urgeCount > 0 { urged += 1 }
        if s.supervised { supervised += 1 }
        if s.parked { parkedNow += 1 }
        if s.isOverdue(until) { overdueOpen += 1 }
        if until.timeIntervalSince(s.reportedAt) > 30 * 86_400 {
            olderThanMonth += 1
            if !s.state.isOpen { olderThanMonthFinished += 1 }
        }
        var extended = false, voided = false, parked = false, sweep = false
        for line in event.timeline {
            switch line.entry.action {
            case .requestExtension: extended = true
            case .requestVoid: voided = true
            case .requestPark: parked = true
            case .escalate: sweep = sweep || line.entry.actorID == DemoCast.system.userID
            default: break
            }
        }
        if extended { extensionRequested += 1 }
        if voided { voidRequested += 1 }
        if parked { parkRequested += 1 }
        if sweep { escalatedBySweep += 1 }
        if let ratings = event.ratings {
            if ratings.discoveryStars != nil { discoveryRated += 1 }
            if let stars = ratings.disposalStars {
                disposalRated += 1
                disposalStars[stars, default: 0] += 1
            }
        }
    }

    /// Adds the class and risk family of each event's item, which the batch alone does not know.
    public mutating func classify(_ event: DemoEvent, in catalog: EventCatalog) {
        guard let type = catalog[event.typeCode] else { return }
        byClass[type.eventClass, default: 0] += 1
        if let category = type.riskKind?.category { byRiskCategory[category, default: 0] += 1 }
    }

    /// A short plain-text report: totals, states, months.
    public var text: String {
        var lines = ["events \(events), timeline entries \(timelineEntries), refusals \(refusals)"]
        lines.append("states: " + EventState.allCases.compactMap { state in byState[state].map { "\(state.rawValue) \($0)" } }.joined(separator: ", "))
        lines.append("months: " + byMonth.keys.sorted().map { "\($0) \(byMonth[$0] ?? 0)" }.joined(separator: ", "))
        lines.append("channels: " + DemoEventChannel.allCases.map { "\($0.rawValue) \(byChannel[$0] ?? 0)" }.joined(separator: ", "))
        lines.append("classes: " + EventClass.allCases.map { "\($0.rawValue) \(byClass[$0] ?? 0)" }.joined(separator: ", "))
        lines.append("levels: " + (1...4).map { "\($0): \(byLevel[$0] ?? 0)" }.joined(separator: ", "))
        lines.append("outcomes: " + byOutcome.keys.sorted().map { "\($0) \(byOutcome[$0] ?? 0)" }.joined(separator: ", "))
        lines.append(
            "on the spot \(solvedOnSpot), escalated \(escalated) (by the sweep \(escalatedBySweep)), returned \(returned), "
                + "reworked \(reworked), extension requests \(extensionRequested), void requests \(voidRequested), "
                + "park requests \(parkRequested) (parked now \(parkedNow)), urged \(urged), supervised \(supervised), "
                + "overdue open \(overdueOpen)")
        lines.append("older than a month: \(olderThanMonth), finished \(olderThanMonthFinished)")
        lines.append(
            "rated: discovery \(discoveryRated), disposal \(disposalRated) ("
                + (1...5).map { "\($0)★ \(disposalStars[$0] ?? 0)" }.joined(separator: ", ") + ")")
        return lines.joined(separator: "\n")
    }
}

/// What the year holds before any event is run (planning only, cheap): counts by day, month,
/// item, class, channel and grid.
public struct DemoEventCensus: Sendable, Hashable {
    public var total = 0
    public var byDay: [CalendarDay: Int] = [:]
    /// `yyyy-MM`.
    public var byMonth: [String: Int] = [:]
    public var byType: [String: Int] = [:]
    public var byClass: [EventClass: Int] = [:]
    public var byRiskKind: [RiskKind: Int] = [:]
    /// `yyyy-MM` → risk kind → reports (the seasons of each kind).
    public var byMonthAndRiskKind: [String: [RiskKind: Int]] = [:]
    public var byChannel: [DemoEventChannel: Int] = [:]
    public var byGrid: [UUID: Int] = [:]

    public init() {}
}

extension DemoEventYear {
    /// Counts every planned report of the year without running any (a fraction of a second at
    /// district scale in release).
    public func census() -> DemoEventCensus {
        var census = DemoEventCensus()
        for (index, day) in days.enumerated() {
            let planned = plan(dayIndex: index)
            census.total += planned.count
            census.byDay[day] = planned.count
            let month = String(day.description.prefix(7))
            census.byMonth[month, default: 0] += planned.count
            for report in planned {
                let type = profiles[report.profile].type
                census.byType[type.code, default: 0] += 1
                census.byClass[type.eventClass, default: 0] += 1
                if let kind = type.riskKind {
                    census.byRiskKind[kind, default: 0] += 1
                    census.byMonthAndRiskKind[month, default: [:]][kind, default: 0] += 1
                }
                census.byChannel[report.channel, default: 0] += 1
                census.byGrid[sites[report.site].unit.id, default: 0] += 1
            }
        }
        return census
    }

    /// Runs the whole year and counts it, keeping no event (the cost of generating the year).
    public func summary() -> DemoEventSummary {
        var summary = DemoEventSummary(until: until)
        for day in days {
            let batch = batch(on: day)
            summary.add(batch)
            for event in batch.events { summary.classify(event, in: catalog) }
        }
        return summary
    }
}
