extension EventStep {
    /// Longest extension one request may ask for, in working days.
    static let maximumExtensionDays = 30

    /// 延期申请 by the handler; the centre that dispatched decides (for a community handling it
    /// itself, the street above).
    func requestExtension(days: Int, reason: String) throws(EventRefusal) -> Effect {
        guard (1...EventStep.maximumExtensionDays).contains(days) else {
            throw .invalidInput(field: "days", reason: LocalizedText(
                zh: "延期天数应为 1 到 \(EventStep.maximumExtensionDays) 个工作日",
                en: "an extension must be 1 to \(EventStep.maximumExtensionDays) working days"))
        }
        let reason = try required(reason, field: "reason")
        var next = event
        next.pendingRequest = EventRequest(
            kind: .extension, days: days, requesterID: actor.userID, requesterRole: role, reason: reason, requestedAt: now)
        let approvers = EventNotice.Recipient.unit(
            event.dispatcherPath ?? event.ownerPath.territorialParent ?? event.ownerPath, roles: EventMachine.centres)
        return Effect(event: next, note: reason, notices: [(approvers, .extensionRequested)])
    }

    /// 批准延期: the handling deadline moves by the days asked, counted in working days from the
    /// old due day (`WorkingCalendar.extending`).
    func approveExtension() -> Effect {
        var next = event
        next.pendingRequest = nil
        let days = event.pendingRequest?.days ?? 0
        let deadline = calendar.extending(
            event.handlingDeadline ?? handlingDeadline(level: event.level, from: now), byWorkingDays: days)
        next.handlingDeadline = deadline
        if next.state.isHandlingStage { next.deadline = deadline }
        return Effect(event: next, note: nil, notices: requesterNotice(.extensionApproved))
    }

    /// 作废申请 / 挂账申请 by an owner operator; the level above the owner decides.
    func request(_ kind: EventRequestKind, reason: String) throws(EventRefusal) -> Effect {
        let reason = try required(reason, field: "reason")
        var next = event
        next.pendingRequest = EventRequest(
            kind: kind, requesterID: actor.userID, requesterRole: role, reason: reason, requestedAt: now)
        let approvers = EventNotice.Recipient.unit(
            event.ownerPath.territorialParent ?? event.ownerPath, roles: EventMachine.overseers)
        return Effect(event: next, note: reason, notices: [(approvers, kind == .void ? .voidRequested : .parkRequested)])
    }

    /// Any denial: the request is dropped with a reason the requester reads.
    func deny(_ kind: EventRequestKind, reason: String) throws(EventRefusal) -> Effect {
        let reason = try required(reason, field: "reason")
        var next = event
        next.pendingRequest = nil
        let notice: EventNotice.Kind = switch kind {
        case .extension: .extensionDenied
        case .void: .voidDenied
        case .park: .parkDenied
        }
        return Effect(event: next, note: reason, notices: requesterNotice(notice))
    }

    /// 批准作废: closed as voided; requester, reporter and a working lead unit are told.
    func approveVoid() -> Effect {
        var next = finished(.voided)
        next.state = .closed
        var notices = requesterNotice(.voidApproved)
        notices.append((reporter, .voidApproved))
        if let lead = workingLead { notices.append((lead, .voidApproved)) }
        return Effect(event: next, note: nil, notices: notices)
    }

    /// 批准挂账: the clock stops (no stage deadline) until resumed.
    func approvePark() -> Effect {
        var next = event
        next.pendingRequest = nil
        next.parked = true
        next.parkedAt = now
        next.deadline = nil
        var notices = requesterNotice(.parkApproved)
        if let lead = workingLead { notices.append((lead, .parkApproved)) }
        return Effect(event: next, note: nil, notices: notices)
    }

    /// 恢复: the handling deadline moves later by the working days the event was parked, so the
    /// handler gets back exactly the time that was left.
    func resume(note: String) -> Effect {
        var next = event
        next.parked = false
        next.parkedAt = nil
        let parkedDays = event.parkedAt.map { max(0, calendar.workingDaysBetween($0, now)) } ?? 0
        let deadline = event.handlingDeadline.map { calendar.extending($0, byWorkingDays: parkedDays) }
            ?? handlingDeadline(level: event.level, from: now)
        next.handlingDeadline = deadline
        next.deadline = deadline
        return Effect(event: next, note: optional(note), notices: [(workingLead ?? owner, .resumed)])
    }

    private func requesterNotice(_ kind: EventNotice.Kind) -> [(EventNotice.Recipient, EventNotice.Kind)] {
        event.pendingRequest.map { [(.user($0.requesterID), kind)] } ?? []
    }
}
