import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// Bulk import of people: one bad row among 10,000 imports nothing and names that row; the
/// fixed file imports every row.
@Suite struct PeopleImportTests {
    /// `count` people with valid, distinct resident IDs (a Xinjiang region code the demo does not use, born from 1960 on), living in `rooms`.
    static func csv(count: Int, rooms: [String]) -> String {
        var lines = ["姓名,证件类型,证件号码,联系电话,人员类型,地址编码,迁入日期"]
        lines.reserveCapacity(count + 1)
        let start = CalendarDay(year: 1960, month: 1, day: 1) ?? CalendarDay(daysSinceEpoch: 0)
        for index in 0..<count {
            let born = start.adding(days: index / 7)
            let prefix = "659001" + String(format: "%04d%02d%02d", born.year, born.month, born.day) + String(format: "%03d", 990 + index % 7)
            let id = prefix + String(ResidentID.checkCharacter(for: prefix) ?? "0")
            lines.append("导入\(index),居民身份证,\(id),,流动人口,\(rooms[index % rooms.count]),2025-03-01")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func roomCodes(_ app: Application, under path: String) async throws -> [String] {
        let sql = try #require(app.db as? any SQLDatabase)
        return try await sql.raw("SELECT address_code FROM rooms WHERE grid_path LIKE \(bind: path + "%") ORDER BY address_code").all()
            .map { try $0.decode(column: "address_code", as: String.self) }
    }

    static func peopleCount(_ app: Application) async throws -> Int {
        let sql = try #require(app.db as? any SQLDatabase)
        return try await sql.raw("SELECT COUNT(*) AS n FROM people").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test("one bad row among 10,000: nothing imported, that row named; fixed, all 10,000 are")
    func tenThousand() async throws {
        try await TestApp.with { app in
            let community = try await app.token("community_op")
            let rooms = try await Self.roomCodes(app, under: "/510117/510117001/510117001001/")
            #expect(rooms.count > 20)
            let good = Self.csv(count: 10_000, rooms: rooms)
            var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // line 5,002 of the file (the 5,001st person): one digit of the ID changed, so its check character is wrong
            var fields = lines[5_001].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let id = fields[2]
            fields[2] = String(id.prefix(16)) + (id.dropFirst(16).first == "9" ? "8" : "9") + String(id.suffix(1))
            lines[5_001] = fields.joined(separator: ",")
            let bad = lines.joined(separator: "\n")
            let before = try await Self.peopleCount(app)

            let (status, body) = try await app.call(.POST, "/api/v1/people/import", token: community, raw: bad)
            #expect(status == .unprocessableEntity)
            let error = try app.decode(APIErrorDTO.self, body)
            #expect(error.errors?.count == 1)
            #expect(error.errors?.first?.row == 5_002 && error.errors?.first?.field == "证件号码")
            #expect(try await Self.peopleCount(app) == before)

            let (dry, dryBody) = try await app.call(.POST, "/api/v1/people/import?dry_run=true", token: community, raw: good)
            #expect(dry == .ok, "\(dryBody.prefix(600))")
            #expect(try app.decode(ImportResultDTO.self, dryBody) == ImportResultDTO(rows: 10_000, imported: 0, dryRun: true))
            #expect(try await Self.peopleCount(app) == before)

            let (ok, okBody) = try await app.call(.POST, "/api/v1/people/import", token: community, raw: good)
            #expect(ok == .ok)
            #expect(try app.decode(ImportResultDTO.self, okBody).imported == 10_000)
            #expect(try await Self.peopleCount(app) == before + 10_000)

            // the same file again: every person is already registered
            let (again, againBody) = try await app.call(.POST, "/api/v1/people/import", token: community, raw: good)
            #expect(again == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, againBody).errors?.count == 10_000)
        }
    }

    @Test("rooms outside the importer's area are refused by row")
    func outsideScope() async throws {
        try await TestApp.with { app in
            let community = try await app.token("community_op")
            let elsewhere = try await Self.roomCodes(app, under: "/510117/510117002/")
            let (status, body) = try await app.call(.POST, "/api/v1/people/import", token: community, raw: Self.csv(count: 3, rooms: elsewhere))
            #expect(status == .unprocessableEntity)
            let error = try app.decode(APIErrorDTO.self, body)
            #expect(error.errors?.map(\.row) == [2, 3, 4])
            #expect(error.errors?.first?.reason.contains("辖区") == true)
        }
    }
}
