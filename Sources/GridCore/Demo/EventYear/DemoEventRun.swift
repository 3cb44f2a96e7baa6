import Foundation

/// What the people around one event mean to do with it, drawn when it is reported. The run
/// follows these intentions, reading the live snapshot at each step, so that when the overdue
/// sweep (or anything else) changes the event, the next step still fits what the machine allows.
struct DemoEventPlan {
    enum Triage: Equatable {
        case accept
        case reject
        /// 申请核实, found real, then 立案.
        case checkThenAccept
        /// 申请核实, found not real: rejected.
        case checkThenReject
    }

    enum Handling: Equatable {
        /// Before the due day (提前).
        case early
        /// On the due day (按时).
        case onTime
        /// This many working days after the due day (超期).
        case late(workingDays: Int)
    }

    enum Park: Equatable {
        case resumes(afterWorkingDays: Int)
        /// Still parked at `until`.
        case stays
    }

    var solvedOnSpot = false
    var triage = Triage.accept
    /// 立案 at another level (the community settling a level-3 dispute itself as level 2 …).
    var acceptLevel: Int?
    /// Who handles: 0 the community, 1 a department sent by the street, 2 one sent by the district.
    var routeTier = 0
    /// A city component the street sends straight to its owner department, without escalation.
    var componentDirect = false
    /// For a direct component: the street centre does the 立案 itself.
    var streetTriages = false
    /// Escalate before 立案 rather than after.
    var escalateEarly = false
    /// First dispatched to the wrong unit, which returns it (退回).
    var wrongLead: DemoHandlingUnit?
    var coHandler: DemoHandlingUnit?
    var extensionDays: Int?
    var extensionApproved = true
    /// A void request (作废申请): approved or denied.
    var void: Bool?
    var park: Park?
    var parkApproved = true
    /// One failed verification (返工) before the fix passes.
    var rework = false
    var handling = Handling.onTime
    /// Never handled by `until`: urged and supervised, still in progress.
    var stall = false
    /// Urges (催办) by people, on top of the sweep's.
    var humanUrges = 0
    var supervise = false
}

/// One event from report to `until`: every step goes through `EventMachine`, as the API would.
struct DemoEventRun {
    enum StepKind {
        case act(EventAction)
        case rate(discovery: Int?, satisfaction: Satisfaction?)
    }

    struct Step {
        let kind: StepKind
        let by: DemoParticipant
        let at: Int
    }

    let year: DemoEventYear
    let planned: DemoEventYear.PlannedReport
    let site: DemoGridSite
    let profile: DemoTypeProfile
    let lead: DemoHandlingUnit
    var dice: DemoDice
    var plan = DemoEventPlan()
    var reporter: DemoParticipant

    var snapshot: EventSnapshot
    var timeline: [DemoTimelineEntry] = []
    /// Clock seconds of the last step.
    var t: Int
    var sweepMark: Date?
    var ratings: EventRatings?
    /// The step being tried, for the refusal record.
    var attempt: (EventAction.Name, EventState) = (.report, .reported)

    var checked = false
    var accepted = false
    var wrongReturned = false
    var extensionAsked = false
    var voidAsked = false
    var parkAsked = false
    var reworked = false
    var humanUrgesDone = 0
    var supervised = false
    var discoveryRated = false
    var satisfactionRated = false

    /// The states the sweep looks at (`EventStore.claimOverdue`).
    static func isSwept(_ state: EventState) -> Bool {
        switch state {
        case .reported, .accepted, .returned, .dispatched, .inProgress: true
        default: false
        }
    }

    /// Overdue there, the sweep escalates; elsewhere it urges.
    static func awaitsDispatch(_ state: EventState) -> Bool {
        state == .reported || state == .accepted || state == .returned
    }

