import FluentKit
import Foundation
import GridCore
import SQLKit

/// An event as stored: the state-machine snapshot and the facts of the report.
public struct StoredEvent: Sendable, Equatable {
    public var snapshot: EventSnapshot
    public var number: String
    public var description: String
    public var channel: String
    public var location: Coordinate
    public var locationDatum: Datum
    /// GCJ-02, the map's datum.
    public var mapPoint: Coordinate
    public var gridID: UUID
    public var occurredAt: Date
    public var reporterName: String
    public var attributes: [String: JSONValue]
    public var contentHash: String
    public var ratings: EventRatings

    public init(
        snapshot: EventSnapshot, number: String, description: String, channel: String, location: Coordinate, locationDatum: Datum,
        mapPoint: Coordinate, gridID: UUID, occurredAt: Date, reporterName: String, attributes: [String: JSONValue], contentHash: String,
        ratings: EventRatings = EventRatings()
    ) {
        self.snapshot = snapshot
        self.number = number
        self.description = description
        self.channel = channel
        self.location = location
        self.locationDatum = locationDatum
        self.mapPoint = mapPoint
        self.gridID = gridID
        self.occurredAt = occurredAt
        self.reporterName = reporterName
        self.attributes = attributes
        self.contentHash = contentHash
        self.ratings = ratings
    }
}

/// A timeline row with the actor's name, as screens show it.
public struct StoredTimelineEntry: Sendable, Equatable {
    public var entry: TimelineEntry
    public var actorName: String
}

/// Events, their timelines, photos and the inbox. Writes that change an event go through
/// `update`, which checks the version the change started from (optimistic locking).
public enum EventStore {
    /// The next ticket number of a local day: `YYMMDD` + 5 digits (`26112300042`).
    public static func nextNumber(day: CalendarDay, on db: any Database) async throws -> String {
        let key = day.description
        let row = try await (try db.sql).raw("""
            INSERT INTO event_numbers (day, last) VALUES (\(bind: key), 1)
            ON CONFLICT (day) DO UPDATE SET last = event_numbers.last + 1
            RETURNING last
            """).first()
        let last = try row?.decode(column: "last", as: Int.self) ?? 1
        let compact = String(key.replacingOccurrences(of: "-", with: "").dropFirst(2))
        return compact + String(format: "%05d", last)
    }

    /// Inserts a new event with its first timeline entry; false when the id already exists (a
    /// repeated submission), in which case nothing is written.
    public static func insert(_ event: StoredEvent, entry: TimelineEntry, actorName: String, on db: any Database, now: Date) async throws -> Bool {
        try await insertReturning(event, entry: entry, actorName: actorName, on: db, now: now) != nil
    }

    /// Inserts a new event with its first timeline entry and answers the event as stored (the row
    /// the insert wrote, read back by `RETURNING` in the same statement, so that a caller answers
    /// without reading it again); nil when the id already exists, in which case nothing is written.
    public static func insertReturning(
        _ event: StoredEvent, entry: TimelineEntry, actorName: String, on db: any Database, now: Date
    ) async throws -> StoredEvent? {
        let s = event.snapshot
        let inserted = try await (try db.sql).raw("""
            INSERT INTO events (id, number, type_code, description, channel, location_lon, location_lat, location_datum,
              map_lon, map_lat, grid_id, grid_path, owner_path, handler_path, state, level, reporter_id, reporter_name,
              occurred_at, reported_at, deadline_at, closed_at, day, content_hash, attributes, snapshot, version, updated_at,
              handled_at, handling_due_at)
            VALUES (\(bind: s.id), \(bind: event.number), \(bind: s.typeCode), \(bind: event.description), \(bind: event.channel),
              \(bind: event.location.lon), \(bind: event.location.lat), \(bind: event.locationDatum.rawValue),
              \(bind: event.mapPoint.lon), \(bind: event.mapPoint.lat), \(bind: event.gridID), \(bind: s.gridPath.rawValue),
              \(bind: s.ownerPath.rawValue), \(bind: s.handlingUnit?.path.rawValue), \(bind: s.state.rawValue), \(bind: s.level),
              \(bind: s.reporterID), \(bind: event.reporterName), \(bind: event.occurredAt), \(bind: s.reportedAt),
              \(bind: s.deadline?.end), \(bind: s.closedAt), \(bind: localDay(s.reportedAt)),
              \(bind: event.contentHash), \(bind: try StoreJSON.text(event.attributes)), \(bind: try StoreJSON.text(s)), \(bind: s.version), \(bind: now),
              \(bind: s.handledAt), \(bind: s.handlingDeadline?.end))
            ON CONFLICT (id) DO NOTHING
            RETURNING *
            """).first()
        guard let inserted else { return nil }
        // The event is new, so its timeline is empty (rows reference the event): this is entry 1.
        try await insertTimeline(s.id, seq: 1, entry: entry, actorName: actorName, on: db)
        try await IndicatorStore.apply(EventFacts.delta(from: nil, to: (s, event.ratings), day: IndicatorStore.day), on: db)
        return try decode(inserted)
    }

