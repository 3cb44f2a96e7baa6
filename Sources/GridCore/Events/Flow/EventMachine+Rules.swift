extension EventMachine {
    /// The operators of the command centres (指挥中心).
    static let centres: Set<Role> = [.streetOperator, .districtOperator]
    /// Everyone who triages a report (受理): the community and the centres above it.
    static let triage: Set<Role> = [.communityOperator, .gridHead, .streetOperator, .districtOperator]
    /// The operators who own events at their level.
    static let operators: Set<Role> = [.communityOperator, .streetOperator, .districtOperator]
    /// Who approves void and park requests and who urges and supervises.
    static let overseers: Set<Role> = [.streetOperator, .districtOperator, .leader]

    /// The roles that may ever take `action` (the first check: anyone else gets `notPermitted`).
    /// Whether they may take it on a given event depends on its state, scope and side flows.
    ///
    /// - triage (accept, reject, request/confirm check): community operator, grid head, street and
    ///   district operators, for events whose owner lies in their unit's subtree;
    /// - dispatch: street and district operators; take, handle: department handlers of the lead
    ///   unit, or the community operator when the community handles a level 1–2 event itself;
    ///   return: department handlers of the lead unit;
    /// - verify: the reporting grid worker, or a community operator or grid head of the event's community;
    /// - close: the owner's operator (a community only for levels 1–2), or a centre above it;
    /// - reopen: street and district operators; escalate: the community (operator, grid head) for
    ///   community-owned events, the street operator for street-owned ones;
    /// - urge, supervise: street and district operators and leaders;
    /// - extension: requested by the handler (as take), approved or denied by the centre that
    ///   dispatched (or, for a community handling it itself, the street above);
    /// - void, park: requested by an owner operator, approved or denied by a street or district
    ///   operator or a leader over the owner, never by the requester; resume by an owner operator;
    /// - merge: owner operators; archive: administrators and district operators.
    public static func roles(for action: EventAction.Name) -> Set<Role> {
        switch action {
        case .accept, .reject, .requestCheck, .confirmCheck: triage
        case .dispatch, .reopen, .approveExtension, .denyExtension: centres
        case .take, .handle, .requestExtension: RuleSets.handlers
        case .returnDispatch: RuleSets.departments
        case .verify: RuleSets.verifiers
        case .close, .requestVoid, .requestPark, .resume, .merge: operators
        case .escalate: RuleSets.escalators
        case .urge, .supervise, .approveVoid, .denyVoid, .approvePark, .denyPark: overseers
        case .archive: RuleSets.archivists
        case .report: RuleSets.reporters
        case .rate: []
        }
    }

    /// The role and state sets of the rules, built once: the checks run on every action.
    private enum RuleSets {
        static let handlers: Set<Role> = [.departmentHandler, .communityOperator]
        static let departments: Set<Role> = [.departmentHandler]
        static let verifiers: Set<Role> = [.gridWorker, .communityOperator, .gridHead]
        static let escalators: Set<Role> = [.communityOperator, .gridHead, .streetOperator]
        static let archivists: Set<Role> = [.admin, .districtOperator]
        static let reporters: Set<Role> = Set(Role.allCases).subtracting([.admin, .leader])
        static let open: Set<EventState> = [.reported, .accepted, .dispatched, .inProgress, .returned, .handled, .verified]
        static let active: Set<EventState> = [.accepted, .dispatched, .inProgress, .returned]
        static let reported: Set<EventState> = [.reported]
        static let dispatchable: Set<EventState> = [.accepted, .returned]
        static let takeable: Set<EventState> = [.accepted, .dispatched]
        static let dispatched: Set<EventState> = [.dispatched]
        static let handleable: Set<EventState> = [.accepted, .inProgress]
        static let handled: Set<EventState> = [.handled]
        static let verified: Set<EventState> = [.verified]
        static let closed: Set<EventState> = [.closed]
        static let escalatable: Set<EventState> = [.reported, .accepted, .returned]
        static let working: Set<EventState> = [.dispatched, .inProgress]
    }

    /// The states in which `action` may happen (the second check: elsewhere `illegalInState`).
    public static func legalStates(for action: EventAction.Name) -> Set<EventState> {
        switch action {
        case .accept, .reject, .requestCheck, .confirmCheck: RuleSets.reported
        case .dispatch: RuleSets.dispatchable
        case .take: RuleSets.takeable
        case .returnDispatch: RuleSets.dispatched
        case .handle: RuleSets.handleable
        case .verify: RuleSets.handled
        case .close: RuleSets.verified
        case .reopen, .archive: RuleSets.closed
        case .escalate: RuleSets.escalatable
        case .urge, .supervise, .merge: RuleSets.open
        case .requestExtension, .approveExtension, .denyExtension: RuleSets.working
        case .requestVoid, .approveVoid, .denyVoid, .requestPark, .approvePark, .denyPark, .resume: RuleSets.active
        case .report, .rate: []
        }
    }

    /// The side flow in the way of `action`, if any (the third check):
    /// a check awaited blocks 立案; a parked event must be resumed before any work, urging or
    /// another park; a pending void or park request holds the work (dispatch, take, return,
    /// handle, escalate, resume) until decided; one request at a time; approvals need the request;
    /// only resolved events reopen.
    static func hold(blocking action: EventAction.Name, on event: EventSnapshot) -> EventConflict? {
        let pending = event.pendingRequest?.kind
        let holdsWork = pending == .void || pending == .park
        switch action {
        case .accept, .requestCheck:
            return event.awaitingCheck ? .awaitingCheck : nil
        case .confirmCheck:
            return event.awaitingCheck ? nil : .notAwaitingCheck
        case .dispatch, .take, .returnDispatch, .handle, .escalate:
            if event.parked { return .parked }
            if holdsWork, let pending { return .requestPending(pending) }
            return nil
        case .urge, .supervise:
            return event.parked ? .parked : nil
        case .requestExtension, .requestPark:
            if event.parked { return .parked }
            return pending.map { .requestPending($0) }
        case .requestVoid:
            return pending.map { .requestPending($0) }
        case .approveExtension, .denyExtension:
            return pending == .extension ? nil : .noPendingRequest(.extension)
        case .approveVoid, .denyVoid:
            return pending == .void ? nil : .noPendingRequest(.void)
        case .approvePark, .denyPark:
            return pending == .park ? nil : .noPendingRequest(.park)
        case .resume:
            if !event.parked { return .notParked }
            if holdsWork, let pending { return .requestPending(pending) }
            return nil
        case .reopen:
            if let outcome = event.outcome, outcome != .resolved { return .notReopenable(outcome) }
            return nil
        default:
            return nil
        }
    }
}
