import Foundation

extension EventStep {
    /// 结案: resolved; the reporter is told.
    func close(note: String) -> Effect {
        var next = finished(.resolved)
        next.state = .closed
        return Effect(event: next, note: optional(note), notices: [(reporter, .closed)])
    }

    /// 重新办理: a closed event found unsolved is accepted again with a fresh handling deadline
    /// from now; dispatch starts over.
    func reopen(reason: String) throws(EventRefusal) -> Effect {
        let reason = try required(reason, field: "reason")
        var next = event
        next.state = .accepted
        next.outcome = nil
        next.closedAt = nil
        next.handlingUnit = nil
        next.coHandlers = []
        next.handlerID = nil
        next.handledAt = nil
        let deadline = handlingDeadline(level: event.level, from: now)
        next.handlingDeadline = deadline
        next.deadline = deadline
        return Effect(event: next, note: reason, notices: [(reporter, .reopened)])
    }

    /// 合并: closed as a duplicate of `target`, which carries on; the reporter and a working lead
    /// unit are told.
    func merge(into target: UUID) throws(EventRefusal) -> Effect {
        guard target != event.id else {
            throw .invalidInput(field: "target", reason: LocalizedText(
                zh: "不能合并到事件自身", en: "an event cannot be merged into itself"))
        }
        var next = finished(.merged(into: target))
        next.state = .closed
        var notices: [(EventNotice.Recipient, EventNotice.Kind)] = [(reporter, .merged)]
        if let lead = workingLead { notices.append((lead, .merged)) }
        return Effect(event: next, note: target.uuidString.lowercased(), notices: notices)
    }

    /// 归档: kept for the record; nothing more happens to it.
    func archive() -> Effect {
        var next = event
        next.state = .archived
        return Effect(event: next, note: nil)
    }

    /// The event with its clocks stopped and its side flows cleared, ending as `outcome`.
    func finished(_ outcome: EventOutcome) -> EventSnapshot {
        var next = event
        next.outcome = outcome
        next.closedAt = now
        next.deadline = nil
        next.pendingRequest = nil
        next.parked = false
        next.parkedAt = nil
        return next
    }

    /// The lead unit's handlers when a unit is working on the event (dispatched or in progress).
    var workingLead: EventNotice.Recipient? {
        guard let lead = event.handlingUnit, event.state == .dispatched || event.state == .inProgress else { return nil }
        return EventStep.handlers(of: lead)
    }
}
