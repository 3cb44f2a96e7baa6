/// The result of an allowed action: the event's next snapshot (version one higher), the timeline
/// entry to append, and who to tell. The store writes the three in one transaction.
public struct EventTransition: Sendable, Hashable {
    public let event: EventSnapshot
    public let entry: TimelineEntry
    public let notifications: [EventNotice]

    public init(event: EventSnapshot, entry: TimelineEntry, notifications: [EventNotice]) {
        self.event = event
        self.entry = entry
        self.notifications = notifications
    }
}
