import Foundation

/// The next thing a person does to the event, read from its snapshot and the plan.
extension DemoEventRun {
    mutating func nextStep() -> Step? {
        let main = mainStep()
        if let urge = urgeStep(before: main?.at ?? Int.max) { return urge }
        return main
    }

    mutating func mainStep() -> Step? {
        switch snapshot.state {
        case .reported: return triageStep()
        case .accepted:
            if let pending = snapshot.pendingRequest { return approval(of: pending) }
            if needTier > ownerTier, !directDispatch {
                return step(.escalate(reason: escalationReason()), by: escalator(), at: later(60, min: 5, .duty))
            }
            if snapshot.ownerKind == .community, needTier == 0 {
                return step(.take, by: site.communityOperator, at: later(15, min: 1, .duty))
            }
            // The wrong unit first, when planned, until it has returned the event.
            return dispatch(to: (wrongReturned ? nil : plan.wrongLead) ?? lead)
        case .returned:
            if let pending = snapshot.pendingRequest { return approval(of: pending) }
            return dispatch(to: lead)
        case .dispatched:
            if let pending = snapshot.pendingRequest { return approval(of: pending) }
            if let wrong = plan.wrongLead, snapshot.handlingUnit?.id == wrong.ref.id, !wrongReturned {
                return step(.returnDispatch(reason: dice.pick(DemoEventText.returnReasons)), by: wrong.handler, at: later(180, min: 10, .office))
            }
            return step(.take, by: handler, at: later(100, min: 5, .office))
        case .inProgress: return workStep()
        case .handled: return verifyStep()
        case .verified:
            let closer: DemoParticipant = switch snapshot.ownerKind {
            case .community: snapshot.level <= 2 ? site.communityOperator : site.streetOperator
            case .street: site.streetOperator
            default: site.districtOperator
            }
            return step(.close(note: dice.pick(DemoEventText.closeNotes)), by: closer, at: later(120, min: 5, .office))
        case .closed: return ratingStep()
        case .rejected, .archived: return nil
        }
    }

    // MARK: Triage

    mutating func triageStep() -> Step {
        if snapshot.awaitingCheck {
            let checker = snapshot.ownerKind == .community ? site.gridHead : ownerOperator
            let real = plan.triage == .checkThenAccept
            let note = dice.pick(real ? DemoEventText.checkTrue : DemoEventText.checkFalse)
            return step(.confirmCheck(real: real, note: note), by: checker, at: later(90, min: 15, .duty))
        }
        let triager: DemoParticipant = snapshot.ownerKind == .community && dice.chance(0.15) ? site.gridHead : ownerOperator
        let at = later(30, min: 3, .duty)
        switch plan.triage {
        case .checkThenAccept where !checked, .checkThenReject where !checked:
            return step(.requestCheck(note: dice.pick(DemoEventText.checkNotes)), by: triager, at: at)
        case .reject:
            return step(.reject(reason: dice.pick(DemoEventText.rejectReasons)), by: triager, at: at)
        default:
            break
        }
        if needTier > ownerTier, plan.escalateEarly, !directDispatch {
            return step(.escalate(reason: escalationReason()), by: escalator(), at: at)
        }
        let accepter = directDispatch && plan.streetTriages ? site.streetOperator : triager
        return step(.accept(level: acceptanceLevel()), by: accepter, at: at)
    }

    /// 立案 level: the plan's correction at the community; a centre receiving an escalated report
    /// grades it back to its own tier when escalation pushed it above (a level-3 item escalated
    /// before 立案 arrives as 4 and the street takes it as 3).
    func acceptanceLevel() -> Int? {
        if snapshot.ownerKind == .community { return accepted ? nil : plan.acceptLevel }
        let tierLevel = max(type.defaultLevel, ownerTier + 2)
        return snapshot.level > tierLevel ? tierLevel : nil
    }

    // MARK: Dispatch and handling

