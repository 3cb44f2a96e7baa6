import FluentKit
import Foundation
import GridCore
import SQLKit

/// What a grid card shows of an area's basic data (四实): buildings, rooms, homes lived in, current
/// residents by kind and in care groups, organisations — counted in SQL over the subtree, no
/// record decoded, so a street's card costs a few index scans.
public struct AreaHousingCounts: Sendable, Equatable {
    public var buildings = 0
    public var rooms = 0
    /// Rooms with at least one current resident (户: the homes actually lived in).
    public var homesLivedIn = 0
    public var residents = 0
    public var residentsByKind: [ResidenceKind: Int] = [:]
    /// Current residents in at least one care group (关注群体).
    public var inCareGroups = 0
    public var organizations = 0

    public init() {}

    public static func count(under path: UnitPath, on db: any Database) async throws -> AreaHousingCounts {
        let sql = try db.sql
        let area = BasicDataRecords.subtree(path)
        func single(_ query: SQLQueryString) async throws -> Int {
            try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        var counts = AreaHousingCounts()
        counts.buildings = try await single("SELECT COUNT(*) AS n FROM buildings WHERE \(area)")
        counts.rooms = try await single("SELECT COUNT(*) AS n FROM rooms WHERE \(area)")
        counts.organizations = try await single("SELECT COUNT(*) AS n FROM organizations WHERE \(area)")
        counts.homesLivedIn = try await single(
            "SELECT COUNT(DISTINCT room_id) AS n FROM people WHERE \(area) AND moved_out_on IS NULL AND room_id IS NOT NULL")
        counts.inCareGroups = try await single(
            "SELECT COUNT(*) AS n FROM people WHERE \(area) AND moved_out_on IS NULL AND TRIM(care_groups) <> ''")
        let kinds = try await sql.raw(
            "SELECT residence_kind AS k, COUNT(*) AS n FROM people WHERE \(area) AND moved_out_on IS NULL GROUP BY residence_kind").all()
        for row in kinds {
            let n = try row.decode(column: "n", as: Int.self)
            counts.residents += n
            if let kind = ResidenceKind(rawValue: try row.decode(column: "k", as: String.self)) { counts.residentsByKind[kind, default: 0] += n }
        }
        return counts
    }
}
