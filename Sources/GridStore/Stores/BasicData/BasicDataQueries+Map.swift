import FluentKit
import Foundation
import GridCore
import SQLKit

extension BasicDataQueries {
    /// The surveyed buildings of an area for the map's building layer, at most `limit`, with how
    /// many the area has in all.
    public static func mappedBuildings(under path: UnitPath, limit: Int, on db: any Database) async throws -> (buildings: [Building], total: Int) {
        let sql = try db.sql
        let area = BasicDataRecords.subtree(path)
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM buildings WHERE \(area) AND lon IS NOT NULL")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT * FROM buildings WHERE \(area) AND lon IS NOT NULL ORDER BY grid_path, address_code, id LIMIT \(literal: limit)
            """).all()
        return (try rows.map(BasicDataStore.decodeBuilding), total)
    }
}
