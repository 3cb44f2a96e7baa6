import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The risk rules administrators set (风险评估规则): through `PUT /api/v1/risks/rules` or the
/// console's form, they apply to the next report at once; a wrong value answers 422 naming its
/// field and changes nothing.
@Suite struct RiskRulesSettingsTests {
    typealias Browser = ConsoleTests.Browser

    static func rules(_ app: Application, _ token: String) async throws -> RiskRulesDTO {
        let (status, body) = try await app.call(.GET, "/api/v1/risks/rules", token: token)
        guard status == .ok else { throw TestSupportError.unexpected("rules answered \(status): \(body)") }
        return try app.decode(RiskRulesDTO.self, body)
    }

    @Test("lowering many_people makes a newly reported dispute of three people carry the many-people fact; earlier risks keep theirs")
    func manyPeopleApplies() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let admin = try await app.token("admin")
            #expect(try await Self.rules(app, community) == RiskRules.standard.settings)
            // a grid worker neither reads the register nor sets the rules
            #expect(try await app.call(.GET, "/api/v1/risks/rules", token: worker).status == .forbidden)
            let before = try await RiskRegisterTests.dispute(app, worker, people: 3)
            try await RiskRegisterTests.file(app, worker, before)
            #expect(try await RiskRegisterTests.risk(app, community, before.id).facts.isEmpty)

            var changed = RiskRules.standard.settings
            changed.manyPeople = 3
            // only administrators change the rules
            #expect(try await app.call(.PUT, "/api/v1/risks/rules", token: community, json: changed).status == .forbidden)
            let auditBefore = try await app.auditCount()
            let (status, body) = try await app.call(.PUT, "/api/v1/risks/rules", token: admin, json: changed)
            #expect(status == .ok, "\(body)")
            #expect(try app.decode(RiskRulesDTO.self, body) == changed)
            #expect(try await Self.rules(app, community) == changed)
            #expect(try await app.auditCount() == auditBefore + 1)

            let after = try await RiskRegisterTests.dispute(app, worker, people: 3)
            try await RiskRegisterTests.file(app, worker, after)
            let risk = try await RiskRegisterTests.risk(app, community, after.id)
            #expect(risk.facts.map(\.code) == ["many_people"] && risk.facts.first?.count == 3)
            #expect(risk.likelihood == 3)
            #expect(try await RiskRegisterTests.risk(app, community, before.id).facts.isEmpty)
        }
    }

    @Test("a bad value answers 422 naming its field, through the API and the form (typed values kept); nothing changes")
    func badValueChangesNothing() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let auditBefore = try await app.auditCount()
            var bad = RiskRules.standard.settings
            bad.crowd = 2
            bad.major = nil
            let (status, body) = try await app.call(.PUT, "/api/v1/risks/rules", token: admin, json: bad)
            #expect(status == .unprocessableEntity)
            let error = try app.decode(APIErrorDTO.self, body)
            #expect(error.errors?.map(\.field) == ["crowd", "major"])
            #expect(try await Self.rules(app, admin) == RiskRules.standard.settings)
            #expect(try await app.auditCount() == auditBefore)

            let browser = Browser(app)
            try await browser.signIn("admin")
            let (pageStatus, page, _) = try await browser.request(.GET, "/console/admin/risk-rules")
            #expect(pageStatus == .ok)
            #expect(page.contains("风险评估规则") && page.contains("name=\"many_people\" value=\"5\""))
            let csrf = try #require(Browser.hidden("_csrf", in: page))
            let auditSignedIn = try await app.auditCount()
            var form = ["_csrf": csrf]
            for (key, value) in RiskRules.standard.settings.values { form[key] = value }
            form["repeat_radius"] = "abc"
            form["many_people"] = "7"
            let (refused, errorPage, _) = try await browser.request(.POST, "/console/admin/risk-rules", form: form)
            #expect(refused == .unprocessableEntity)
            #expect(errorPage.contains("<span class=\"field-error\" id=\"rules-repeat_radius-error\">请填写整数</span>"))
            #expect(errorPage.contains("name=\"repeat_radius\" value=\"abc\" aria-invalid=\"true\""))
            #expect(errorPage.contains("name=\"many_people\" value=\"7\""))
            #expect(!errorPage.contains("id=\"rules-many_people-error\""))
            #expect(try await Self.rules(app, admin) == RiskRules.standard.settings)
            #expect(try await app.auditCount() == auditSignedIn)

            form["repeat_radius"] = "150"
            let (saved, savedPage, _) = try await browser.request(.POST, "/console/admin/risk-rules", form: form)
            #expect(saved == .ok)
            #expect(savedPage.contains("风险评估规则已保存"))
            let stored = try await Self.rules(app, admin)
            #expect(stored.manyPeople == 7 && stored.repeatRadius == 150)
            #expect(try await app.auditCount() == auditSignedIn + 1)
            // the administration page links it; a community operator may not open it
            #expect(try await browser.request(.GET, "/console/admin").body.contains("/console/admin/risk-rules"))
            let operatorBrowser = Browser(app)
            try await operatorBrowser.signIn("community_op")
            #expect(try await operatorBrowser.request(.GET, "/console/admin/risk-rules").status == .forbidden)
        }
    }
}

extension RiskRulesDTO {
    /// The settings as a form sends them.
    fileprivate var values: [String: String] {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return object.compactMapValues { ($0 as? NSNumber).map { "\($0.intValue)" } }
    }
}
