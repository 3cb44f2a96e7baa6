import FluentKit
import Foundation
import GridCore
import SQLKit

/// A risk of the register as stored (风险台账的一条): the event's id, number, type and place,
/// the assessment with its level, the controls and the state.
public struct StoredRisk: Sendable, Equatable {
    public var id: UUID
    public var eventNumber: String
    public var typeCode: String
    public var gridPath: UnitPath
    public var mapPoint: Coordinate
    public var assessment: RiskAssessment
    public var level: RiskLevel
    public var control: RiskControl?
    public var state: RiskState
    public var reportedAt: Date
    public var warnedAt: Date?
    public var closedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date
    /// Optimistic-locking version: 1 when assessed, one more per operator's write.
    public var version: Int

    public init(
        id: UUID, eventNumber: String, typeCode: String, gridPath: UnitPath, mapPoint: Coordinate, assessment: RiskAssessment,
        level: RiskLevel, control: RiskControl? = nil, state: RiskState, reportedAt: Date, warnedAt: Date? = nil, closedAt: Date? = nil,
        createdAt: Date, updatedAt: Date, version: Int = 1
    ) {
        self.id = id
        self.eventNumber = eventNumber
        self.typeCode = typeCode
        self.gridPath = gridPath
        self.mapPoint = mapPoint
        self.assessment = assessment
        self.level = level
        self.control = control
        self.state = state
        self.reportedAt = reportedAt
        self.warnedAt = warnedAt
        self.closedAt = closedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}

/// The risk register (风险台账): one row per event of a risk kind. Writes are part of the caller's
/// transaction (the event's report or action, an operator's adjustment).
public enum RiskStore {
    public static func insert(_ risk: StoredRisk, on db: any Database) async throws {
        try await BulkInsert.rows([try row(risk)], into: "risks", columns: columns, on: db)
    }