    init(year: DemoEventYear, planned: DemoEventYear.PlannedReport, dice: DemoDice) {
        self.year = year
        self.planned = planned
        self.dice = dice
        site = year.sites[planned.site]
        profile = year.profiles[planned.profile]
        lead = year.resolve(profile.lead, at: site)
        reporter = site.worker
        t = planned.at
        // Placeholder until the report is made (`generate`).
        snapshot = EventSnapshot(
            id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), typeCode: profile.type.code, state: .reported, level: 1,
            reporterID: site.worker.id, reporterRole: .gridWorker, reportedAt: year.clock.date(planned.at),
            gridPath: site.unit.path, ownerPath: site.unit.path)
    }

    var clock: DemoClock { year.clock }
    var type: EventType { profile.type }

    // MARK: The run

    mutating func generate(number: String) -> Result<DemoEvent, DemoEventRefusal> {
        let id = dice.uuid()
        let address = site.addresses[dice.index(cumulative: site.addressWeights)]
        let location = site.point(near: address, dice: &dice)
        let attributes = DemoEventText.attributes(for: type, address: address, roads: site.roads, dice: &dice)
        let description = DemoEventText.description(
            for: type, channel: planned.channel, place: address.text, attributes: attributes, dice: &dice)
        reporter = chooseReporter()
        drawPlan()
        let reportedAt = clock.date(planned.at)
        do {
            let first = try EventMachine.report(
                EventReport(id: id, gridPath: site.unit.path, solvedOnSpot: plan.solvedOnSpot, description: description),
                type: type, by: reporter.actor, now: reportedAt, calendar: year.calendar)
            snapshot = first.event
            timeline = [DemoTimelineEntry(entry: first.entry, actorName: reporter.name)]
            try run()
        } catch {
            return .failure(DemoEventRefusal(eventID: id, typeCode: type.code, action: attempt.0, state: attempt.1, refusal: error))
        }
        return .success(DemoEvent(
            snapshot: snapshot, number: number, description: description, channel: planned.channel, location: location,
            locationDatum: .gcj02, gridID: site.unit.id, occurredAt: reportedAt.addingTimeInterval(-occurrenceLead()),
            reporterName: reporter.name, attributes: attributes, timeline: timeline, ratings: ratings, sweepMark: sweepMark))
    }

    /// Steps until nothing more happens before `until`. The sweep goes first whenever a deadline
    /// it watches passes before the next step, as it would on the server.
    mutating func run() throws(EventRefusal) {
        for _ in 0..<400 {
            let next = nextStep()
            if sweep(before: min(next?.at ?? Int.max, clock.until + 1)) { continue }
            guard let next, next.at <= clock.until else { return }
            try perform(next)
        }
        // No event takes this many steps: the plan is going round in circles, a generator bug.
        attempt = (attempt.0, snapshot.state)
        throw .invalidInput(field: "demo.steps", reason: LocalizedText(
            zh: "演示事件的步骤过多", en: "the demo event took too many steps"))
    }

    mutating func perform(_ step: Step) throws(EventRefusal) {
        let now = clock.date(step.at)
        switch step.kind {
        case .act(let action):
            attempt = (action.name, snapshot.state)
            let transition = try EventMachine.apply(
                action, to: snapshot, by: step.by.actor, now: now, calendar: year.calendar, deadlineDays: type.deadlineDays)
            snapshot = transition.event
            timeline.append(DemoTimelineEntry(entry: transition.entry, actorName: step.by.name))
            record(action)
        case .rate(let discovery, let satisfaction):
            attempt = (.rate, snapshot.state)
            // As `EventService.rate`: the ratings, one more version, a `rate` line in the timeline.
            let rated = try EventRatingRules.rate(
                snapshot, current: ratings ?? EventRatings(), by: step.by.actor, discoveryStars: discovery,
                satisfaction: satisfaction, disposalOverride: nil, reason: nil, calendar: year.calendar)
            ratings = rated
            snapshot.version += 1
            let note = [rated.discoveryStars.map { "发现 \($0)★" }, rated.disposalStars.map { "处置 \($0)★" }]
                .compactMap { $0 }.joined(separator: "，")
            timeline.append(DemoTimelineEntry(
                entry: TimelineEntry(
                    at: now, actorID: step.by.id, actorRole: step.by.actor.roles.first, action: .rate, from: snapshot.state,
                    to: snapshot.state, note: note),
                actorName: step.by.name))
            if discovery != nil { discoveryRated = true }
            if satisfaction != nil { satisfactionRated = true }
        }
        t = step.at
    }

    mutating func record(_ action: EventAction) {
        switch action {
        case .requestCheck: checked = true
        case .accept: accepted = true
        case .returnDispatch: wrongReturned = true
        case .requestExtension: extensionAsked = true
        case .requestVoid: voidAsked = true
        case .requestPark: parkAsked = true
        case .verify(let passed, _): if !passed { reworked = true }
        case .urge: humanUrgesDone += 1
        case .supervise: supervised = true
        default: break
        }
    }

    /// The server's overdue sweep (`OverdueSweep`), run every minute: an event waiting for triage
    /// or dispatch past its deadline is escalated, one overdue in handling is urged, once per
    /// deadline (`sweep_mark`); whatever the machine refuses is skipped but still marked.
    /// Returns whether the sweep acted before `limit`.
    mutating func sweep(before limit: Int) -> Bool {
        guard Self.isSwept(snapshot.state),
              let due = snapshot.handlingDeadline?.end ?? snapshot.deadline?.end, due != sweepMark
        else { return false }
        let at = max(clock.seconds(due), t) + dice.int(1...59)
        guard at < limit, at <= clock.until else { return false }
        let action: EventAction = Self.awaitsDispatch(snapshot.state)
            ? .escalate(reason: "超过时限未处理，系统自动上报上级")
            : .urge(note: "已超过处置时限，系统自动催办")
        let root = snapshot.gridPath.codes.first.flatMap { UnitPath(rawValue: "/\($0)/") } ?? snapshot.gridPath
        let system = EventActor(userID: DemoCast.system.userID, roles: DemoCast.systemRoles, unitPath: root)
        if let transition = try? EventMachine.apply(
            action, to: snapshot, by: system, now: clock.date(at), calendar: year.calendar, deadlineDays: type.deadlineDays) {
            snapshot = transition.event
            timeline.append(DemoTimelineEntry(entry: transition.entry, actorName: DemoCast.system.name))
            t = at
        }
        sweepMark = due
        return true
    }

    // MARK: Who reports, and the plan

    mutating func chooseReporter() -> DemoParticipant {
        switch planned.channel {
        case .gridWorker: return site.worker
        case .resident:
            let id = dice.uuid()
            return DemoParticipant(
                actor: EventActor(userID: id, roles: [.resident], unitPath: site.unit.path), name: DemoEventText.resident(dice: &dice))
        case .hotline: return site.districtOperator
        case .department: return lead.handler
        case .video: return site.streetOperator
        }
    }

    /// Seconds between the event happening and its report.
    mutating func occurrenceLead() -> TimeInterval {
        let minutes: Double = switch planned.channel {
        case .gridWorker: dice.double(0...40)
        case .resident: 10 + dice.exponential(mean: 120)
        case .hotline: 30 + dice.exponential(mean: 300)
        case .department: 60 + dice.exponential(mean: 900)
        case .video: dice.double(0...10)
        }
        return (minutes * 60).rounded()
    }

    mutating func drawPlan() {
        let level = type.defaultLevel
        if planned.channel == .gridWorker, profile.solvableOnSpot, dice.chance(year.onSpotChance) {
            plan.solvedOnSpot = true
            plan.rework = dice.chance(0.02)
            plan.handling = .onTime
            return
        }
        let triage = dice.unit()
        plan.triage = triage < 0.047 ? .reject : triage < 0.065 ? .checkThenReject : triage < 0.09 ? .checkThenAccept : .accept
        if type.isComponent {
            if level <= 2 {
                if dice.chance(0.45) {
                    plan.routeTier = 1
                    plan.componentDirect = true
                }
            } else {
                plan.routeTier = 1
                plan.componentDirect = dice.chance(0.85)
            }
        } else if type.isPolice {
            plan.routeTier = 1
        } else if level <= 2 {
            if dice.chance(type.department != nil ? 0.10 : 0.03) {
                plan.routeTier = 1
            } else if level == 2, dice.chance(0.08) {
                plan.acceptLevel = 1
            }
        } else if level == 3 {
            if dice.chance(type.department == nil ? 0.65 : 0.22) {
                plan.acceptLevel = 2
            } else {
                plan.routeTier = 1
            }
        } else {
            plan.routeTier = dice.chance(0.6) ? 2 : 1
        }
        if plan.routeTier == 1, !plan.componentDirect, dice.chance(0.03) { plan.routeTier = 2 }
        plan.escalateEarly = type.isPolice || dice.chance(0.7)
        plan.streetTriages = plan.componentDirect && dice.chance(0.5)
        if plan.routeTier >= 1 {
            let others = year.unitList.filter { $0.ref.id != lead.ref.id }
            if !others.isEmpty, dice.chance(0.085) { plan.wrongLead = dice.pick(others) }
            if !others.isEmpty, dice.chance(0.04) { plan.coHandler = dice.pick(others) }
        }
        let complication = dice.unit()
        if complication < 0.022 {
            plan.stall = true
            plan.humanUrges = 3
            plan.supervise = true
        } else if complication < 0.030 {
            plan.park = dice.chance(0.6) ? .resumes(afterWorkingDays: dice.int(5...25)) : .stays
            plan.parkApproved = dice.chance(0.9)
        } else if complication < 0.042 {
            plan.void = dice.chance(0.8)
        } else if complication < 0.067 {
            plan.extensionDays = dice.int(3...10)
            plan.extensionApproved = dice.chance(0.85)
        }
        let handling = dice.unit()
        plan.handling = handling < 0.38 ? .early : handling < 0.88 ? .onTime : .late(workingDays: 1 + Int(dice.exponential(mean: 1.5)))
        if case .late = plan.handling {
            plan.humanUrges = max(plan.humanUrges, dice.chance(0.5) ? 1 : 0)
            plan.supervise = plan.supervise || dice.chance(0.3)
        }
        plan.rework = dice.chance(0.034)
    }
}
