extension EventStep {
    /// 立案: the handling deadline starts now, from the type's days for the (possibly corrected) level.
    func accept(level requested: Int?) throws(EventRefusal) -> Effect {
        let level = requested ?? event.level
        guard EventType.levels.contains(level) else {
            throw .invalidInput(field: "level", reason: LocalizedText(zh: "等级应为 1 到 4", en: "the level must be 1 to 4"))
        }
        var next = event
        next.state = .accepted
        next.level = level
        let deadline = handlingDeadline(level: level, from: now)
        next.handlingDeadline = deadline
        next.deadline = deadline
        return Effect(event: next, note: nil, notices: [(reporter, .accepted)])
    }

    /// 不予立案: final, with a reason the reporter reads.
    func reject(reason: String) throws(EventRefusal) -> Effect {
        let reason = try required(reason, field: "reason")
        return Effect(event: rejected(), note: reason, notices: [(reporter, .rejected)])
    }

    /// 申请核实: the grid's workers and head are asked to confirm the report.
    func requestCheck(note: String) -> Effect {
        var next = event
        next.awaitingCheck = true
        return Effect(
            event: next, note: optional(note),
            notices: [(.unit(event.gridPath, roles: [.gridWorker, .gridHead]), .checkRequested)])
    }

    /// 核实结果: a real report goes back to triage; a false one is rejected and needs a note.
    func confirmCheck(real: Bool, note: String) throws(EventRefusal) -> Effect {
        guard real else {
            let note = try required(note, field: "note")
            return Effect(event: rejected(), note: note, notices: [(reporter, .rejected)])
        }
        var next = event
        next.awaitingCheck = false
        return Effect(event: next, note: optional(note))
    }

    private func rejected() -> EventSnapshot {
        var next = event
        next.state = .rejected
        next.outcome = .rejected
        next.awaitingCheck = false
        next.deadline = nil
        next.closedAt = now
        return next
    }

    /// 上报上级: the owner moves up one territorial level and the level rises by one (at most 4).
    /// An accepted event's handling deadline is recomputed for the new level from the original
    /// acceptance (escalation does not restart the clock); a report not yet accepted gets a fresh
    /// triage deadline at its new owner.
    func escalate(reason: String) throws(EventRefusal) -> Effect {
        let reason = try required(reason, field: "reason")
        guard let parent = event.ownerPath.territorialParent, let kind = event.ownerKind.escalationTarget else {
            throw .conflict(.escalate, .noHigherLevel)
        }
        var next = event
        next.ownerPath = parent
        next.ownerKind = kind
        next.level = min(event.level + 1, EventType.levels.upperBound)
        next.escalations += 1
        if let previous = event.handlingDeadline {
            let deadline = handlingDeadline(level: next.level, from: previous.acceptedAt)
            next.handlingDeadline = deadline
            if next.state.isHandlingStage { next.deadline = deadline }
        } else if next.state == .reported {
            next.deadline = stageDeadline(stages.triage)
        }
        return Effect(
            event: next, note: reason,
            notices: [(EventStep.operators(at: parent, kind: kind), .escalated), (reporter, .escalated)])
    }
}
