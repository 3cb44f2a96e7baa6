import Foundation

/// `GET /api/v1/sync?since=<cursor>`: what changed for the signed-in grid worker since the
/// cursor, or everything on the first call (`full`). The phone keeps it for offline use (the
/// admission list, its grid, buildings, rooms, residents masked, and where its own reports stand)
/// and upserts every record by id; a record sent twice is harmless, a record missed is not, so
/// the server errs on the side of sending again (see `SyncCursor`).
public struct SyncDeltaDTO: Codable, Sendable, Equatable {
    /// Send it back as `since` next time; opaque to the client.
    public var cursor: String
    /// True on the first call, and when the cursor no longer fits the account (another user, a
    /// changed area, an older cursor format): the client replaces its cache instead of merging.
    public var full: Bool
    public var serverTime: Date
    /// The admission list, only when it changed since the cursor.
    public var eventTypes: SyncEventTypesDTO?
    /// The caller's grids, only when one of them changed (outline, name, staff); all of them then.
    public var grids: [SyncGridDTO]?
    /// Basic data of the caller's area changed since the cursor (empty without the right to read
    /// basic data, or for an area larger than a community).
    public var buildings: [BuildingDTO]
    public var rooms: [RoomDTO]
    /// Residents with identifiers masked as the people API masks them; someone who moved out
    /// comes with `moved_out_on` so the client can drop them.
    public var people: [PersonDTO]
    /// The caller's own reports whose state moved since the cursor.
    public var events: [SyncEventDTO]

    public init(
        cursor: String, full: Bool, serverTime: Date, eventTypes: SyncEventTypesDTO?, grids: [SyncGridDTO]?, buildings: [BuildingDTO],
        rooms: [RoomDTO], people: [PersonDTO], events: [SyncEventDTO]
    ) {
        self.cursor = cursor
        self.full = full
        self.serverTime = serverTime
        self.eventTypes = eventTypes
        self.grids = grids
        self.buildings = buildings
        self.rooms = rooms
        self.people = people
        self.events = events
    }

    /// Nothing but the cursor moved.
    public var isEmpty: Bool {
        eventTypes == nil && grids == nil && buildings.isEmpty && rooms.isEmpty && people.isEmpty && events.isEmpty
    }

    enum CodingKeys: String, CodingKey {
        case cursor, full, grids, buildings, rooms, people, events
        case serverTime = "server_time"
        case eventTypes = "event_types"
    }
}

/// The admission list with a version (a digest of its content), so a phone can tell whether the
/// list it picks from is the current one.
public struct SyncEventTypesDTO: Codable, Sendable, Equatable {
    public var version: String
    public var items: [EventTypeNode]

    public init(version: String, items: [EventTypeNode]) {
        self.version = version
        self.items = items
    }
}

/// One of the caller's grids: its outline as a GeoJSON Feature in GCJ-02 (the datum of Chinese
/// web maps and of the stored boundaries) and who serves it.
public struct SyncGridDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var unitPath: String
    public var outline: GeoJSONFeature
    public var staff: [GridStaffDTO]

    public init(id: UUID, code: String, name: String, kind: UnitKind, unitPath: String, outline: GeoJSONFeature, staff: [GridStaffDTO]) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.unitPath = unitPath
        self.outline = outline
        self.staff = staff
    }

    enum CodingKeys: String, CodingKey {
        case id, code, name, kind, outline, staff
        case unitPath = "unit_path"
    }
}

/// Where one of the caller's reports stands now (闭环反馈: the outcome reaches the reporter).
public struct SyncEventDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var number: String
    public var type: String
    public var typeName: String
    public var state: String
    public var stateLabel: String
    public var level: Int
    public var version: Int
    public var occurredAt: Date
    public var reportedAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, number: String, type: String, typeName: String, state: String, stateLabel: String, level: Int, version: Int,
        occurredAt: Date, reportedAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.number = number
        self.type = type
        self.typeName = typeName
        self.state = state
        self.stateLabel = stateLabel
        self.level = level
        self.version = version
        self.occurredAt = occurredAt
        self.reportedAt = reportedAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, number, type, state, level, version
        case typeName = "type_name"
        case stateLabel = "state_label"
        case occurredAt = "occurred_at"
        case reportedAt = "reported_at"
        case updatedAt = "updated_at"
    }
}
