import Foundation

/// The event state machine (事件流转): pure rules, no storage. Given an event, an action, who acts
/// and when, it either refuses with a bilingual reason or returns the next snapshot, the
/// timeline entry and the notices. The server loads, calls `apply`, and saves the transition
/// under the event's version.
///
/// The flow (domain.md §4, CJ/T 214 practice):
/// `reported` → `accepted` (立案) | `rejected` (不予立案);
/// `accepted` → `dispatched` (派遣) | `in_progress` (the community handles levels 1–2 itself);
/// `dispatched` → `in_progress` (接收) | `returned` (退回, back to the dispatcher, who dispatches again or escalates);
/// `in_progress` → `handled` (处置反馈); `handled` → `verified` (核查通过) | `in_progress` (返工);
/// `verified` → `closed` (结案); `closed` → `archived` (归档) | `accepted` (重新办理).
/// Side flows are flags: 核实 (`awaitingCheck`), 挂账 (`parked`), and one pending request
/// (延期 / 作废 / 挂账) awaiting approval. Who may do what: `roles(for:)`, `legalStates(for:)`,
/// `hold(blocking:on:)` and `refusal(_:as:on:by:)`, each documented where it is defined; what each
/// action does is documented on its effect (`EventStep.accept` …).
public enum EventMachine {
    /// Where a new report starts: `handled` when the grid worker solved it on the spot (就地解决,
    /// it goes straight to verification by the community), else `reported`.
    public static func initialState(solvedOnSpot: Bool) -> EventState {
        solvedOnSpot ? .handled : .reported
    }

    /// Applies `action` to `event` for `actor` at `now`.
    ///
    /// - Parameters:
    ///   - deadlineDays: the event type's working days per level (`EventType.deadlineDays`); a
    ///     missing level falls back to `DeadlineRule.standard(forLevel:)`.
    ///   - stages: the triage, verification and closing deadlines.
    /// - Throws: `EventRefusal`, checked in the order its documentation gives.
    public static func apply(
        _ action: EventAction, to event: EventSnapshot, by actor: EventActor, now: Date,
        calendar: WorkingCalendar, deadlineDays: [Int: Int], stages: StageDeadlines = .standard
    ) throws(EventRefusal) -> EventTransition {
        let name = action.name
        guard !actor.roles.isDisjoint(with: roles(for: name)) else {
            throw .notPermitted(name, actor.primaryRole)
        }
        guard legalStates(for: name).contains(event.state) else {
            throw .illegalInState(name, event.state)
        }
        if let conflict = hold(blocking: name, on: event) {
            throw .conflict(name, conflict)
        }
        let role = try authorize(name, on: event, by: actor)
        let step = EventStep(
            event: event, actor: actor, role: role, now: now, calendar: calendar,
            deadlineDays: deadlineDays, stages: stages)
        let effect = try step.perform(action)
        return step.transition(name, effect)
    }
}

/// One action being applied: the inputs every effect needs, and the small helpers they share.
struct EventStep {
    let event: EventSnapshot
    let actor: EventActor
    let role: Role
    let now: Date
    let calendar: WorkingCalendar
    let deadlineDays: [Int: Int]
    let stages: StageDeadlines

    /// What an action does: the next snapshot, the note and attachments for the timeline, and
    /// the notices (before the actor's own are dropped).
    struct Effect {
        var event: EventSnapshot
        var note: String?
        var attachments: [String] = []
        var notices: [(EventNotice.Recipient, EventNotice.Kind)] = []
    }

