import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The grid card (网格档案): staff, housing figures, this month's events and the open ones placed
/// on the outline, data quality; only inside the viewer's scope.
@Suite struct ConsoleGridCardTests {
    static let grid = "510117001001001"

    @Test("the card shows the grid's staff, residents counted from the register and a new report among its open events")
    func card() async throws {
        try await TestApp.with { app in
            let gridUnit = try #require(try await UnitStore.find(code: Self.grid, on: app.db))
            let counts = try await AreaHousingCounts.count(under: gridUnit.path, on: app.db)
            #expect(counts.residents > 0 && counts.rooms > 0 && counts.homesLivedIn > 0 && counts.homesLivedIn <= counts.rooms)
            #expect(counts.residentsByKind.values.reduce(0, +) == counts.residents)
            let staff = try #require(try await GridMapStore.staff(of: gridUnit, on: app.db).first)

            let worker = try await app.token("gridworker")
            let report = try await EventFixtures.report(app, worker, description: "网格档案测试：井盖缺失")
            #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: report).status == .created)
            let stored = try #require(try await EventStore.find(report.id, on: app.db))

            // two hours of patrol this morning
            let now = try app.grid.clock.now
            let patrol = PatrolUpsertDTO(startedAt: now.addingTimeInterval(-3 * 3600), endedAt: now.addingTimeInterval(-3600))
            #expect(try await app.call(.PUT, "/api/v1/patrols/\(UUID())", token: worker, raw: try PatrolAPITests.json(patrol)).status == .created)

            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("community_op")
            let (status, page, _) = try await browser.request(.GET, "/console/grids/\(Self.grid)")
            #expect(status == .ok)
            #expect(page.contains("网格档案 · \(gridUnit.name)"))
            #expect(page.contains(staff.name))
            #expect(page.contains("id=\"figure-residents\"") && page.contains("<div class=\"figure-value\">\(counts.residents)</div>"))
            #expect(page.contains("<div class=\"figure-value\">\(counts.homesLivedIn)</div>"))
            // the report is listed and drawn on the outline, linked to its page
            #expect(page.contains("data-number=\"\(stored.number)\""))
            #expect(page.contains("data-event=\"\(report.id.uuidString)\""))
            #expect(page.contains("人口信息完整率"))
            let monthStart = try app.grid.calendar.start(of: try #require(CalendarDay(year: app.grid.calendar.day(of: now).year, month: app.grid.calendar.day(of: now).month, day: 1)))
            let hours = (now.addingTimeInterval(-3600).timeIntervalSince(max(monthStart, now.addingTimeInterval(-3 * 3600)))) / 3600
            #expect(page.contains("id=\"figure-patrol-hours\"") && page.contains(String(format: "%.1f h · 1", hours)))
            // this month: one report, nothing closed yet
            #expect(page.contains("id=\"figure-reported\" title=\"统计期内上报的事件数（按上报日）\"><div class=\"figure-value\">1</div>"))

            let (english, englishPage, _) = try await browser.request(.GET, "/console/grids/\(Self.grid)?lang=en")
            #expect(english == .ok && englishPage.contains("Grid card"))
        }
    }

    @Test("a grid outside the viewer's community is not found, and an unknown code neither")
    func scope() async throws {
        try await TestApp.with { app in
            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("community_op")
            let (other, _, _) = try await browser.request(.GET, "/console/grids/510117002001001")
            #expect(other == .notFound)
            let (unknown, _, _) = try await browser.request(.GET, "/console/grids/999999999999999")
            #expect(unknown == .notFound)
            let (community, _, _) = try await browser.request(.GET, "/console/grids/510117001001")
            #expect(community == .notFound)
        }
    }
}