    /// Reports of `kind` in (`since`, `before`] within `radius` metres of `point` (GCJ-02), other
    /// than `id`: the earlier reports that make a place a repeat (重复上报).
    public static func earlierNearby(
        kind: RiskKind, point: Coordinate, radius: Double, since: Date, before: Date, excluding id: UUID, on db: any Database
    ) async throws -> Int {
        let dLat = radius / 111_320
        let dLon = radius / (111_320 * max(cos(point.lat * .pi / 180), 0.01))
        let rows = try await (try db.sql).raw("""
            SELECT map_lon, map_lat FROM risks
            WHERE kind = \(bind: kind.rawValue) AND reported_at > \(bind: since) AND reported_at <= \(bind: before) AND id <> \(bind: id)
              AND map_lon BETWEEN \(bind: point.lon - dLon) AND \(bind: point.lon + dLon)
              AND map_lat BETWEEN \(bind: point.lat - dLat) AND \(bind: point.lat + dLat)
            """).all()
        return try rows.count { row in
            let other = Coordinate(lon: try row.decode(column: "map_lon", as: Double.self), lat: try row.decode(column: "map_lat", as: Double.self))
            return RepeatIndex.metres(point, other) <= radius
        }
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> StoredRisk? {
        try await (try db.sql).raw("SELECT * FROM risks WHERE id = \(bind: id)").first().map(decode)
    }

    /// Saves a new assessment (an adjustment) and its level if the risk is still as `previous`
    /// read it (its version); false when someone changed it first, so that no adjustment of
    /// the history is lost.
    public static func saveAssessment(
        _ assessment: RiskAssessment, level: RiskLevel, of previous: StoredRisk, on db: any Database, now: Date
    ) async throws -> Bool {
        try await (try db.sql).raw("""
            UPDATE risks SET likelihood = \(bind: assessment.likelihood), severity = \(bind: assessment.severity),
              score = \(bind: assessment.score), level = \(bind: level.rawValue), adjustments = \(bind: try StoreJSON.text(assessment.adjustments)),
              updated_at = \(bind: now), version = version + 1
            WHERE id = \(bind: previous.id) AND version = \(bind: previous.version)
            RETURNING id
            """).first() != nil
    }

    /// Saves the controls (管控措施) and the state they lead to, under the same check as
    /// `saveAssessment`.
    public static func saveControl(
        _ control: RiskControl, state: RiskState, of previous: StoredRisk, on db: any Database, now: Date
    ) async throws -> Bool {
        try await (try db.sql).raw("""
            UPDATE risks SET measures = \(bind: control.measures), responsible_unit_path = \(bind: control.responsibleUnit.rawValue),
              responsible_unit_name = \(bind: control.responsibleUnitName), responsible_person = \(bind: control.responsiblePerson),
              plan = \(bind: control.plan), state = \(bind: state.rawValue), updated_at = \(bind: now),
              version = version + 1
            WHERE id = \(bind: previous.id) AND version = \(bind: previous.version)
            RETURNING id
            """).first() != nil
    }

    /// Moves the state as the event moved (closed with it, back when reopened); false when the
    /// event has no risk or nothing changed.
    @discardableResult
    public static func follow(_ id: UUID, eventState: EventState, on db: any Database, now: Date) async throws -> Bool {
        guard let risk = try await find(id, on: db) else { return false }
        let next = RiskState.following(eventState, hasMeasures: risk.control != nil)
        guard next != risk.state else { return false }
        try await (try db.sql).raw("""
            UPDATE risks SET state = \(bind: next.rawValue), closed_at = \(bind: next == .closed ? now : nil), updated_at = \(bind: now)
            WHERE id = \(bind: id)
            """).run()
        return true
    }

    /// Warns the district's leaders and centre operators of a major risk (重大风险预警): an inbox
    /// message and the `risk.major` webhook to every subscription of the district, in the
    /// caller's transaction. Marks the risk warned.
    public static func warnMajor(_ risk: StoredRisk, on db: any Database, now: Date) async throws {
        guard let district = risk.gridPath.ancestorsAndSelf.first else { return }
        try await EventStore.notify(
            EventNotice(eventID: risk.id, recipient: .unit(district, roles: [.leader, .districtOperator]), kind: .riskMajor), on: db, now: now)
        try await (try db.sql).raw("UPDATE risks SET warned_at = \(bind: now) WHERE id = \(bind: risk.id)").run()
    }

    // MARK: lists

    public struct Filter: Sendable {
        /// Risks whose grid lies under this path (the caller's scope, or a unit in it).
        public var under: UnitPath
        public var levels: [RiskLevel]?
        public var states: [RiskState]?
        public var kind: RiskKind?

        public init(under: UnitPath, levels: [RiskLevel]? = nil, states: [RiskState]? = nil, kind: RiskKind? = nil) {
            self.under = under
            self.levels = levels
            self.states = states
            self.kind = kind
        }
    }

    /// A page of risks, highest score first, then newest.
    public static func list(_ filter: Filter, page: Int, per: Int, on db: any Database) async throws -> (items: [StoredRisk], total: Int) {
        let sql = try db.sql
        let condition = condition(filter)
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM risks WHERE \(condition)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT * FROM risks WHERE \(condition)
            ORDER BY score DESC, reported_at DESC, id LIMIT \(literal: per) OFFSET \(literal: (page - 1) * per)
            """).all()
        return (try rows.map(decode), total)
    }

    /// Risks by level under a path in the given states (the register's headline counts).
    public static func countsByLevel(_ filter: Filter, on db: any Database) async throws -> [RiskLevel: Int] {
        let rows = try await (try db.sql).raw("SELECT level, COUNT(*) AS n FROM risks WHERE \(condition(filter)) GROUP BY level").all()
        var counts: [RiskLevel: Int] = [:]
        for row in rows {
            if let level = RiskLevel(rawValue: try row.decode(column: "level", as: String.self)) {
                counts[level] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    /// The reports under `path` since `since`, as the hot-spot finder reads them.
    public static func reports(under path: UnitPath, since: Date, on db: any Database) async throws -> [RiskHotSpots.Report] {
        try await (try db.sql).raw("""
            SELECT id, event_number, kind, map_lon, map_lat, reported_at, grid_path FROM risks
            WHERE grid_path >= \(bind: path.rawValue) AND grid_path < \(bind: path.subtreeUpperBound) AND reported_at > \(bind: since)
            """).all().compactMap { row in
            guard let kind = RiskKind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let grid = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)) else { return nil }
            return RiskHotSpots.Report(
                id: try row.decode(column: "id", as: UUID.self), kind: kind,
                point: Coordinate(lon: try row.decode(column: "map_lon", as: Double.self), lat: try row.decode(column: "map_lat", as: Double.self)),
                at: try row.decode(column: "reported_at", as: Date.self), gridPath: grid,
                number: try row.decode(column: "event_number", as: String.self))
        }
    }

    static func condition(_ filter: Filter) -> any SQLExpression {
        var parts: [any SQLExpression] = [
            "(grid_path >= \(bind: filter.under.rawValue) AND grid_path < \(bind: filter.under.subtreeUpperBound))" as SQLQueryString,
        ]
        if let levels = filter.levels, !levels.isEmpty {
            parts.append(SQLBinaryExpression(SQLIdentifier("level"), .in, SQLGroupExpression(levels.map { SQLBind($0.rawValue) })))
        }
        if let states = filter.states, !states.isEmpty {
            parts.append(SQLBinaryExpression(SQLIdentifier("state"), .in, SQLGroupExpression(states.map { SQLBind($0.rawValue) })))
        }
        if let kind = filter.kind { parts.append("kind = \(bind: kind.rawValue)" as SQLQueryString) }
        return SQLList(parts, separator: SQLRaw(" AND "))
    }

    // MARK: rows

    static let columns = [
        "id", "event_number", "type_code", "kind", "grid_path", "map_lon", "map_lat", "likelihood", "severity", "score", "level",
        "facts", "adjustments", "measures", "responsible_unit_path", "responsible_unit_name", "responsible_person", "plan", "state",
        "reported_at", "warned_at", "closed_at", "created_at", "updated_at", "version",
    ]

    static func row(_ risk: StoredRisk) throws -> [any Encodable & Sendable] {
        let a = risk.assessment
        return [
            risk.id, risk.eventNumber, risk.typeCode, a.kind.rawValue, risk.gridPath.rawValue, risk.mapPoint.lon, risk.mapPoint.lat,
            a.likelihood, a.severity, a.score, risk.level.rawValue, try json(a.facts), try json(a.adjustments),
            risk.control?.measures, risk.control?.responsibleUnit.rawValue, risk.control?.responsibleUnitName,
            risk.control?.responsiblePerson, risk.control?.plan, risk.state.rawValue,
            risk.reportedAt, risk.warnedAt, risk.closedAt, risk.createdAt, risk.updatedAt, risk.version,
        ]
    }

    /// JSON text of a list; most risks have no facts and no adjustments, and the backfill writes
    /// hundreds of thousands of rows.
    static func json<T: Encodable>(_ list: [T]) throws -> String {
        list.isEmpty ? "[]" : try StoreJSON.text(list)
    }

    static func decode(_ row: any SQLRow) throws -> StoredRisk {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let kind = RiskKind(rawValue: try row.decode(column: "kind", as: String.self)),
              let level = RiskLevel(rawValue: try row.decode(column: "level", as: String.self)),
              let state = RiskState(rawValue: try row.decode(column: "state", as: String.self)),
              let grid = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self))
        else { throw StoreError.corruptRow(table: "risks", id: id.uuidString) }
        let assessment = RiskAssessment(
            kind: kind, likelihood: try row.decode(column: "likelihood", as: Int.self), severity: try row.decode(column: "severity", as: Int.self),
            facts: try StoreJSON.decode([RiskFact].self, from: try row.decode(column: "facts", as: String.self)),
            adjustments: try StoreJSON.decode([RiskAdjustment].self, from: try row.decode(column: "adjustments", as: String.self)))
        var control: RiskControl?
        if let measures = try row.decode(column: "measures", as: String?.self),
           let unit = try row.decode(column: "responsible_unit_path", as: String?.self).flatMap(UnitPath.init(rawValue:)) {
            control = RiskControl(
                measures: measures, responsibleUnit: unit, responsibleUnitName: try row.decode(column: "responsible_unit_name", as: String?.self) ?? "",
                responsiblePerson: try row.decode(column: "responsible_person", as: String?.self) ?? "",
                plan: try row.decode(column: "plan", as: String?.self))
        }
        return StoredRisk(
            id: id, eventNumber: try row.decode(column: "event_number", as: String.self), typeCode: try row.decode(column: "type_code", as: String.self),
            gridPath: grid,
            mapPoint: Coordinate(lon: try row.decode(column: "map_lon", as: Double.self), lat: try row.decode(column: "map_lat", as: Double.self)),
            assessment: assessment, level: level, control: control, state: state,
            reportedAt: try row.decode(column: "reported_at", as: Date.self), warnedAt: try row.decode(column: "warned_at", as: Date?.self),
            closedAt: try row.decode(column: "closed_at", as: Date?.self), createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self), version: try row.decode(column: "version", as: Int.self))
    }
}