    /// Writes a transition if the event is still as `previous` read it; false when someone else
    /// changed it first (the caller answers 409 with the current state). The indicator tables
    /// move by the difference in the same transaction.
    public static func update(
        _ snapshot: EventSnapshot, from previous: StoredEvent, entry: TimelineEntry, actorName: String, on db: any Database, now: Date
    ) async throws -> Bool {
        let expectedVersion = previous.snapshot.version
        let row = try await (try db.sql).raw("""
            UPDATE events SET state = \(bind: snapshot.state.rawValue), level = \(bind: snapshot.level),
              owner_path = \(bind: snapshot.ownerPath.rawValue), handler_path = \(bind: snapshot.handlingUnit?.path.rawValue),
              deadline_at = \(bind: snapshot.deadline?.end), closed_at = \(bind: snapshot.closedAt),
              handled_at = \(bind: snapshot.handledAt), handling_due_at = \(bind: snapshot.handlingDeadline?.end),
              snapshot = \(bind: try StoreJSON.text(snapshot)), version = \(bind: snapshot.version), updated_at = \(bind: now)
            WHERE id = \(bind: snapshot.id) AND version = \(bind: expectedVersion)
            RETURNING id
            """).first()
        guard row != nil else { return false }
        try await appendTimeline(snapshot.id, entry: entry, actorName: actorName, on: db)
        try await IndicatorStore.apply(
            EventFacts.delta(from: (previous.snapshot, previous.ratings), to: (snapshot, previous.ratings), day: IndicatorStore.day), on: db)
        return true
    }

    /// Saves ratings under the event's version (the version moves on, as for any change).
    public static func saveRatings(
        _ ratings: EventRatings, of snapshot: EventSnapshot, from previous: StoredEvent, entry: TimelineEntry, actorName: String,
        on db: any Database, now: Date
    ) async throws -> Bool {
        let expectedVersion = previous.snapshot.version
        let row = try await (try db.sql).raw("""
            UPDATE events SET ratings = \(bind: try StoreJSON.text(ratings)), snapshot = \(bind: try StoreJSON.text(snapshot)),
              version = \(bind: snapshot.version), updated_at = \(bind: now)
            WHERE id = \(bind: snapshot.id) AND version = \(bind: expectedVersion)
            RETURNING id
            """).first()
        guard row != nil else { return false }
        try await appendTimeline(snapshot.id, entry: entry, actorName: actorName, on: db)
        try await IndicatorStore.apply(
            EventFacts.delta(from: (previous.snapshot, previous.ratings), to: (snapshot, ratings), day: IndicatorStore.day), on: db)
        return true
    }

