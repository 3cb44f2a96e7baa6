extension EventMachine {
    /// The role the actor acts in (the fourth check). Each of the actor's roles that may take the
    /// action is tried in `Role` order; the first that may act on this event wins. When none may,
    /// the most telling refusal is thrown: a conflict before out-of-scope before not-permitted.
    static func authorize(_ action: EventAction.Name, on event: EventSnapshot, by actor: EventActor) throws(EventRefusal) -> Role {
        var best: EventRefusal?
        for role in actor.roles.intersection(roles(for: action)).sorted() {
            guard let refusal = refusal(action, as: role, on: event, by: actor) else { return role }
            if rank(refusal) > best.map(rank) ?? -1 { best = refusal }
        }
        throw best ?? .notPermitted(action, actor.primaryRole)
    }

    private static func rank(_ refusal: EventRefusal) -> Int {
        switch refusal {
        case .conflict: 3
        case .outOfScope: 2
        case .notPermitted: 1
        default: 0
        }
    }

    /// Why `role` may not take `action` on this event, or nil when it may. Scope is the actor's
    /// unit subtree (`UnitPath.contains`): the owner's path for territorial business, the lead
    /// unit's for handling, the community's for verification, the dispatcher's for extensions.
    static func refusal(_ action: EventAction.Name, as role: Role, on event: EventSnapshot, by actor: EventActor) -> EventRefusal? {
        let ownsIt = actor.unitPath.contains(event.ownerPath)
        switch action {
        case .accept, .reject, .requestCheck, .confirmCheck, .reopen, .urge, .supervise,
             .requestVoid, .requestPark, .resume, .merge, .archive:
            return ownsIt ? nil : .outOfScope
        case .dispatch:
            guard ownsIt else { return .outOfScope }
            // 属地优先: the community gets the event first; components go to their owner directly.
            return event.ownerKind == .community && !event.isComponent ? .conflict(action, .territoryFirst) : nil
        case .take, .handle, .requestExtension:
            return handlerRefusal(action, as: role, on: event, by: actor)
        case .returnDispatch:
            guard let lead = event.handlingUnit else { return .notPermitted(action, role) }
            return actor.unitPath.contains(lead.path) ? nil : .outOfScope
        case .verify:
            if role == .gridWorker {
                guard actor.userID == event.reporterID else { return .notPermitted(action, role) }
            } else if !actor.unitPath.contains(event.communityPath) {
                return .outOfScope
            }
            return event.handlerID == actor.userID ? .conflict(action, .ownHandling) : nil
        case .close:
            guard ownsIt else { return .outOfScope }
            if role == .communityOperator, event.ownerKind != .community || event.level > 2 {
                return .notPermitted(action, role)
            }
            return nil
        case .escalate:
            guard ownsIt else { return .outOfScope }
            let tier: Set<Role> = switch event.ownerKind {
            case .community: [.communityOperator, .gridHead]
            case .street: [.streetOperator]
            default: []
            }
            guard tier.contains(role) || event.ownerKind == .district else { return .notPermitted(action, role) }
            guard event.ownerKind.escalationTarget != nil, event.ownerPath.territorialParent != nil else {
                return .conflict(action, .noHigherLevel)
            }
            return nil
        case .approveExtension, .denyExtension:
            guard actor.unitPath.contains(event.dispatcherPath ?? event.ownerPath) else { return .outOfScope }
            return event.pendingRequest?.requesterID == actor.userID ? .conflict(action, .ownRequest) : nil
        case .approveVoid, .denyVoid, .approvePark, .denyPark:
            guard ownsIt else { return .outOfScope }
            return event.pendingRequest?.requesterID == actor.userID ? .conflict(action, .ownRequest) : nil
        case .report, .rate:
            return .notPermitted(action, role)
        }
    }

    /// Take, handle and extension requests: the lead unit's handlers once dispatched; the owner
    /// community's operator when no unit was dispatched and the level is 1–2 (自处理).
    private static func handlerRefusal(
        _ action: EventAction.Name, as role: Role, on event: EventSnapshot, by actor: EventActor
    ) -> EventRefusal? {
        switch role {
        case .departmentHandler:
            guard let lead = event.handlingUnit else { return .notPermitted(action, role) }
            return actor.unitPath.contains(lead.path) ? nil : .outOfScope
        case .communityOperator:
            guard event.handlingUnit == nil else { return .notPermitted(action, role) }
            guard actor.unitPath.contains(event.ownerPath) else { return .outOfScope }
            guard event.ownerKind == .community else { return .notPermitted(action, role) }
            return event.level > 2 ? .conflict(action, .beyondCommunity(level: event.level)) : nil
        default:
            return .notPermitted(action, role)
        }
    }
}