    mutating func dispatch(to unit: DemoHandlingUnit) -> Step {
        let centre = snapshot.ownerKind == .district ? site.districtOperator : site.streetOperator
        var co: [HandlingUnitRef] = []
        if let helper = plan.coHandler, helper.ref.id != unit.ref.id, unit.ref.id == lead.ref.id { co = [helper.ref] }
        return step(
            .dispatch(lead: unit.ref, coHandlers: co, note: dice.pick(DemoEventText.dispatchNotes)), by: centre,
            at: later(45, min: 5, .duty))
    }

    mutating func workStep() -> Step? {
        if snapshot.parked {
            guard case .resumes(let days) = plan.park, let parkedAt = snapshot.parkedAt,
                  let dayStart = clock.workingDayStart(after: clock.seconds(parkedAt), count: days),
                  let at = clock.moment(onDay: clock.dayIndex(dayStart), fraction: dice.unit(), in: .office)
            else { return nil }
            return step(.resume(note: dice.pick(DemoEventText.resumeNotes)), by: ownerOperator, at: max(at, t + 60))
        }
        if let pending = snapshot.pendingRequest { return approval(of: pending) }
        if plan.void != nil, !voidAsked {
            return step(.requestVoid(reason: dice.pick(DemoEventText.voidReasons)), by: ownerOperator, at: later(360, min: 30, .office))
        }
        if plan.park != nil, !parkAsked {
            return step(.requestPark(reason: dice.pick(DemoEventText.parkReasons)), by: ownerOperator, at: later(600, min: 60, .office))
        }
        if let days = plan.extensionDays, !extensionAsked {
            var at = later(60, min: 10, .office)
            if let deadline = snapshot.handlingDeadline {
                let lastStart = clock.seconds(deadline.lastDayStart)
                let target = t + Int(Double(max(lastStart - t, 600)) * dice.double(0.3...0.8))
                at = max(at, clock.open(target, in: .office) ?? Int.max)
            }
            return step(.requestExtension(days: days, reason: dice.pick(DemoEventText.extensionReasons)), by: handler, at: at)
        }
        if plan.stall { return nil }
        return step(.handle(feedback: DemoEventText.feedback(for: type, dice: &dice), photos: []), by: handler, at: handlingTime())
    }

    /// When the handler reports the work done, aimed at the plan's timeliness against the live
    /// handling deadline (which escalation, extension and parking may have moved).
    mutating func handlingTime() -> Int {
        let windows: DemoClock.Windows = snapshot.handlingUnit == nil ? .duty : .office
        let earliest = later(reworked ? 600 : 25, min: 10, windows)
        guard let deadline = snapshot.handlingDeadline, !reworked else { return earliest }
        let lastStart = clock.seconds(deadline.lastDayStart), end = clock.seconds(deadline.end)
        switch plan.handling {
        case .early:
            if earliest < lastStart - 3_600 {
                let target = earliest + Int(Double(lastStart - earliest) * dice.unit())
                if let at = clock.open(target, in: windows), at < lastStart { return at }
            }
            return onDueDay(earliest: earliest, lastStart: lastStart, end: end, windows: windows)
        case .onTime:
            return onDueDay(earliest: earliest, lastStart: lastStart, end: end, windows: windows)
        case .late(let days):
            guard let start = clock.workingDayStart(after: end - 1, count: days),
                  let at = clock.moment(onDay: clock.dayIndex(start), fraction: dice.unit(), in: windows)
            else { return Int.max }
            return max(at, earliest)
        }
    }

    /// A moment in the windows of the due day, not before `earliest` (already late: `earliest`).
    mutating func onDueDay(earliest: Int, lastStart: Int, end: Int, windows: DemoClock.Windows) -> Int {
        guard earliest < end else { return earliest }
        let due = clock.moment(onDay: clock.dayIndex(lastStart), fraction: dice.double(0.05...0.95), in: windows)
        return max(due ?? earliest, earliest)
    }