    private static func appendTimeline(_ eventID: UUID, entry: TimelineEntry, actorName: String, on db: any Database) async throws {
        let next = try await (try db.sql).raw("SELECT COUNT(*) AS n FROM event_timeline WHERE event_id = \(bind: eventID)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        try await insertTimeline(eventID, seq: next + 1, entry: entry, actorName: actorName, on: db)
    }

    private static func insertTimeline(_ eventID: UUID, seq: Int, entry: TimelineEntry, actorName: String, on db: any Database) async throws {
        try await (try db.sql).raw("""
            INSERT INTO event_timeline (id, event_id, seq, at, actor_id, actor_name, actor_role, action, from_state, to_state, note, attachments)
            VALUES (\(bind: UUID()), \(bind: eventID), \(bind: seq), \(bind: entry.at), \(bind: entry.actorID), \(bind: actorName),
              \(bind: entry.actorRole?.rawValue), \(bind: entry.action.rawValue), \(bind: entry.from?.rawValue), \(bind: entry.to.rawValue),
              \(bind: entry.note), \(bind: try StoreJSON.text(entry.attachments)))
            """).run()
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> StoredEvent? {
        try await (try db.sql).raw("SELECT * FROM events WHERE id = \(bind: id)").first().map(decode)
    }

    public static func timeline(_ id: UUID, on db: any Database) async throws -> [StoredTimelineEntry] {
        try await (try db.sql).raw("SELECT * FROM event_timeline WHERE event_id = \(bind: id) ORDER BY seq").all().map { row in
            let action = try row.decode(column: "action", as: String.self)
            guard let name = EventAction.Name(rawValue: action),
                  let to = EventState(rawValue: try row.decode(column: "to_state", as: String.self))
            else { throw StoreError.corruptRow(table: "event_timeline", id: id.uuidString) }
            let entry = TimelineEntry(
                at: try row.decode(column: "at", as: Date.self),
                actorID: try row.decode(column: "actor_id", as: UUID?.self) ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                actorRole: try row.decode(column: "actor_role", as: String?.self).flatMap(Role.init(rawValue:)),
                action: name, from: try row.decode(column: "from_state", as: String?.self).flatMap(EventState.init(rawValue:)), to: to,
                note: try row.decode(column: "note", as: String?.self),
                attachments: try StoreJSON.decode([String].self, from: try row.decode(column: "attachments", as: String.self)))
            return StoredTimelineEntry(entry: entry, actorName: try row.decode(column: "actor_name", as: String.self))
        }
    }

    // MARK: figures per grid

    /// Open and overdue events per grid under `path`, for the map's colours and cards.
    /// Open events past their current stage's deadline at `now`, per grid under `path` — the
    /// list's overdue rule (`Filter.overdueAt`), written with the open states listed so that the
    /// planner can walk the (state, deadline) index rather than a district's every event.
    public static func overdueByGrid(under path: UnitPath, now: Date, on db: any Database) async throws -> [UnitPath: Int] {
        let open = SQLGroupExpression(EventState.allCases.filter(\.isOpen).map { SQLBind($0.rawValue) })
        let rows = try await (try db.sql).raw("""
            SELECT grid_path, COUNT(*) AS overdue FROM events
            WHERE state IN \(open) AND deadline_at < \(bind: now) AND \(unsafeRaw: EventListIndexes.openCondition)
              AND grid_path >= \(bind: path.rawValue) AND grid_path < \(bind: path.subtreeUpperBound)
            GROUP BY grid_path
            """).all()
        var counts: [UnitPath: Int] = [:]
        for row in rows {
            guard let grid = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)) else { continue }
            counts[grid] = try row.decode(column: "overdue", as: Int.self)
        }
        return counts
    }

