import Foundation
import GridCore

/// The event loop as a grid worker meets it: pick from the admission list, report, follow one's
/// reports and inboxes, act (verify a fix, …), read the messages about them.
extension GridClient {
    /// What a report answered: the event, and whether this call made it (201) or found the one an
    /// earlier call with the same id made (200: the earlier answer was lost, nothing was doubled).
    public struct ReportResult: Sendable, Equatable {
        public let event: EventDTO
        public let created: Bool
    }

    /// The admission list (准入清单) as a tree: reporting is picking from it.
    public func eventTypes() async throws -> EventTypeTreeDTO {
        try await send("GET", ClientPath.eventTypes)
    }

    /// Files a report. The id in `request` is made by the caller, so repeating the call (after a
    /// lost answer) returns the first event instead of making a second.
    public func report(_ request: ReportEventRequestDTO) async throws -> ReportResult {
        let answer = try await perform("POST", ClientPath.events, body: try Self.encoder.encode(request)).checked()
        return ReportResult(event: try answer.decoded(EventDTO.self), created: answer.status == 201)
    }

    /// Events in the caller's scope: an inbox (`box`), filters and paging.
    public func events(_ query: EventListQuery = EventListQuery()) async throws -> PageDTO<EventDTO> {
        try await send("GET", ClientPath.events, query: query.items)
    }

    /// One event with its timeline.
    public func event(_ id: UUID) async throws -> EventDTO {
        try await send("GET", ClientPath.event(id))
    }

    /// Acts on an event (`verify`, `handle`, `urge`, …). Put the version the user saw in
    /// `input.version`: if someone else moved the event on meanwhile the server answers 409 with
    /// the current state (`GridClientError.api` with `current`) instead of acting on a stale view.
    public func act(on id: UUID, _ action: String, _ input: EventActionRequestDTO = EventActionRequestDTO()) async throws -> EventDTO {
        try await send("POST", ClientPath.eventAction(id, action), body: input)
    }

    /// Messages about the events that concern the caller (闭环反馈).
    public func inbox(unreadOnly: Bool = false, page: Int = 1, per: Int = 50) async throws -> PageDTO<InboxItemDTO> {
        try await send("GET", ClientPath.inbox, query: [
            URLQueryItem(name: "unread", value: String(unreadOnly)), URLQueryItem(name: "page", value: String(page)),
            URLQueryItem(name: "per", value: String(per)),
        ])
    }

    public func markRead(_ messageID: UUID) async throws {
        _ = try await perform("POST", ClientPath.inboxRead(messageID)).checked()
    }
}

/// A role's inbox on `GET /api/v1/events?box=`: work waiting at the caller's level.
public enum EventInbox: String, Sendable, CaseIterable {
    case toAccept = "to_accept"
    case toDispatch = "to_dispatch"
    case toHandle = "to_handle"
    case toVerify = "to_verify"
    case toClose = "to_close"
    case overdue
    /// What the caller reported.
    case mine
}

/// The filters of `GET /api/v1/events`.
public struct EventListQuery: Sendable, Equatable {
    public var box: EventInbox?
    public var states: [String]
    public var type: String?
    public var unit: String?
    public var level: Int?
    public var overdue: Bool
    public var text: String?
    public var sort: String?
    public var page: Int
    public var per: Int

    public init(
        box: EventInbox? = nil, states: [String] = [], type: String? = nil, unit: String? = nil, level: Int? = nil,
        overdue: Bool = false, text: String? = nil, sort: String? = nil, page: Int = 1, per: Int = 50
    ) {
        self.box = box
        self.states = states
        self.type = type
        self.unit = unit
        self.level = level
        self.overdue = overdue
        self.text = text
        self.sort = sort
        self.page = page
        self.per = per
    }

    var items: [URLQueryItem] {
        var items = [URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "per", value: String(per))]
        if let box { items.append(URLQueryItem(name: "box", value: box.rawValue)) }
        if !states.isEmpty { items.append(URLQueryItem(name: "state", value: states.joined(separator: ","))) }
        if let type { items.append(URLQueryItem(name: "type", value: type)) }
        if let unit { items.append(URLQueryItem(name: "unit", value: unit)) }
        if let level { items.append(URLQueryItem(name: "level", value: String(level))) }
        if overdue { items.append(URLQueryItem(name: "overdue", value: "true")) }
        if let text { items.append(URLQueryItem(name: "q", value: text)) }
        if let sort { items.append(URLQueryItem(name: "sort", value: sort)) }
        return items
    }
}