    func perform(_ action: EventAction) throws(EventRefusal) -> Effect {
        switch action {
        case .accept(let level): try accept(level: level)
        case .reject(let reason): try reject(reason: reason)
        case .requestCheck(let note): requestCheck(note: note)
        case .confirmCheck(let real, let note): try confirmCheck(real: real, note: note)
        case .dispatch(let lead, let coHandlers, let note): try dispatch(lead: lead, coHandlers: coHandlers, note: note)
        case .take: take()
        case .returnDispatch(let reason): try returnDispatch(reason: reason)
        case .handle(let feedback, let photos): try handle(feedback: feedback, photos: photos)
        case .verify(let passed, let note): try verify(passed: passed, note: note)
        case .close(let note): close(note: note)
        case .reopen(let reason): try reopen(reason: reason)
        case .escalate(let reason): try escalate(reason: reason)
        case .urge(let note): urge(note: note)
        case .supervise(let note): supervise(note: note)
        case .requestExtension(let days, let reason): try requestExtension(days: days, reason: reason)
        case .approveExtension: approveExtension()
        case .denyExtension(let reason): try deny(.extension, reason: reason)
        case .requestVoid(let reason): try request(.void, reason: reason)
        case .approveVoid: approveVoid()
        case .denyVoid(let reason): try deny(.void, reason: reason)
        case .requestPark(let reason): try request(.park, reason: reason)
        case .approvePark: approvePark()
        case .denyPark(let reason): try deny(.park, reason: reason)
        case .resume(let note): resume(note: note)
        case .mergeInto(let target): try merge(into: target)
        case .archive: archive()
        }
    }

    /// Wraps an effect into a transition: next version, timeline entry, notices without the
    /// actor's own and without repeats.
    func transition(_ name: EventAction.Name, _ effect: Effect) -> EventTransition {
        var next = effect.event
        next.version = event.version + 1
        let entry = TimelineEntry(
            at: now, actorID: actor.userID, actorRole: role, action: name, from: event.state, to: next.state,
            note: effect.note, attachments: effect.attachments)
        return EventTransition(
            event: next, entry: entry,
            notifications: EventStep.notices(effect.notices, eventID: event.id, excluding: actor.userID))
    }

    static func notices(
        _ list: [(EventNotice.Recipient, EventNotice.Kind)], eventID: UUID, excluding actorID: UUID
    ) -> [EventNotice] {
        // A step tells a handful of recipients: comparing with those kept is cheaper than hashing.
        var result: [EventNotice] = []
        for (recipient, kind) in list where recipient != .user(actorID) {
            let notice = EventNotice(eventID: eventID, recipient: recipient, kind: kind)
            if !result.contains(notice) { result.append(notice) }
        }
        return result
    }

    // MARK: Deadlines

    /// The handling deadline for `level` counted from `start`.
    func handlingDeadline(level: Int, from start: Date) -> Deadline {
        calendar.deadline(EventType.deadlineRule(forLevel: level, days: deadlineDays), acceptedAt: start)
    }

    /// A stage deadline (triage, verification, closing) counted from now.
    func stageDeadline(_ rule: DeadlineRule) -> Deadline {
        calendar.deadline(rule, acceptedAt: now)
    }

    // MARK: Inputs

    /// The trimmed text, or `missingReason(field)` when it is empty.
    func required(_ text: String, field: String) throws(EventRefusal) -> String {
        let trimmed = text.trimmingWhitespaceAndNewlines()
        guard !trimmed.isEmpty else { throw .missingReason(field: field) }
        return trimmed
    }

    /// The trimmed text, nil when empty.
    func optional(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespaceAndNewlines()
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: Recipients

    var reporter: EventNotice.Recipient { .user(event.reporterID) }

    /// The operators of a territorial unit of `kind` at `path`.
    static func operators(at path: UnitPath, kind: UnitKind) -> EventNotice.Recipient {
        switch kind {
        case .community: .unit(path, roles: [.communityOperator, .gridHead])
        case .street: .unit(path, roles: [.streetOperator])
        case .district: .unit(path, roles: [.districtOperator])
        default: .unit(path, roles: [.communityOperator, .streetOperator, .districtOperator])
        }
    }

    var owner: EventNotice.Recipient { EventStep.operators(at: event.ownerPath, kind: event.ownerKind) }

    static func handlers(of unit: HandlingUnitRef) -> EventNotice.Recipient {
        .unit(unit.path, roles: [.departmentHandler])
    }

    /// Whoever must act on the handling now: the lead unit while dispatched or in progress, else the owner.
    var responsible: EventNotice.Recipient {
        if let lead = event.handlingUnit, event.state == .dispatched || event.state == .inProgress {
            return EventStep.handlers(of: lead)
        }
        return owner
    }
}
