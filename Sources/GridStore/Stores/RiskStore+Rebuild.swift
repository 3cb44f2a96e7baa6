import FluentKit
import Foundation
import GridCore
import SQLKit

extension RiskStore {
    /// Assesses every stored event of a risk kind that has no risk yet (补录): the demo's year
    /// after its bulk load, or a database that had events before the register existed. Events
    /// are read once in report order and repeats are counted in memory (`RepeatIndex`), so a
    /// district's year needs no query per event; rows go in with multi-row inserts. The
    /// care-group fact reads the register's buildings and care-group residents once into
    /// `CareGroupSites` in the same way. Past events raise no warnings. Returns the number of risks written.
    @discardableResult
    public static func backfill(types: [String: EventType], rules: RiskRules, on db: any Database, now: Date) async throws -> Int {
        let riskTypes = types.filter { $0.value.riskKind != nil }
        guard !riskTypes.isEmpty else { return 0 }
        let sql = try db.sql
        let existing = Set(try await sql.raw("SELECT id FROM risks").all().map { try $0.decode(column: "id", as: UUID.self) })
        let codes = SQLGroupExpression(riskTypes.keys.sorted().map { SQLBind($0) })
        let rows = try await sql.raw("""
            SELECT id, number, type_code, grid_path, map_lon, map_lat, state, reported_at, closed_at, attributes FROM events
            WHERE type_code IN \(codes)
            """).all()
        struct Source {
            let id: UUID
            let number: String
            let type: EventType
            let grid: UnitPath
            let point: Coordinate
            let state: EventState
            let reportedAt: Date
            let closedAt: Date?
            let attributes: String
        }
        var sources: [Source] = []
        sources.reserveCapacity(rows.count)
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            guard let type = riskTypes[try row.decode(column: "type_code", as: String.self)],
                  let grid = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)),
                  let state = EventState(rawValue: try row.decode(column: "state", as: String.self))
            else { throw StoreError.corruptRow(table: "events", id: id.uuidString) }
            sources.append(Source(
                id: id, number: try row.decode(column: "number", as: String.self), type: type, grid: grid,
                point: Coordinate(lon: try row.decode(column: "map_lon", as: Double.self), lat: try row.decode(column: "map_lat", as: Double.self)),
                state: state, reportedAt: try row.decode(column: "reported_at", as: Date.self),
                closedAt: try row.decode(column: "closed_at", as: Date?.self), attributes: try row.decode(column: "attributes", as: String.self)))
        }
        sources.sort { $0.reportedAt < $1.reportedAt }
        guard let reference = sources.first?.point.lat else { return 0 }
        var index = RepeatIndex(radius: rules.repeatRadius, referenceLatitude: reference)
        // The register's buildings and care-group residents, read once; each event is judged on its own day.
        let sites = try await careGroupSites(radius: rules.careSiteRadius, referenceLatitude: reference, on: db)
        let calendar = WorkingCalendar()
        var pending: [[any Encodable & Sendable]] = []
        var written = 0
        for source in sources {
            guard let kind = source.type.riskKind else { continue }
            // Counting stops where more could not raise the score further.
            let earlier = index.count(
                kind, of: source.point, from: source.reportedAt.addingTimeInterval(-rules.repeatWindow), to: source.reportedAt,
                excluding: source.id, limit: max(rules.repeatThreshold, rules.repeatSurge))
            index.insert(kind, id: source.id, point: source.point, at: source.reportedAt)
            guard !existing.contains(source.id) else { continue }
            // Only the few attributes scoring reads; most reports carry none of them.
            let attributes = ["people_involved", "occupants", "vulnerable_involved"].contains { source.attributes.utf8.firstRange(of: $0.utf8) != nil }
                ? try StoreJSON.decode([String: JSONValue].self, from: source.attributes) : [:]
            let careGroups = sites.residents(at: source.point, on: calendar.day(of: source.reportedAt))
            guard let assessment = rules.assess(type: source.type, attributes: attributes, earlierNearby: earlier, careGroupResidents: careGroups)
            else { continue }
            let state = RiskState.following(source.state, hasMeasures: false)
            // A new risk has no controls, adjustments or warning: those columns stay NULL / empty.
            pending.append([
                source.id, source.number, source.type.code, kind.rawValue, source.grid.rawValue, source.point.lon, source.point.lat,
                assessment.likelihood, assessment.severity, assessment.score, assessment.level(rules.thresholds).rawValue,
                try json(assessment.facts), "[]", state.rawValue, source.reportedAt,
                state == .closed ? (source.closedAt ?? source.reportedAt) : nil, now, now, 1,
            ])
            if pending.count >= 5_000 {
                try await BulkInsert.rows(pending, into: "risks", columns: backfillColumns, on: db)
                written += pending.count
                pending.removeAll(keepingCapacity: true)
            }
        }
        try await BulkInsert.rows(pending, into: "risks", columns: backfillColumns, on: db)
        return written + pending.count
    }

    static let backfillColumns = [
        "id", "event_number", "type_code", "kind", "grid_path", "map_lon", "map_lat", "likelihood", "severity", "score", "level",
        "facts", "adjustments", "state", "reported_at", "closed_at", "created_at", "updated_at", "version",
    ]
}
