import FluentKit
import Foundation
import GridCore
import SQLKit

/// What the indicator tables read of visits and households.
extension VisitStore {
    /// Every household the register has known (moved-out members included, for past windows),
    /// keyed as `households(under:)` keys them; monthly when a current member is in a group that
    /// needs a monthly visit.
    public static func obligationHouseholds(
        under path: UnitPath? = nil, on db: any Database
    ) async throws -> [(key: String, household: VisitObligations.Household)] {
        let place: SQLQueryString = path.map { "WHERE \(BasicDataRecords.subtree($0))" } ?? ""
        let rows = try await (try db.sql).raw("""
            SELECT id, room_id, household_id, grid_path, care_groups, moved_in_on, moved_out_on FROM people \(place)
            """).all()
        var byKey: [String: VisitObligations.Household] = [:]
        for row in rows {
            let room = try row.decode(column: "room_id", as: UUID?.self)
            let key = (try row.decode(column: "household_id", as: UUID?.self) ?? room ?? row.decode(column: "id", as: UUID.self)).uuidString
            guard let grid = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)) else { continue }
            let movedOut = try row.decode(column: "moved_out_on", as: String?.self).flatMap { CalendarDay(iso: $0) }
            let stay = VisitObligations.Household.Stay(
                movedIn: try row.decode(column: "moved_in_on", as: String?.self).flatMap { CalendarDay(iso: $0) }, movedOut: movedOut)
            let groups = try row.decode(column: "care_groups", as: String.self).split(separator: " ")
            let monthly = movedOut == nil && groups.contains { CareGroup(rawValue: String($0))?.needsMonthlyVisit == true }
            var household = byKey[key] ?? VisitObligations.Household(grid: grid, monthly: false, stays: [])
            household.stays.append(stay)
            household.monthly = household.monthly || monthly
            byKey[key] = household
        }
        return byKey.keys.sorted().compactMap { key in byKey[key].map { (key, $0) } }
    }

    /// A stored visit, as it was written.
    public typealias VisitRow = NewVisit

    /// Every visit (or those under `path`, of one visitor, from `days`), by time then id.
    public static func all(
        under path: UnitPath? = nil, visitor: UUID? = nil, days: ClosedRange<CalendarDay>? = nil, on db: any Database
    ) async throws -> [VisitRow] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let path { conditions.append(BasicDataRecords.subtree(path)) }
        if let visitor { conditions.append("visitor_id = \(bind: visitor)") }
        if let days { conditions.append("day >= \(bind: days.lowerBound.description) AND day <= \(bind: days.upperBound.description)") }
        return try await (try db.sql).raw("""
            SELECT id, household_key, grid_path, visitor_id, visitor_name, visited_at, day, met, notes, needs FROM visits
            WHERE \(SQLList(conditions, separator: SQLRaw(" AND "))) ORDER BY visited_at, id
            """).all().compactMap { row in
            guard let grid = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)),
                  let day = CalendarDay(iso: try row.decode(column: "day", as: String.self)) else { return nil }
            return VisitRow(
                id: try row.decode(column: "id", as: UUID.self), householdKey: try row.decode(column: "household_key", as: String.self),
                gridPath: grid, visitorID: try row.decode(column: "visitor_id", as: UUID.self),
                visitorName: try row.decode(column: "visitor_name", as: String.self),
                visitedAt: try row.decode(column: "visited_at", as: Date.self), day: day, met: try row.decode(column: "met", as: String.self),
                notes: try row.decode(column: "notes", as: String.self), needs: try row.decode(column: "needs", as: String.self))
        }
    }

    /// How many visits the household has in the window (the one just stored included).
    public static func count(household key: String, in window: VisitFacts.Window, on db: any Database) async throws -> Int {
        try await (try db.sql).raw("""
            SELECT COUNT(*) AS n FROM visits WHERE household_key = \(bind: key)
              AND day >= \(bind: window.first.description) AND day <= \(bind: window.last.description)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
