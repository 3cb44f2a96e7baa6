import FluentKit
import Foundation
import GridCore
import SQLKit

/// Households as the visit schedule needs them, and the visits made.
public enum VisitStore {
    /// One household of the register: its key (household id, else room id, else the person),
    /// its room, how many live there and their care groups.
    public struct HouseholdRow: Sendable, Equatable {
        public var key: String
        public var roomID: UUID?
        public var gridPath: UnitPath
        public var members: Int
        public var careGroups: Set<CareGroup>
    }

    /// The households under `path`, or only the one keyed `key` (a visit being recorded reads
    /// that household alone, not the whole area's register).
    public static func households(under path: UnitPath, key: String? = nil, on db: any Database) async throws -> [HouseholdRow] {
        var conditions: [SQLQueryString] = [BasicDataRecords.subtree(path), "moved_out_on IS NULL"]
        if let key {
            // The same key as below: the household id, else the room, else the person.
            guard let id = UUID(uuidString: key) else { return [] }
            conditions.append("""
                (household_id = \(bind: id) OR (household_id IS NULL AND room_id = \(bind: id))
                 OR (household_id IS NULL AND room_id IS NULL AND id = \(bind: id)))
                """)
        }
        let rows = try await (try db.sql).raw("""
            SELECT id, room_id, household_id, grid_path, care_groups FROM people
            WHERE \(SQLList(conditions, separator: SQLRaw(" AND ")))
            """).all()
        var byKey: [String: HouseholdRow] = [:]
        for row in rows {
            let room = try row.decode(column: "room_id", as: UUID?.self)
            let key = (try row.decode(column: "household_id", as: UUID?.self) ?? room ?? row.decode(column: "id", as: UUID.self)).uuidString
            guard let grid = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)) else { continue }
            let groups = try row.decode(column: "care_groups", as: String.self).split(separator: " ").compactMap { CareGroup(rawValue: String($0)) }
            var household = byKey[key] ?? HouseholdRow(key: key, roomID: room, gridPath: grid, members: 0, careGroups: [])
            household.members += 1
            household.careGroups.formUnion(groups)
            byKey[key] = household
        }
        return byKey.values.sorted { $0.key < $1.key }
    }

    /// The days of visits made under `path` from `since`, per household key.
    public static func visitDays(under path: UnitPath, since: CalendarDay, on db: any Database) async throws -> [String: [CalendarDay]] {
        let rows = try await (try db.sql).raw("""
            SELECT household_key, day FROM visits WHERE \(BasicDataRecords.subtree(path)) AND day >= \(bind: since.description)
            """).all()
        var days: [String: [CalendarDay]] = [:]
        for row in rows {
            guard let day = CalendarDay(iso: try row.decode(column: "day", as: String.self)) else { continue }
            days[try row.decode(column: "household_key", as: String.self), default: []].append(day)
        }
        return days
    }

    public struct NewVisit: Sendable {
        public var id: UUID
        public var householdKey: String
        public var gridPath: UnitPath
        public var visitorID: UUID
        public var visitorName: String
        public var visitedAt: Date
        public var day: CalendarDay
        public var met: String
        public var notes: String
        public var needs: String

        public init(id: UUID, householdKey: String, gridPath: UnitPath, visitorID: UUID, visitorName: String, visitedAt: Date,
                    day: CalendarDay, met: String, notes: String, needs: String) {
            (self.id, self.householdKey, self.gridPath, self.visitorID, self.visitorName) = (id, householdKey, gridPath, visitorID, visitorName)
            (self.visitedAt, self.day, self.met, self.notes, self.needs) = (visitedAt, day, met, notes, needs)
        }
    }

    /// Stores a visit unless one with its id exists (a replay, perhaps racing its original);
    /// true when this call stored it.
    public static func insert(_ visit: NewVisit, on db: any Database, now: Date) async throws -> Bool {
        try await (try db.sql).raw("""
            INSERT INTO visits (id, household_key, grid_path, visitor_id, visitor_name, visited_at, day, met, notes, needs, created_at)
            VALUES (\(bind: visit.id), \(bind: visit.householdKey), \(bind: visit.gridPath.rawValue), \(bind: visit.visitorID),
                    \(bind: visit.visitorName), \(bind: visit.visitedAt), \(bind: visit.day.description), \(bind: visit.met),
                    \(bind: visit.notes), \(bind: visit.needs), \(bind: now))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """).first() != nil
    }
}
