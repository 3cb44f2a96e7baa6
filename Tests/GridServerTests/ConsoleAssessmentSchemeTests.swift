import Foundation
import GridCore
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The console's scheme editor and bonus form: an administrator changes weights and rules by
/// form, a bad value comes back beside its field with nothing stored, a leader may look but not
/// change, and a bonus with its reason moves a subject's total.
@Suite struct ConsoleAssessmentSchemeTests {
    /// The editor's fields for `scheme`, as the page sends them.
    static func form(_ scheme: AssessmentScheme, csrf: String) -> [String: String] {
        var fields = ["_csrf": csrf, "name": scheme.name, "subject": scheme.subject.rawValue, "rows": String(scheme.items.count + 1)]
        for (index, item) in scheme.items.enumerated() {
            fields["item-\(index)-indicator"] = item.indicator
            fields["item-\(index)-weight"] = String(item.weight)
            switch item.rule {
            case .linear(let zeroAt, let fullAt):
                fields["item-\(index)-rule"] = "linear"
                fields["item-\(index)-zero"] = String(zeroAt)
                fields["item-\(index)-full"] = String(fullAt)
            case .thresholds(let steps):
                fields["item-\(index)-rule"] = "thresholds"
                fields["item-\(index)-steps"] = steps.map { "\($0.atLeast):\($0.points)" }.joined(separator: ",")
            case .penalty(let each):
                fields["item-\(index)-rule"] = "penalty"
                fields["item-\(index)-each"] = String(each)
            }
        }
        for band in scheme.bands where band.grade != .unqualified { fields["band-\(band.grade.rawValue)"] = String(band.minimum) }
        if let forced = scheme.forced {
            fields["forced"] = "on"
            fields["forced-excellent"] = String(forced.maxExcellentShare * 100)
            fields["forced-basic"] = String(forced.minBasicShare * 100)
        }
        return fields
    }

    @Test("a bad weight and a wrong total come back beside their fields as typed (422), and the stored scheme is unchanged")
    func refusedFormKeepsWhatWasTyped() async throws {
        try await TestApp.with { app in
            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("admin")
            let path = "/console/assessments/schemes/\(AssessmentStore.defaultWorkerID)"
            let (status, page, _) = try await browser.request(.GET, path)
            #expect(status == .ok)
            #expect(page.contains("网格员月度考核（默认）") && page.contains("id=\"item-0-weight\""))
            // the default worker scheme's first row is 有效上报 worth 25, scored linearly 0 → 30
            #expect(page.contains("value=\"valid\" title=") && page.contains("name=\"item-0-weight\" value=\"25\""))
            let csrf = try #require(ConsoleTests.Browser.hidden("_csrf", in: page))
            let before = try #require(try await AssessmentStore.scheme(AssessmentStore.defaultWorkerID, on: app.db))

            var bad = Self.form(before, csrf: csrf)
            bad["item-1-weight"] = "二十"
            bad["item-2-rule"] = "thresholds"
            bad["item-2-steps"] = "1星:5"
            let (refused, refusal, _) = try await browser.request(.POST, path, form: bad)
            #expect(refused == .unprocessableEntity)
            #expect(refusal.contains("id=\"item-1-weight-error\">“二十”不是数字"))
            #expect(refusal.contains("id=\"item-2-rule-error\">分档写作"))
            #expect(refusal.contains("name=\"item-1-weight\" value=\"二十\""))
            // the knock-on "weights must add up to 100" is not piled on a number that did not parse
            #expect(!refusal.contains("id=\"s-items-error\""))

            var wrongTotal = Self.form(before, csrf: csrf)
            wrongTotal["item-0-weight"] = "30"
            let (totalStatus, totalPage, _) = try await browser.request(.POST, path, form: wrongTotal)
            #expect(totalStatus == .unprocessableEntity)
            #expect(totalPage.contains("id=\"s-items-error\" role=\"alert\">加分项分值合计应为 100，现为 105"))

            var badBand = Self.form(before, csrf: csrf)
            badBand["band-qualified"] = "95"
            let (bandStatus, bandPage, _) = try await browser.request(.POST, path, form: badBand)
            #expect(bandStatus == .unprocessableEntity && bandPage.contains("id=\"s-bands-error\""))

            #expect(try await AssessmentStore.scheme(AssessmentStore.defaultWorkerID, on: app.db) == before)
        }
    }

