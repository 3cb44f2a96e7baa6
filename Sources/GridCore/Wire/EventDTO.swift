import Foundation

/// `POST /api/v1/events` body. The id is made by the client (a phone offline included), so a
/// retried submission never makes a second event.
public struct ReportEventRequestDTO: Codable, Sendable, Equatable {
    public struct Location: Codable, Sendable, Equatable {
        public var lon: Double
        public var lat: Double
        /// `wgs84` (a phone's GPS), `gcj02` (Chinese web maps) or `cgcs2000`.
        public var datum: String

        public init(lon: Double, lat: Double, datum: String) {
            self.lon = lon
            self.lat = lat
            self.datum = datum
        }
    }

    public var id: UUID
    /// Event-type code from the admission list.
    public var type: String
    public var description: String
    public var location: Location
    public var occurredAt: Date?
    public var solvedOnSpot: Bool?
    public var attributes: [String: JSONValue]?
    /// Base64 JPEG/PNG/HEIC photos.
    public var photos: [String]?
    /// grid_worker, resident, hotline, department, video (default from the reporter's role).
    public var channel: String?
    /// A grid code, when the reporter picks the grid instead of the location deciding it.
    public var grid: String?

    public init(
        id: UUID, type: String, description: String, location: Location, occurredAt: Date? = nil, solvedOnSpot: Bool? = nil,
        attributes: [String: JSONValue]? = nil, photos: [String]? = nil, channel: String? = nil, grid: String? = nil
    ) {
        self.id = id
        self.type = type
        self.description = description
        self.location = location
        self.occurredAt = occurredAt
        self.solvedOnSpot = solvedOnSpot
        self.attributes = attributes
        self.photos = photos
        self.channel = channel
        self.grid = grid
    }

    enum CodingKeys: String, CodingKey {
        case id, type, description, location, attributes, photos, channel, grid
        case occurredAt = "occurred_at"
        case solvedOnSpot = "solved_on_spot"
    }
}

/// `POST /api/v1/events/{id}/actions/{action}` body; each action reads the fields it needs.
public struct EventActionRequestDTO: Codable, Sendable, Equatable {
    public var note: String?
    public var reason: String?
    /// Target unit (id or code) for dispatch.
    public var unit: String?
    public var coHandlers: [String]?
    /// verify: passed or failed (rework).
    public var passed: Bool?
    public var stars: Int?
    /// unsatisfied, none, fair, very.
    public var satisfaction: String?
    /// extension: working days asked for.
    public var days: Int?
    /// accept: the level decided at triage.
    public var level: Int?
    /// merge: the event this one is a duplicate of; confirm_check: real or not.
    public var target: UUID?
    public var real: Bool?
    /// handle: base64 photos of the result.
    public var photos: [String]?
    /// rate: move the computed disposal stars by one, with a reason.
    public var disposalStars: Int?
    /// The version the client saw; a stale one answers 409.
    public var version: Int?

    public init(
        note: String? = nil, reason: String? = nil, unit: String? = nil, coHandlers: [String]? = nil, passed: Bool? = nil,
        stars: Int? = nil, satisfaction: String? = nil, days: Int? = nil, level: Int? = nil, target: UUID? = nil,
        real: Bool? = nil, photos: [String]? = nil, version: Int? = nil, disposalStars: Int? = nil
    ) {
        self.note = note
        self.reason = reason
        self.unit = unit
        self.coHandlers = coHandlers
        self.passed = passed
        self.stars = stars
        self.satisfaction = satisfaction
        self.days = days
        self.level = level
        self.target = target
        self.real = real
        self.photos = photos
        self.version = version
        self.disposalStars = disposalStars
    }

    enum CodingKeys: String, CodingKey {
        case note, reason, unit, passed, stars, satisfaction, days, level, target, real, photos, version
        case coHandlers = "co_handlers"
        case disposalStars = "disposal_stars"
    }
}

/// One step of an event's history.
public struct TimelineEntryDTO: Codable, Sendable, Equatable {
    public var at: Date
    public var actor: String
    public var actorRole: String?
    public var action: String
    public var from: String?
    public var to: String
    public var note: String?
    public var attachments: [String]

    public init(at: Date, actor: String, actorRole: String?, action: String, from: String?, to: String, note: String?, attachments: [String]) {
        self.at = at
        self.actor = actor
        self.actorRole = actorRole
        self.action = action
        self.from = from
        self.to = to
        self.note = note
        self.attachments = attachments
    }

    enum CodingKeys: String, CodingKey {
        case at, actor, action, from, to, note, attachments
        case actorRole = "actor_role"
    }
}