    mutating func verifyStep() -> Step {
        let passed = !(plan.rework && !reworked)
        let verifier: DemoParticipant
        if snapshot.reporterRole == .gridWorker, snapshot.reporterID != snapshot.handlerID {
            verifier = reporter
        } else if site.gridHead.id != snapshot.handlerID, dice.chance(0.35) || site.communityOperator.id == snapshot.handlerID {
            verifier = site.gridHead
        } else {
            verifier = site.communityOperator
        }
        let note = dice.pick(passed ? DemoEventText.verifyNotes : DemoEventText.reworkNotes)
        return step(.verify(passed: passed, note: note), by: verifier, at: later(verifier.id == reporter.id ? 240 : 180, min: 15, .office))
    }

    // MARK: Requests, urging, ratings

    mutating func approval(of request: EventRequest) -> Step {
        let action: EventAction
        let approver: DemoParticipant
        let deny = dice.pick(DemoEventText.denyReasons)
        switch request.kind {
        case .extension:
            let path = snapshot.dispatcherPath ?? snapshot.ownerPath
            approver = path == site.districtPath ? site.districtOperator : site.streetOperator
            action = plan.extensionApproved ? .approveExtension : .denyExtension(reason: deny)
        case .void:
            approver = overseer
            action = plan.void == true ? .approveVoid : .denyVoid(reason: deny)
        case .park:
            approver = overseer
            action = plan.parkApproved ? .approvePark : .denyPark(reason: deny)
        }
        return step(action, by: approver, at: later(240, min: 10, .office))
    }

    /// People urge (催办) an event overdue in handling a working day after its deadline, again
    /// every three working days as planned, and a centre or leader supervises (督办) it after four.
    mutating func urgeStep(before main: Int) -> Step? {
        guard snapshot.state.isHandlingStage, !snapshot.parked, let deadline = snapshot.handlingDeadline else { return nil }
        let end = clock.seconds(deadline.end)
        if humanUrgesDone < plan.humanUrges,
           let dayStart = clock.workingDayStart(after: end - 1, count: 1 + 3 * humanUrgesDone),
           let moment = clock.moment(onDay: clock.dayIndex(dayStart), fraction: dice.double(0.05...0.6), in: .office) {
            let at = max(moment, t + 60)
            if at < main {
                let urger = snapshot.ownerKind == .district ? site.districtOperator : site.streetOperator
                return step(.urge(note: dice.pick(DemoEventText.urgeNotes)), by: urger, at: at)
            }
        }
        if plan.supervise, !supervised, let dayStart = clock.workingDayStart(after: end - 1, count: 4),
           let moment = clock.moment(onDay: clock.dayIndex(dayStart), fraction: dice.double(0.05...0.8), in: .office) {
            let at = max(moment, t + dice.int(1_800...7_200))
            if at < main {
                let supervisor = dice.chance(0.5) ? site.districtOperator : site.leader
                return step(.supervise(note: dice.pick(DemoEventText.superviseNotes)), by: supervisor, at: at)
            }
        }
        return nil
    }

    /// After a resolved close: discovery stars by the receiving unit, the party's satisfaction by
    /// the reporting grid worker (else the community, after a return visit), in one rating when
    /// the same person gives both.
    mutating func ratingStep() -> Step? {
        guard snapshot.outcome == .resolved, !(discoveryRated && satisfactionRated) else { return nil }
        let discoveryRater = ownerOperator
        let satisfactionRater = snapshot.reporterRole == .gridWorker ? reporter : site.communityOperator
        if !discoveryRated, !satisfactionRated, discoveryRater.id == satisfactionRater.id {
            return Step(
                kind: .rate(discovery: discoveryStars(), satisfaction: drawSatisfaction()), by: discoveryRater,
                at: later(90, min: 5, .office))
        }
        if !discoveryRated {
            return Step(kind: .rate(discovery: discoveryStars(), satisfaction: nil), by: discoveryRater, at: later(60, min: 5, .office))
        }
        return Step(kind: .rate(discovery: nil, satisfaction: drawSatisfaction()), by: satisfactionRater, at: later(300, min: 10, .office))
    }

