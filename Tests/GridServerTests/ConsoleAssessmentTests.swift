import Foundation
import GridCore
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The console's assessment and indicator pages: a leader's month at a glance, a run by clicking,
/// publishing freezes it, the CSV carries every figure.
@Suite struct ConsoleAssessmentTests {
    @Test("run a scheme from the form, see ranks with their parts, publish, export; the indicators page lists every definition")
    func runFromConsole() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            for text in ["3号楼消防通道被杂物堵塞", "5号楼楼道堆放电动车"] {
                let report = try await EventFixtures.report(app, worker, description: text)
                #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: report).status == .created)
            }
            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("admin")
            let (status, home, _) = try await browser.request(.GET, "/console/assessments")
            #expect(status == .ok)
            #expect(home.contains("十佳网格员") && home.contains("网格员月度考核（默认）") && home.contains("强制分布"))
            let csrf = try #require(ConsoleTests.Browser.hidden("_csrf", in: home))
            let month = StatPeriod.containing(WorkingCalendar().day(of: Date()), length: "month").description
            let (ran, _, location) = try await browser.request(
                .POST, "/console/assessments/run",
                form: ["_csrf": csrf, "scheme": AssessmentStore.defaultWorkerID.uuidString, "unit": "510117", "period": month])
            #expect(ran == .seeOther)
            let runPath = try #require(location)
            let (_, page, _) = try await browser.request(.GET, runPath)
            // two reports, none triaged: valid rate 0 of 2 shown on hover; the worker is ranked first
            #expect(page.contains("有效上报率 0.0%（0 / 2）"))
            #expect(page.contains("草稿") && page.contains("id=\"publish-form\""))
            let (published, _, _) = try await browser.request(.POST, runPath + "/publish", form: ["_csrf": csrf])
            #expect(published == .seeOther)
            let (_, frozen, _) = try await browser.request(.GET, runPath)
            #expect(frozen.contains("已公布（冻结）") && !frozen.contains("id=\"publish-form\""))
            let (again, refusal, _) = try await browser.request(
                .POST, "/console/assessments/run",
                form: ["_csrf": csrf, "scheme": AssessmentStore.defaultWorkerID.uuidString, "unit": "510117", "period": month])
            #expect(again == .conflict)
            #expect(refusal.contains("已公布"))
            let (_, csv, _) = try await browser.request(.GET, runPath + "?format=csv")
            #expect(csv.contains("名次") && csv.contains("有效上报率得分"))

            let (_, indicators, _) = try await browser.request(.GET, "/console/indicators?period=\(month)&by=unit")
            #expect(indicators.contains("应结案数") && indicators.contains("data-key=\"510117001\""))
            let (_, table, _) = try await browser.request(.GET, "/console/indicators?period=\(month)&by=type&format=csv")
            #expect(table.contains("B0501") && table.contains("reported"))
        }
    }
}
