extension EventStep {
    /// 催办: counted; the owner and, when a unit is working on it, the lead unit are told.
    /// The state does not change.
    func urge(note: String) -> Effect {
        var next = event
        next.urgeCount += 1
        return Effect(event: next, note: optional(note), notices: overseen(.urged))
    }

    /// 督办: the event is marked supervised (it stays so); told like an urge.
    func supervise(note: String) -> Effect {
        var next = event
        next.supervised = true
        return Effect(event: next, note: optional(note), notices: overseen(.supervised))
    }

    private func overseen(_ kind: EventNotice.Kind) -> [(EventNotice.Recipient, EventNotice.Kind)] {
        var notices: [(EventNotice.Recipient, EventNotice.Kind)] = [(owner, kind)]
        if let lead = workingLead { notices.append((lead, kind)) }
        return notices
    }
}