    mutating func discoveryStars() -> Int {
        var weights: [Double] = [6, 46, 33, 12, 3]
        if [.fireSafety, .constructionWater, .publicSecurity].contains(type.riskKind)
            || ["B0405", "B0504", "B0505", "B0703"].contains(type.code) {
            weights = [2, 25, 40, 25, 8]
        } else if ["B0404", "C04", "B04"].contains(type.code) {
            weights = [15, 60, 20, 5, 0]
        }
        var stars = dice.index(cumulative: DemoDice.cumulative(weights)) + 1
        if snapshot.escalations > 0, stars < 5, dice.chance(0.3) { stars += 1 }
        return stars
    }

    mutating func drawSatisfaction() -> Satisfaction {
        var weights: [Double] = switch snapshot.handlingTimeliness(calendar: year.calendar) {
        case .early: [3, 10, 30, 57]
        case .overdue: [18, 27, 35, 20]
        case .onTime, nil: [5, 14, 38, 43]
        }
        if snapshot.reworkCount > 0 {
            weights[0] += 8
            weights[1] += 8
        }
        return Satisfaction.allCases[dice.index(cumulative: DemoDice.cumulative(weights))]
    }

    // MARK: Helpers

    func step(_ action: EventAction, by participant: DemoParticipant, at time: Int) -> Step {
        Step(kind: .act(action), by: participant, at: time)
    }

    /// A moment `minutes` (exponential, mean `mean`, at least `min`) of window time after the last step.
    mutating func later(_ mean: Double, min minimum: Double, _ windows: DemoClock.Windows) -> Int {
        let seconds = Int(((minimum + dice.exponential(mean: mean)) * 60).rounded())
        return clock.advance(t + 1, by: seconds, in: windows) ?? Int.max
    }

    /// 0 community, 1 street, 2 district.
    var ownerTier: Int {
        switch snapshot.ownerKind {
        case .community: 0
        case .street: 1
        default: 2
        }
    }

    /// Who must handle now: the plan's tier, never below the owner, and beyond the community
    /// when the level is above its power (3–4).
    var needTier: Int {
        let tier = max(plan.routeTier, ownerTier)
        return tier == 0 && snapshot.level > 2 ? 1 : tier
    }

    /// A city component the street sends to its owner while the community still owns the event.
    var directDispatch: Bool {
        snapshot.isComponent && snapshot.ownerKind == .community && needTier == 1 && plan.componentDirect
    }

    /// The operator of the owning level.
    var ownerOperator: DemoParticipant {
        switch snapshot.ownerKind {
        case .community: site.communityOperator
        case .street: site.streetOperator
        default: site.districtOperator
        }
    }

    /// Who approves void and park requests: the level above the owner (a leader above the district centre).
    var overseer: DemoParticipant {
        switch snapshot.ownerKind {
        case .community: site.streetOperator
        case .street: site.districtOperator
        default: site.leader
        }
    }

    /// The handler of the lead unit, or the community operator handling it itself.
    var handler: DemoParticipant {
        guard let unit = snapshot.handlingUnit else { return site.communityOperator }
        if let wrong = plan.wrongLead, wrong.ref.id == unit.id { return wrong.handler }
        return lead.handler
    }

    mutating func escalator() -> DemoParticipant {
        snapshot.ownerKind == .community ? (dice.chance(0.15) ? site.gridHead : site.communityOperator) : site.streetOperator
    }

    mutating func escalationReason() -> String {
        dice.pick(snapshot.ownerKind == .community ? DemoEventText.escalateToStreet : DemoEventText.escalateToDistrict)
    }
}