    public static func countsByGrid(under path: UnitPath, now: Date, on db: any Database) async throws -> [UnitPath: (open: Int, overdue: Int)] {
        // Restricted to open states so that the open events' index answers alone (a district's
        // map reads 589 grids' counts). Overdue is `EventSnapshot.isOverdue`'s rule, as in
        // `overdueByGrid`: any open stage past its deadline (a parked event has none).
        let rows = try await (try db.sql).raw("""
            SELECT grid_path, COUNT(*) AS open_count,
              SUM(CASE WHEN deadline_at < \(bind: now) THEN 1 ELSE 0 END) AS overdue_count
            FROM events
            WHERE grid_path >= \(bind: path.rawValue) AND grid_path < \(bind: path.subtreeUpperBound)
              AND \(unsafeRaw: EventListIndexes.openCondition)
            GROUP BY grid_path
            """).all()
        var counts: [UnitPath: (open: Int, overdue: Int)] = [:]
        for row in rows {
            guard let grid = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)) else { continue }
            counts[grid] = (try row.decode(column: "open_count", as: Int.self), try row.decode(column: "overdue_count", as: Int.self))
        }
        return counts
    }

    /// Open events in the hands of each unit (lead handler), keyed by the unit's path: the load a
    /// dispatcher weighs before picking a department.
    public static func openLoad(under path: UnitPath, on db: any Database) async throws -> [UnitPath: Int] {
        let rows = try await (try db.sql).raw("""
            SELECT handler_path, COUNT(*) AS n FROM events
            WHERE handler_path >= \(bind: path.rawValue) AND handler_path < \(bind: path.subtreeUpperBound)
              AND state IN ('dispatched', 'in_progress', 'returned', 'handled')
            GROUP BY handler_path
            """).all()
        var load: [UnitPath: Int] = [:]
        for row in rows {
            if let path = UnitPath(rawValue: try row.decode(column: "handler_path", as: String.self)) {
                load[path] = try row.decode(column: "n", as: Int.self)
            }
        }
        return load
    }

    // MARK: duplicates

    /// Open events of `typeCode` reported since `since` within `radius` metres of `point`
    /// (GCJ-02), nearest first: the candidates a new report may duplicate (重复上报).
    public static func nearby(
        typeCode: String, point: Coordinate, radius: Double, since: Date, excluding id: UUID, on db: any Database
    ) async throws -> [(event: StoredEvent, distance: Double)] {
        let dLat = radius / 111_320
        let dLon = radius / (111_320 * max(cos(point.lat * .pi / 180), 0.01))
        let rows = try await (try db.sql).raw("""
            SELECT * FROM events
            WHERE type_code = \(bind: typeCode) AND reported_at >= \(bind: since) AND id <> \(bind: id)
              AND \(unsafeRaw: EventListIndexes.openCondition)
              AND map_lon BETWEEN \(bind: point.lon - dLon) AND \(bind: point.lon + dLon)
              AND map_lat BETWEEN \(bind: point.lat - dLat) AND \(bind: point.lat + dLat)
            """).all()
        return try rows.map(decode)
            .map { ($0, Self.metres(point, $0.mapPoint)) }
            .filter { $0.1 <= radius }
            .sorted { $0.1 < $1.1 }
    }

    /// Great-circle distance in metres (haversine): plenty for tens of metres.
    static func metres(_ a: Coordinate, _ b: Coordinate) -> Double {
        let r = 6_371_008.8
        let dLat = (b.lat - a.lat) * .pi / 180, dLon = (b.lon - a.lon) * .pi / 180
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * .pi / 180) * cos(b.lat * .pi / 180) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }

    // MARK: the overdue sweep

    /// Claims up to `limit` open events whose deadline passed and that the sweep has not acted on
    /// for that deadline, and runs `body` on each inside one transaction. On PostgreSQL the rows
    /// are locked with `FOR UPDATE SKIP LOCKED`, so a second instance sweeping at the same time
    /// takes other rows; SQLite has a single writer (the caller serialises sweeps).
    public static func claimOverdue(
        now: Date, states: [EventState], limit: Int, on db: any Database,
        _ body: @escaping @Sendable (StoredEvent, any Database) async throws -> Void
    ) async throws -> Int {
        guard !states.isEmpty else { return 0 }
        return try await db.transaction { tx in
            let lock: SQLQueryString = SQLDialectKind(tx) == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
            // Raw values of a closed enum: safe to inline.
            let stateList = states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let rows = try await (try tx.sql).raw("""
                SELECT * FROM events
                WHERE deadline_at < \(bind: now) AND state IN (\(unsafeRaw: stateList))
                  AND (sweep_mark IS NULL OR sweep_mark <> deadline_at)
                ORDER BY deadline_at LIMIT \(literal: limit)\(lock)
                """).all()
            for row in rows {
                let event = try decode(row)
                try await body(event, tx)
                try await (try tx.sql).raw("""
                    UPDATE events SET sweep_mark = deadline_at WHERE id = \(bind: event.snapshot.id)
                    """).run()
            }
            return rows.count
        }
    }

    // MARK: photos

    public static func addPhoto(_ eventID: UUID, sha256: String, kind: ImageKind, size: Int, stage: String, on db: any Database, now: Date) async throws {
        try await (try db.sql).raw("""
            INSERT INTO event_photos (id, event_id, sha256, kind, size, stage, created_at)
            VALUES (\(bind: UUID()), \(bind: eventID), \(bind: sha256), \(bind: kind.rawValue), \(bind: size), \(bind: stage), \(bind: now))
            """).run()
    }

    public static func photos(_ eventID: UUID, on db: any Database) async throws -> [(sha256: String, kind: ImageKind, stage: String)] {
        try await (try db.sql).raw("SELECT sha256, kind, stage FROM event_photos WHERE event_id = \(bind: eventID) ORDER BY created_at").all().compactMap { row in
            guard let kind = ImageKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return (try row.decode(column: "sha256", as: String.self), kind, try row.decode(column: "stage", as: String.self))
        }
    }

    // MARK: inbox

    /// Tells the recipient in the inbox and, for a unit, queues the webhook messages its
    /// subscribed systems want (same transaction).
    public static func notify(_ notice: EventNotice, on db: any Database, now: Date) async throws {
        try await post(to: notice.recipient, kind: notice.kind.rawValue, message: notice.message, eventID: notice.eventID, on: db, now: now)
        guard case .unit(let path, _) = notice.recipient else { return }
        try await WebhookStore.enqueue(kind: notice.kind.rawValue, recipient: path, message: notice.message, on: db, now: now) {
            try await find(notice.eventID, on: db).map { WebhookPayload.EventSummary($0.snapshot, number: $0.number) }
        }
    }

    /// Puts a message in an inbox: about an event, or about something else (a campaign) with no event.
    public static func post(
        to recipient: EventNotice.Recipient, kind: String, message: LocalizedText, eventID: UUID?, on db: any Database, now: Date
    ) async throws {
        var userID: UUID?
        var unitPath: String?
        var roles: String?
        switch recipient {
        case .user(let id): userID = id
        case .unit(let path, let wanted):
            unitPath = path.rawValue
            roles = wanted.map(\.rawValue).sorted().joined(separator: " ")
        }
        try await (try db.sql).raw("""
            INSERT INTO inbox (id, user_id, unit_path, roles, event_id, kind, message_zh, message_en, created_at)
            VALUES (\(bind: UUID()), \(bind: userID), \(bind: unitPath), \(bind: roles), \(bind: eventID), \(bind: kind),
              \(bind: message.zhHans), \(bind: message.en), \(bind: now))
            """).run()
    }

    /// The inbox of a user: messages to them, and to their unit for any of their roles. Newest first.
    public static func inbox(
        userID: UUID, unitPath: UnitPath, roles: [Role], unreadOnly: Bool, language: Language, page: Int, per: Int, on db: any Database
    ) async throws -> PageDTO<InboxItemDTO> {
        let unread: SQLQueryString = unreadOnly ? " AND read_at IS NULL" : ""
        let rows = try await (try db.sql).raw("""
            SELECT * FROM inbox WHERE (user_id = \(bind: userID) OR unit_path = \(bind: unitPath.rawValue))\(unread)
            ORDER BY created_at DESC, id
            """).all()
        let mine = Set(roles.map(\.rawValue))
        let items = try rows.compactMap { row -> InboxItemDTO? in
            if try row.decode(column: "user_id", as: UUID?.self) == nil {
                let wanted = Set((try row.decode(column: "roles", as: String?.self) ?? "").split(separator: " ").map(String.init))
                guard !wanted.isDisjoint(with: mine) else { return nil }
            }
            return InboxItemDTO(
                id: try row.decode(column: "id", as: UUID.self), eventID: try row.decode(column: "event_id", as: UUID?.self),
                kind: try row.decode(column: "kind", as: String.self),
                message: try row.decode(column: language == .zhHans ? "message_zh" : "message_en", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self), readAt: try row.decode(column: "read_at", as: Date?.self))
        }
        let start = min((page - 1) * per, items.count)
        return PageDTO(items: Array(items[start..<min(start + per, items.count)]), page: page, per: per, total: items.count)
    }

    /// Marks a message read; false when it is not the user's (or their unit's).
    public static func markRead(_ id: UUID, userID: UUID, unitPath: UnitPath, on db: any Database, now: Date) async throws -> Bool {
        try await (try db.sql).raw("""
            UPDATE inbox SET read_at = \(bind: now)
            WHERE id = \(bind: id) AND (user_id = \(bind: userID) OR unit_path = \(bind: unitPath.rawValue)) AND read_at IS NULL
            RETURNING id
            """).first() != nil
    }

    // MARK: lists

    /// What a list may filter on; every list is limited to the caller's scope by the server.
    public struct Filter: Sendable {
        public var states: [EventState]?
        public var ownerUnder: UnitPath?
        /// Events owned by exactly this unit (work waiting at that level, not below it).
        public var ownerIs: UnitPath?
        /// Only events no unit was dispatched to (the community handling its own).
        public var undispatched = false
        public var gridUnder: UnitPath?
        /// Events the caller can see: in the scope by territory, or dispatched to a unit in it.
        public var visibleTo: UnitPath?
        public var handlerUnder: UnitPath?
        public var typeCode: String?
        public var level: Int?
        public var reporterID: UUID?
        public var overdueAt: Date?
        public var from: Date?
        public var to: Date?
        public var text: String?
        /// Members of one special rectification.
        public var campaignID: UUID?
        public var sort: Sort = .newest

        public init() {}

        /// Nothing but the visibility scope narrows it.
        var isWholeTerritory: Bool {
            states == nil && ownerUnder == nil && ownerIs == nil && !undispatched && gridUnder == nil && handlerUnder == nil
                && typeCode == nil && level == nil && reporterID == nil && overdueAt == nil && from == nil && to == nil
                && (text ?? "").isEmpty && campaignID == nil
        }

        /// Holds open events only — by its states or as overdue — so the open events' indexes can answer.
        var onlyOpen: Bool {
            if overdueAt != nil { return true }
            guard let states, !states.isEmpty else { return false }
            return states.allSatisfy(\.isOpen)
        }
    }

    /// List orders (`sort=` on the wire).
    public enum Sort: String, Sendable, CaseIterable {
        case newest = "-reported_at"
        case oldest = "reported_at"
        /// Most urgent first; events without a deadline last.
        case deadline
        case latestDeadline = "-deadline"
        case highestLevel = "-level"
        case lowestLevel = "level"

        var orderBy: String {
            switch self {
            case .newest: "reported_at DESC, id"
            case .oldest: "reported_at, id"
            case .deadline: "CASE WHEN deadline_at IS NULL THEN 1 ELSE 0 END, deadline_at, id"
            case .latestDeadline: "CASE WHEN deadline_at IS NULL THEN 1 ELSE 0 END, deadline_at DESC, id"
            case .highestLevel: "level DESC, reported_at DESC, id"
            case .lowestLevel: "level, reported_at DESC, id"
            }
        }
    }

    public static func list(_ filter: Filter, page: Int, per: Int, on db: any Database) async throws -> (items: [StoredEvent], total: Int) {
        let sql = try db.sql
        let whereClause = condition(filter)
        let total = try await count(filter, on: db)
        // Two phases: order and cut the page by id (from indexes where they cover the sort), then
        // read the page's wide rows — sorting whole rows with their snapshots costs seconds for a
        // district.
        let ids = try await sql.raw("""
            SELECT id FROM events WHERE \(whereClause) ORDER BY \(unsafeRaw: filter.sort.orderBy) LIMIT \(literal: per) OFFSET \(literal: (page - 1) * per)
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return ([], total) }
        let rows = try await sql.raw("SELECT * FROM events WHERE id IN \(SQLGroupExpression(ids.map { SQLBind($0) }))").all()
        let byID = Dictionary(try rows.map { row in (try row.decode(column: "id", as: UUID.self), row) }, uniquingKeysWith: { first, _ in first })
        return (try ids.compactMap { byID[$0] }.map(decode), total)
    }

    /// How many events a list would hold (the console's tab counts).
    public static func count(_ filter: Filter, on db: any Database) async throws -> Int {
        try await (try db.sql).raw("SELECT COUNT(*) AS n FROM events WHERE \(condition(filter))").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// One event by its ticket number (事件编号).
    public static func find(number: String, on db: any Database) async throws -> StoredEvent? {
        try await (try db.sql).raw("SELECT * FROM events WHERE number = \(bind: number)").first().map(decode)
    }

    static func condition(_ filter: Filter) -> any SQLExpression {
        var conditions: [any SQLExpression] = []
        func range(_ column: String, _ path: UnitPath) -> SQLQueryString {
            "(\(ident: column) >= \(bind: path.rawValue) AND \(ident: column) < \(bind: path.subtreeUpperBound))"
        }
        if let states = filter.states, !states.isEmpty {
            conditions.append(SQLBinaryExpression(SQLIdentifier("state"), .in, SQLGroupExpression(states.map { SQLBind($0.rawValue) })))
        }
        if let path = filter.ownerUnder { conditions.append(range("owner_path", path)) }
        if let path = filter.gridUnder { conditions.append(range("grid_path", path)) }
        if let path = filter.ownerIs { conditions.append("owner_path = \(bind: path.rawValue)" as SQLQueryString) }
        if filter.undispatched { conditions.append(SQLRaw("handler_path IS NULL")) }
        if let path = filter.handlerUnder { conditions.append(range("handler_path", path)) }
        if let path = filter.visibleTo {
            // An event's grid, owner and handler all lie in one district (routing never leaves
            // it), so for a whole district the grid alone decides — one index range instead of a
            // three-index OR that costs a district's inbox counts a third of a second each.
            if path.depth == 0, filter.isWholeTerritory, [.newest, .oldest].contains(filter.sort) {
                // Every event of the district, newest first: the planner, taking the range for a
                // selective one, sorted the whole year to cut a page (~0.1 s); told that nearly
                // every row matches, it walks the report-time index and stops after the page.
                conditions.append(SQLiteLikely(terms: [
                    "grid_path >= \(bind: path.rawValue)" as SQLQueryString, "grid_path < \(bind: path.subtreeUpperBound)" as SQLQueryString,
                ]))
            } else if path.depth == 0 {
                conditions.append(range("grid_path", path))
            } else {
                conditions.append("(\(range("grid_path", path)) OR \(range("handler_path", path)) OR \(range("owner_path", path)))" as SQLQueryString)
            }
        }
        if let code = filter.typeCode { conditions.append("type_code = \(bind: code)" as SQLQueryString) }
        if let level = filter.level { conditions.append("level = \(bind: level)" as SQLQueryString) }
        if let reporter = filter.reporterID { conditions.append("reporter_id = \(bind: reporter)" as SQLQueryString) }
        if let now = filter.overdueAt {
            // The same rule as `EventSnapshot.isOverdue`: any open stage past its deadline (a parked
            // event has none). The open states are listed (not "NOT IN" the closed ones) so the
            // (state, deadline) index can answer.
            let open = SQLGroupExpression(EventState.allCases.filter(\.isOpen).map { SQLBind($0.rawValue) })
            conditions.append("(deadline_at < \(bind: now) AND state IN \(open))" as SQLQueryString)
        }
        if let campaign = filter.campaignID {
            conditions.append("id IN (SELECT event_id FROM campaign_events WHERE campaign_id = \(bind: campaign))" as SQLQueryString)
        }
        if let from = filter.from { conditions.append("reported_at >= \(bind: from)" as SQLQueryString) }
        if let to = filter.to { conditions.append("reported_at < \(bind: to)" as SQLQueryString) }
        if let text = filter.text, !text.isEmpty {
            let pattern = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            conditions.append("(description LIKE \(bind: pattern) OR number = \(bind: text))" as SQLQueryString)
        }
        if filter.onlyOpen { conditions.append(SQLRaw(EventListIndexes.openCondition)) }
        return conditions.isEmpty ? SQLRaw("1 = 1") : SQLList(conditions, separator: SQLRaw(" AND "))
    }

    // MARK: rows

    static func decode(_ row: any SQLRow) throws -> StoredEvent {
        let snapshot = try StoreJSON.decode(EventSnapshot.self, from: try row.decode(column: "snapshot", as: String.self))
        guard let datum = Datum(rawValue: try row.decode(column: "location_datum", as: String.self)) else {
            throw StoreError.corruptRow(table: "events", id: snapshot.id.uuidString)
        }
        return StoredEvent(
            snapshot: snapshot, number: try row.decode(column: "number", as: String.self),
            description: try row.decode(column: "description", as: String.self), channel: try row.decode(column: "channel", as: String.self),
            location: Coordinate(lon: try row.decode(column: "location_lon", as: Double.self), lat: try row.decode(column: "location_lat", as: Double.self)),
            locationDatum: datum,
            mapPoint: Coordinate(lon: try row.decode(column: "map_lon", as: Double.self), lat: try row.decode(column: "map_lat", as: Double.self)),
            gridID: try row.decode(column: "grid_id", as: UUID.self), occurredAt: try row.decode(column: "occurred_at", as: Date.self),
            reporterName: try row.decode(column: "reporter_name", as: String.self),
            attributes: try StoreJSON.decode([String: JSONValue].self, from: try row.decode(column: "attributes", as: String.self)),
            contentHash: try row.decode(column: "content_hash", as: String.self),
            ratings: try row.decode(column: "ratings", as: String?.self).map { try StoreJSON.decode(EventRatings.self, from: $0) }
                ?? EventRatings())
    }

    static func localDay(_ date: Date) -> String {
        WorkingCalendar().day(of: date).description
    }
}
