import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The risk register in the console (`/console/risks`): the menu entry for those who may read
/// it, major risks first with their plan, hot spots, and the adjust and measures forms (CSRF,
/// errors beside their fields).
@Suite struct RiskConsoleTests {
    typealias Browser = ConsoleTests.Browser

    @Test("the register lists the unit's risks with major ones on top and the hot spot of three repeats; the menu shows it to those who may read it")
    func register() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            var ids: [UUID] = []
            for offset in [0, 0.0002, 0.0004] {
                let report = try await RiskRegisterTests.dispute(app, worker, offset: offset)
                try await RiskRegisterTests.file(app, worker, report)
                ids.append(report.id)
            }
            let major = try await RiskRegisterTests.dispute(app, worker, people: 12, vulnerable: true, offset: 0.01)
            try await RiskRegisterTests.file(app, worker, major)

            let community = Browser(app)
            try await community.signIn("community_op")
            let (status, page, _) = try await community.request(.GET, "/console/risks")
            #expect(status == .ok)
            #expect(page.contains("href=\"/console/risks\""))
            #expect(page.contains("id=\"risk-majors\"") && page.contains("data-id=\"\(major.id.uuidString)\""))
            #expect(page.contains("尚未关联应急预案"))
            for id in ids { #expect(page.contains(id.uuidString)) }
            // the three labour disputes at one place are a hot spot
            #expect(page.contains("id=\"risk-hotspots\"") && !page.contains("id=\"hotspots-none\""))
            let (_, filtered, _) = try await community.request(.GET, "/console/risks?level=major")
            #expect(filtered.contains(major.id.uuidString) && !filtered.contains("data-id=\"\(ids[0].uuidString)\" data-level"))

            let gridWorker = Browser(app)
            try await gridWorker.signIn("gridworker")
            let (_, home, _) = try await gridWorker.request(.GET, "/console")
            #expect(!home.contains("href=\"/console/risks\""))
            #expect(try await gridWorker.request(.GET, "/console/risks").status == .forbidden)
        }
    }

    @Test("the risk page's forms need the CSRF token, show errors beside their fields and save")
    func forms() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let report = try await RiskRegisterTests.dispute(app, worker, people: 12, vulnerable: true)
            try await RiskRegisterTests.file(app, worker, report)
            let street = Browser(app)
            try await street.signIn("street_op")
            let path = "/console/risks/\(report.id.uuidString)"
            let (_, page, _) = try await street.request(.GET, path)
            #expect(page.contains("id=\"adjust-form\"") && page.contains("id=\"measures-form\""))
            let csrf = try #require(Browser.hidden("_csrf", in: page))
            #expect(try await street.request(.POST, path + "/adjust", form: ["likelihood": "2", "severity": "2", "reason": "x"]).status == .forbidden)

            let (bad, badPage, _) = try await street.request(.POST, path + "/adjust", form: ["likelihood": "2", "severity": "2", "reason": "", "_csrf": csrf])
            #expect(bad == .unprocessableEntity)
            #expect(badPage.contains("id=\"adjust-reason-error\"") && badPage.contains("请填写调整理由"))
            let (noPlan, noPlanPage, _) = try await street.request(
                .POST, path + "/measures",
                form: ["measures": "人社所约谈企业", "responsible_unit": "510117001", "responsible_person": "李科长", "plan": "", "_csrf": csrf])
            #expect(noPlan == .unprocessableEntity)
            #expect(noPlanPage.contains("id=\"measures-plan-error\"") && noPlanPage.contains("人社所约谈企业"))

            let (saved, _, location) = try await street.request(
                .POST, path + "/measures",
                form: ["measures": "人社所约谈企业", "responsible_unit": "510117001", "responsible_person": "李科长", "plan": "郫都区群体性事件应急预案",
                       "_csrf": csrf])
            #expect(saved == .seeOther && location?.hasPrefix(path) == true)
            let (adjusted, _, _) = try await street.request(
                .POST, path + "/adjust", form: ["likelihood": "2", "severity": "3", "reason": "企业已筹款，风险下降", "_csrf": csrf])
            #expect(adjusted == .seeOther)
            let (_, after, _) = try await street.request(.GET, path + "?saved=adjust")
            #expect(after.contains("企业已筹款，风险下降") && after.contains("郫都区群体性事件应急预案") && after.contains("3 × 5 → 2 × 3"))
            let (_, list, _) = try await street.request(.GET, "/console/risks")
            #expect(!list.contains("id=\"risk-majors\""))
        }
    }
}
