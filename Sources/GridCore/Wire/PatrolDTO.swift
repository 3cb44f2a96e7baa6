import Foundation

/// `PUT /api/v1/patrols/{id}`: the phone's whole view of one patrol, sent again whenever it
/// changes (start, new fixes, stop) — so a retried or replayed request changes nothing twice.
public struct PatrolUpsertDTO: Codable, Sendable, Equatable {
    public var startedAt: Date
    public var endedAt: Date?
    /// The grid patrolled (code); the worker's own grid when absent.
    public var grid: String?
    /// WGS-84 fixes since the last send (or all of them: repeats are merged away).
    public var points: [TrackPoint]?
    /// Events reported during the patrol (their client-made ids); merged with those sent before.
    public var events: [UUID]?

    public init(startedAt: Date, endedAt: Date? = nil, grid: String? = nil, points: [TrackPoint]? = nil, events: [UUID]? = nil) {
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.grid = grid
        self.points = points
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case grid, points, events
        case startedAt = "started_at"
        case endedAt = "ended_at"
    }
}

/// One patrol as the API answers it.
public struct PatrolDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var workerID: UUID
    public var workerName: String
    public var gridPath: String
    public var gridCode: String
    /// The local day it began on.
    public var day: String
    public var startedAt: Date
    public var endedAt: Date?
    /// Counted up to now while open (at most 14 h).
    public var seconds: Int
    public var distanceM: Int
    public var track: [TrackPoint]?
    /// Events reported during the patrol, as the server found them (the caller's own reports).
    public var eventIDs: [UUID]

    public init(
        id: UUID, workerID: UUID, workerName: String, gridPath: String, gridCode: String, day: String, startedAt: Date, endedAt: Date?,
        seconds: Int, distanceM: Int, track: [TrackPoint]?, eventIDs: [UUID] = []
    ) {
        self.eventIDs = eventIDs
        self.id = id
        self.workerID = workerID
        self.workerName = workerName
        self.gridPath = gridPath
        self.gridCode = gridCode
        self.day = day
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.seconds = seconds
        self.distanceM = distanceM
        self.track = track
    }

    enum CodingKeys: String, CodingKey {
        case id, day, seconds, track
        case workerID = "worker_id"
        case workerName = "worker_name"
        case gridPath = "grid_path"
        case gridCode = "grid_code"
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case distanceM = "distance_m"
        case eventIDs = "event_ids"
    }
}

/// `GET /api/v1/patrols?day=`: a day's patrols and each worker's time against the standard.
public struct PatrolDayDTO: Codable, Sendable, Equatable {
    public struct Worker: Codable, Sendable, Equatable {
        public var workerID: UUID
        public var workerName: String
        public var seconds: Int
        /// At least the daily standard (4 h).
        public var met: Bool

        public init(workerID: UUID, workerName: String, seconds: Int, met: Bool) {
            self.workerID = workerID
            self.workerName = workerName
            self.seconds = seconds
            self.met = met
        }

        enum CodingKeys: String, CodingKey {
            case seconds, met
            case workerID = "worker_id"
            case workerName = "worker_name"
        }
    }

    public var day: String
    public var standardSeconds: Int
    public var items: [PatrolDTO]
    public var workers: [Worker]

    public init(day: String, standardSeconds: Int, items: [PatrolDTO], workers: [Worker]) {
        self.day = day
        self.standardSeconds = standardSeconds
        self.items = items
        self.workers = workers
    }

    enum CodingKeys: String, CodingKey {
        case day, items, workers
        case standardSeconds = "standard_seconds"
    }
}
