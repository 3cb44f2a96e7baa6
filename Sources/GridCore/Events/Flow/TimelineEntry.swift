import Foundation

/// One line of an event's timeline (流转记录). Events are never edited in place: every
/// transition appends one entry, so the record shows who did what, when, and why.
public struct TimelineEntry: Sendable, Hashable, Codable {
    public let at: Date
    public let actorID: UUID
    /// The role the actor acted in (a user may hold several).
    public let actorRole: Role?
    public let action: EventAction.Name
    /// Nil for the first entry, the report.
    public let from: EventState?
    public let to: EventState
    /// The reason, note or feedback given, trimmed; nil when none.
    public let note: String?
    /// Photo or file references (处置照片).
    public let attachments: [String]

    public init(
        at: Date, actorID: UUID, actorRole: Role?, action: EventAction.Name, from: EventState?, to: EventState,
        note: String?, attachments: [String] = []
    ) {
        self.at = at
        self.actorID = actorID
        self.actorRole = actorRole
        self.action = action
        self.from = from
        self.to = to
        self.note = note
        self.attachments = attachments
    }
}