/// An event as the API shows it (`GET /api/v1/events/{id}` carries the timeline).
public struct EventDTO: Codable, Sendable, Equatable {
    public struct Party: Codable, Sendable, Equatable {
        public var id: UUID?
        public var name: String
        public init(id: UUID?, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var id: UUID
    public var number: String
    public var type: String
    public var typeName: String
    public var state: String
    public var stateLabel: String
    public var level: Int
    public var description: String
    public var grid: GridRefDTO
    public var unitPath: String
    public var ownerPath: String
    public var handlingUnit: String?
    public var deadline: Date?
    public var overdue: Bool
    public var location: ReportEventRequestDTO.Location
    public var mapPoint: PointDTO
    public var reporter: Party
    public var channel: String
    public var occurredAt: Date
    public var reportedAt: Date
    public var awaitingCheck: Bool
    public var parked: Bool
    public var pendingRequest: String?
    public var outcome: String?
    public var reworkCount: Int
    public var returnCount: Int
    public var version: Int
    public var attributes: [String: JSONValue]
    public var photos: [String]
    public var ratings: EventRatings?
    /// On a new report: open events of the same type close by, which it may duplicate (operators
    /// merge them; every merged reporter hears the outcome).
    public var possibleDuplicates: [DuplicateDTO]?
    public var timeline: [TimelineEntryDTO]?

    public init(
        id: UUID, number: String, type: String, typeName: String, state: String, stateLabel: String, level: Int, description: String,
        grid: GridRefDTO, unitPath: String, ownerPath: String, handlingUnit: String?, deadline: Date?, overdue: Bool,
        location: ReportEventRequestDTO.Location, mapPoint: PointDTO, reporter: Party, channel: String, occurredAt: Date,
        reportedAt: Date, awaitingCheck: Bool, parked: Bool, pendingRequest: String?, outcome: String?, reworkCount: Int,
        returnCount: Int, version: Int, attributes: [String: JSONValue], photos: [String], ratings: EventRatings? = nil,
        timeline: [TimelineEntryDTO]?
    ) {
        self.id = id
        self.number = number
        self.type = type
        self.typeName = typeName
        self.state = state
        self.stateLabel = stateLabel
        self.level = level
        self.description = description
        self.grid = grid
        self.unitPath = unitPath
        self.ownerPath = ownerPath
        self.handlingUnit = handlingUnit
        self.deadline = deadline
        self.overdue = overdue
        self.location = location
        self.mapPoint = mapPoint
        self.reporter = reporter
        self.channel = channel
        self.occurredAt = occurredAt
        self.reportedAt = reportedAt
        self.awaitingCheck = awaitingCheck
        self.parked = parked
        self.pendingRequest = pendingRequest
        self.outcome = outcome
        self.reworkCount = reworkCount
        self.returnCount = returnCount
        self.version = version
        self.attributes = attributes
        self.photos = photos
        self.ratings = ratings
        self.timeline = timeline
    }

    enum CodingKeys: String, CodingKey {
        case id, number, type, state, level, description, grid, deadline, overdue, location, reporter, channel, parked, outcome
        case version, attributes, photos, timeline, ratings
        case possibleDuplicates = "possible_duplicates"
        case typeName = "type_name"
        case stateLabel = "state_label"
        case unitPath = "unit_path"
        case ownerPath = "owner_path"
        case handlingUnit = "handling_unit"
        case mapPoint = "map_point"
        case occurredAt = "occurred_at"
        case reportedAt = "reported_at"
        case awaitingCheck = "awaiting_check"
        case pendingRequest = "pending_request"
        case reworkCount = "rework_count"
        case returnCount = "return_count"
    }
}

/// A page of events.
public typealias EventPageDTO = PageDTO<EventDTO>

/// `GET /api/v1/event-types`.
public struct EventTypeTreeDTO: Codable, Sendable, Equatable {
    public var items: [EventTypeNode]

    public init(items: [EventTypeNode]) {
        self.items = items
    }
}

/// One message in a user's inbox (站内消息): what happened to an event that concerns them.
public struct InboxItemDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var eventID: UUID?
    public var kind: String
    public var message: String
    public var createdAt: Date
    public var readAt: Date?

    public init(id: UUID, eventID: UUID?, kind: String, message: String, createdAt: Date, readAt: Date?) {
        self.id = id
        self.eventID = eventID
        self.kind = kind
        self.message = message
        self.createdAt = createdAt
        self.readAt = readAt
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, message
        case eventID = "event_id"
        case createdAt = "created_at"
        case readAt = "read_at"
    }
}

/// An open event close to a new report, of the same type.
public struct DuplicateDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var number: String
    public var state: String
    public var distanceM: Double
    public var reportedAt: Date

    public init(id: UUID, number: String, state: String, distanceM: Double, reportedAt: Date) {
        self.id = id
        self.number = number
        self.state = state
        self.distanceM = distanceM
        self.reportedAt = reportedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, number, state
        case distanceM = "distance_m"
        case reportedAt = "reported_at"
    }
}
