import FluentKit
import Foundation
import GridCore
import GridStore
import GridTestSupport
import SQLKit
import Testing

/// Finding a standard address by its text or code (门牌地址检索), as the portal and Open311 do.
@Suite struct AddressLookupTests {
    @Test("a room's code finds the room when no building matches it; outside the scope it finds nothing")
    func roomsByCode() async throws {
        try await TestApp.with { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let row = try #require(try await sql.raw("SELECT address_code, grid_path FROM rooms ORDER BY address_code LIMIT 1").first())
            let code = try row.decode(column: "address_code", as: String.self)
            let grid = try #require(UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)))
            let found = try await BasicDataStore.addresses(matching: code, within: grid, limit: 5, on: app.db)
            #expect(found.map(\.code) == [code])
            #expect(found.first?.roomID != nil)
            let elsewhere = try #require(UnitPath(rawValue: "/510117/510117002/"))
            if !elsewhere.contains(grid) {
                #expect(try await BasicDataStore.addresses(matching: code, within: elsewhere, limit: 5, on: app.db).isEmpty)
            }
        }
    }
}