    @Test("changing weights and a rule by form saves the scheme, audited; a new scheme is made from a copy; a leader cannot edit")
    func savesAndCopies() async throws {
        try await TestApp.with { app in
            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("admin")
            let path = "/console/assessments/schemes/\(AssessmentStore.defaultWorkerID)"
            let (_, page, _) = try await browser.request(.GET, path)
            let csrf = try #require(ConsoleTests.Browser.hidden("_csrf", in: page))
            let before = try #require(try await AssessmentStore.scheme(AssessmentStore.defaultWorkerID, on: app.db))

            var fields = Self.form(before, csrf: csrf)
            fields["item-0-weight"] = "35"  // 有效上报 25 → 35
            fields["item-1-weight"] = "10"  // 有效上报率 20 → 10
            fields["item-2-rule"] = "thresholds"  // 发现星级 by steps, typed on a Chinese keyboard
            fields["item-2-steps"] = "３：１０，4：25"
            fields["forced-excellent"] = "15%"
            let (saved, _, location) = try await browser.request(.POST, path, form: fields)
            #expect(saved == .seeOther)
            #expect(location == path + "?saved=1")
            let after = try #require(try await AssessmentStore.scheme(AssessmentStore.defaultWorkerID, on: app.db))
            #expect(after.items[0].weight == 35 && after.items[1].weight == 10)
            #expect(after.items[2].rule == .thresholds(steps: [.init(atLeast: 3, points: 10), .init(atLeast: 4, points: 25)]))
            #expect(after.forced?.maxExcellentShare == 0.15)
            #expect(after.items.count == before.items.count && after.bands == before.bands)
            let (_, confirmation, _) = try await browser.request(.GET, location ?? path)
            #expect(confirmation.contains("考核方案已保存"))
            let audited = try await AuditLog.list(.init(action: "assessment.scheme"), page: 1, per: 10, on: app.db)
            #expect(audited.items.contains { $0.targetID == AssessmentStore.defaultWorkerID.uuidString })

            // a copy, with one item removed (indicator set to none) and its weight moved to another
            let (_, copyPage, _) = try await browser.request(.GET, "/console/assessments/schemes/new?from=\(AssessmentStore.defaultWorkerID)")
            #expect(copyPage.contains("网格员月度考核（默认）（副本）"))
            var copy = Self.form(after, csrf: csrf)
            copy["name"] = "网格员季度考核"
            copy["item-4-indicator"] = ""  // patrol hours, 10 points
            copy["item-0-weight"] = "45"
            let (created, _, createdAt) = try await browser.request(.POST, "/console/assessments/schemes/new", form: copy)
            #expect(created == .seeOther)
            let schemes = try await AssessmentStore.schemeList(on: app.db)
            let made = try #require(schemes.first { $0.name == "网格员季度考核" })
            #expect(createdAt == "/console/assessments/schemes/\(made.id)?saved=1")
            #expect(made.items.count == after.items.count - 1 && !made.items.contains { $0.indicator == "patrol_hours" })
            #expect(try await AssessmentStore.scheme(AssessmentStore.defaultWorkerID, on: app.db) == after)

            let leader = ConsoleTests.Browser(app)
            try await leader.signIn("leader")
            let (home, homePage, _) = try await leader.request(.GET, "/console/assessments")
            #expect(home == .ok && !homePage.contains("class=\"scheme-edit\""))
            #expect(try await leader.request(.GET, path).status == .forbidden)
            let (_, leaderHome, _) = try await leader.request(.GET, "/console/assessments")
            let leaderCSRF = try #require(ConsoleTests.Browser.hidden("_csrf", in: leaderHome))
            var forged = Self.form(after, csrf: leaderCSRF)
            forged["item-0-weight"] = "5"
            #expect(try await leader.request(.POST, path, form: forged).status == .forbidden)
            #expect(try await AssessmentStore.scheme(AssessmentStore.defaultWorkerID, on: app.db) == after)
        }
    }

    @Test("a bonus needs a subject and a reason; given, it moves the subject's total by its points and stays with later re-runs")
    func bonusOnADraft() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let report = try await EventFixtures.report(app, worker, description: "3号楼消防通道被杂物堵塞")
            #expect(try await app.call(.POST, "/api/v1/events", token: worker, json: report).status == .created)
            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("admin")
            let (_, home, _) = try await browser.request(.GET, "/console/assessments")
            let csrf = try #require(ConsoleTests.Browser.hidden("_csrf", in: home))
            let month = StatPeriod.containing(WorkingCalendar().day(of: Date()), length: "month").description
            let (_, _, location) = try await browser.request(
                .POST, "/console/assessments/run",
                form: ["_csrf": csrf, "scheme": AssessmentStore.defaultWorkerID.uuidString, "unit": "510117", "period": month])
            let runPath = try #require(location)
            let runID = try #require(UUID(uuidString: String(runPath.split(separator: "/").last ?? "")))
            let before = try #require(try await AssessmentStore.run(runID, on: app.db))
            let subject = try #require(before.results.first)
            let (_, runPage, _) = try await browser.request(.GET, runPath)
            #expect(runPage.contains("id=\"bonus-form\"") && runPage.contains("<option value=\"\(subject.key)\">"))

            let (refused, refusal, _) = try await browser.request(
                .POST, runPath + "/bonus", form: ["_csrf": csrf, "subject": subject.key, "points": "5", "reason": ""])
            #expect(refused == .unprocessableEntity)
            #expect(refusal.contains("id=\"bonus-reason-error\">加减分须说明理由"))
            #expect(refusal.contains("name=\"points\" value=\"5\""))
            let (tooMuch, tooMuchPage, _) = try await browser.request(
                .POST, runPath + "/bonus", form: ["_csrf": csrf, "subject": subject.key, "points": "25", "reason": "市级表彰"])
            #expect(tooMuch == .unprocessableEntity && tooMuchPage.contains("id=\"bonus-points-error\">加减分不超过 20 分"))
            #expect(try await AssessmentStore.run(runID, on: app.db)?.bonuses.isEmpty == true)

            let (given, _, back) = try await browser.request(
                .POST, runPath + "/bonus", form: ["_csrf": csrf, "subject": subject.key, "points": "3", "reason": "协助处置火情"])
            #expect(given == .seeOther && back == runPath)
            let after = try #require(try await AssessmentStore.run(runID, on: app.db))
            let scored = try #require(after.results.first { $0.key == subject.key })
            #expect(scored.bonus == 3 && scored.bonusReasons.contains("协助处置火情"))
            #expect(abs(scored.total - (subject.total + 3)) < 0.001)
            let (_, shown, _) = try await browser.request(.GET, runPath)
            #expect(shown.contains("协助处置火情"))
        }
    }
}
