import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// The care-group fact of the risk register (事发地住有关爱对象): a report of a risk kind at a
/// building where someone of a vulnerable care group lives is more severe, by the basic-data
/// register; a person who moved out does not count; the backfill agrees with the report path.
@Suite struct RiskCareGroupTests {
    /// 私搭乱接电线 (fire safety): likelihood 2, severity 4, score 8 by default.
    static let wiring = "B0502"

    /// A building of one room standing at `point` (GCJ-02) in the first grid, with one resident.
    static func building(
        _ app: Application, at point: Coordinate, number: Int, groups: Set<CareGroup>, movedOutOn: CalendarDay? = nil
    ) async throws {
        let grid = try await app.unit(code: "510117001001001")
        let today = CalendarDay(year: 2026, month: 1, day: 5)!
        let building = Building(
            id: UUID(), name: "风险测试\(number)栋", address: StandardAddress(communityCode: try UnitCode("510117001001"), road: "风险测试路", number: "\(number)号", building: "1栋"),
            gridPath: grid.path, location: point, datum: .gcj02, floors: 3, use: .residential, updatedOn: today)
        let room = Room(id: UUID(), buildingID: building.id, gridPath: grid.path, unit: "1", number: "101", floor: 1, use: .selfOccupied, isOccupied: true, updatedOn: today)
        let person = Person(
            id: UUID(), name: "测试\(number)", idType: .passport, idNumber: "E\(String(format: "%08d", number))", residenceKind: .registered,
            roomID: room.id, movedOutOn: movedOutOn, careGroups: groups, gridPath: grid.path, updatedOn: today)
        try await BasicDataStore.insert(buildings: [building], rooms: [room], people: [person], keyRing: try app.grid.keyRing, on: app.db)
    }

    /// The same report of faulty wiring at `point` (GCJ-02), sent by a phone in WGS-84.
    static func wiringReport(at point: Coordinate) -> ReportEventRequestDTO {
        let phone = DatumConverter.convert(point, from: .gcj02, to: .wgs84)
        return ReportEventRequestDTO(
            id: UUID(), type: wiring, description: "楼道私拉电线给电动车充电", location: .init(lon: phone.lon, lat: phone.lat, datum: "wgs84"))
    }

    @Test("a report at a building where an elderly person lives alone gets the care-group fact and a higher score; a moved-out one does not count")
    func careGroupRaisesSeverity() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let shape = try require(try await MapFixtures.geometry(app, worker, "510117001001001").multiPolygon)
            let inside = try require(shape.pointOnSurface)
            // three buildings about 100 m apart, so that each report's place is one of them
            let cared = inside
            let plain = Coordinate(lon: inside.lon + 0.001, lat: inside.lat)
            let movedOut = Coordinate(lon: inside.lon - 0.001, lat: inside.lat)
            try await Self.building(app, at: cared, number: 1, groups: [.elderlyAlone])
            try await Self.building(app, at: plain, number: 2, groups: [])
            try await Self.building(app, at: movedOut, number: 3, groups: [.elderlyAlone], movedOutOn: CalendarDay(year: 2020, month: 1, day: 1))
            var risks: [RiskDTO] = []
            for point in [cared, plain, movedOut] {
                let report = Self.wiringReport(at: point)
                try await RiskRegisterTests.file(app, worker, report)
                risks.append(try await RiskRegisterTests.risk(app, try await app.token("district_op"), report.id))
            }
            let (atCared, atPlain, atMovedOut) = (risks[0], risks[1], risks[2])
            #expect(atCared.facts.map(\.code) == ["care_group"] && atCared.facts.first?.count == 1 && atCared.facts.first?.severity == 1)
            #expect(atCared.facts.first?.label == "事发地住有关爱对象 1 人（严重性 +1）")
            #expect(atCared.severity == atPlain.severity + 1 && atCared.score > atPlain.score)
            #expect(atPlain.facts.isEmpty && atPlain.score == 8)
            #expect(atMovedOut.facts.isEmpty && atMovedOut.score == atPlain.score)

            // The backfill judges the same events the same way.
            let sql = try require(app.db as? any SQLDatabase)
            try await sql.raw("DELETE FROM risks").run()
            try await RiskService(services: try app.grid).backfill(on: app.db)
            var again: [RiskDTO] = []
            for risk in [atCared, atPlain, atMovedOut] { again.append(try await RiskRegisterTests.risk(app, try await app.token("district_op"), risk.id)) }
            #expect(again.map(\.score) == [atCared.score, atPlain.score, atMovedOut.score])
            #expect(again.map { $0.facts.map(\.code) } == [["care_group"], [], []])
        }
    }
}
