import Foundation
import GridCore
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The dashboard counts what happened, by the definitions it shows: three reports, one refused,
/// one handled by the community on time, worked out by hand below.
@Suite struct DashboardTests {
    @Test("figures and the sub-unit ranking are counted from the events, rates from sums")
    func figures() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            var ids: [UUID] = []
            for text in ["3号楼消防通道被杂物堵塞", "5号楼楼道堆放电动车", "小区东门消防车道被占"] {
                let report = try await EventFixtures.report(app, worker, description: text)
                let (status, body) = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
                #expect(status == .created, "\(body)")
                ids.append(report.id)
            }
            _ = try await EventLoopTests.act(app, community, ids[0], "reject", EventActionRequestDTO(reason: "重复上报"))
            for (action, input) in [("accept", EventActionRequestDTO(level: 2)), ("take", EventActionRequestDTO()),
                                    ("handle", EventActionRequestDTO(note: "已清理"))] {
                let (status, body) = try await EventLoopTests.act(app, community, ids[1], action, input)
                #expect(status == .ok, "\(action): \(body)")
            }

            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("street_op")
            // A period from today over 40 days holds the accepted event's handling deadline.
            let today = WorkingCalendar().day(of: Date())
            let (status, page, _) = try await browser.request(.GET, "/console/dashboard?period=\(today)..\(today.adding(days: 40))")
            #expect(status == .ok)
            // reported 3; valid 1 of 3 (one refused, one not yet triaged); due 1 (the accepted one),
            // closed 0 of 1, on time 0 of 1; none overdue yet
            #expect(Self.figure("reported", in: page) == "3")
            #expect(Self.figure("valid-rate", in: page) == "33.3%")
            #expect(Self.figure("due", in: page) == "1")
            #expect(Self.figure("closure-rate", in: page) == "0.0%")
            #expect(Self.figure("on-time-rate", in: page) == "0.0%")
            #expect(Self.figure("satisfaction-rate", in: page) == "—")
            #expect(Self.figure("overdue", in: page) == "0")
            #expect(page.contains("有效上报数 ÷ 上报数"))
            // the type mix: all three are 消防通道堵塞, 100 % of the reports
            let types = try #require(page.range(of: "id=\"top-types\""))
            let mix = String(page[types.upperBound...].prefix(600))
            #expect(mix.contains("<td>消防通道堵塞</td><td class=\"num\">3</td><td class=\"num\">100.0%</td>"))
            // the street's communities, the reporting one first by its figures
            let row = try #require(page.range(of: "data-code=\"510117001001\""))
            #expect(page[row.upperBound...].prefix(400).contains(">3<"))

            let (bad, refusal, _) = try await browser.request(.GET, "/console/dashboard?period=decade")
            #expect(bad == .unprocessableEntity)
            #expect(refusal.contains("统计周期"))
            let (month, _, _) = try await browser.request(.GET, "/console/dashboard?period=2026-Q4")
            #expect(month == .ok)
            // A year's trend is drawn by month: January's reports, not 365 daily points.
            let (_, year, _) = try await browser.request(.GET, "/console/dashboard?period=2026")
            #expect(year.contains("\"2026-01\"") && year.contains("\"2026-12\"") && !year.contains("\"12-31\""))
        }
    }

    /// The value shown in a figure's box.
    static func figure(_ id: String, in page: String) -> String? {
        guard let start = page.range(of: "id=\"figure-\(id)\""),
              let value = page[start.upperBound...].range(of: "class=\"figure-value\">")
        else { return nil }
        return String(page[value.upperBound...].prefix { $0 != "<" })
    }
}
