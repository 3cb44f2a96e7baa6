import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The console's organisations register and its basic-data import with a dry-run preview.
@Suite struct ConsoleOrganizationsAndImportTests {
    @Test("organisations: search by name and exact credit code within scope, phones masked, a bad kind named; the page keeps history")
    func organizations() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let building = try await HousingAndOrganizationsTests.building(app, worker)
            let code = HousingAndOrganizationsTests.creditCode(7373)
            let csv = """
                单位名称,统一社会信用代码,单位类型,地址编码,法定代表人,联系电话,从业人数
                蓝天餐饮管理有限公司,\(code),企业,\(building.addressCode),孙八,13900139002,8
                """
            #expect(try await app.call(.POST, "/api/v1/organizations/import", token: worker, raw: csv).status == .ok)

            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("community_op")
            let name = "蓝天餐饮".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
            let (status, page, _) = try await browser.request(.GET, "/console/organizations?q=\(name)")
            #expect(status == .ok)
            #expect(page.contains("蓝天餐饮管理有限公司") && page.contains(code))
            #expect(page.contains("139****9002") && !page.contains("13900139002"))
            #expect(page.components(separatedBy: "<tr data-id=").count == 2)
            let id = try #require(page.range(of: "/console/organizations/").map { String(page[$0.upperBound...].prefix(36)) })

            let (_, byCode, _) = try await browser.request(.GET, "/console/organizations?credit_code=\(code)")
            #expect(byCode.contains("data-id=\"\(id)\""))
            let (badKind, badPage, _) = try await browser.request(.GET, "/console/organizations?kind=spaceship")
            #expect(badKind == .unprocessableEntity && badPage.contains("未知的单位类型"))

            let (detail, detailPage, _) = try await browser.request(.GET, "/console/organizations/\(id)")
            #expect(detail == .ok && detailPage.contains("孙八") && detailPage.contains("id=\"history\""))

            // another community's operator does not find it, by name or by page
            _ = try await app.makeUser("community_b", role: .communityOperator, unit: "510117002001")
            let outsider = ConsoleTests.Browser(app)
            try await outsider.signIn("community_b")
            let (_, outsiderList, _) = try await outsider.request(.GET, "/console/organizations?credit_code=\(code)")
            #expect(!outsiderList.contains("蓝天餐饮管理有限公司"))
            let (hidden, _, _) = try await outsider.request(.GET, "/console/organizations/\(id)")
            #expect(hidden == .notFound)
        }
    }

    @Test("import: a file with a bad line is listed by line and column and writes nothing; the fixed file is checked, then imported")
    func importPreview() async throws {
        try await TestApp.with { app in
            let rooms = try await PeopleImportTests.roomCodes(app, under: "/510117/510117001/510117001001/")
            let good = PeopleImportTests.csv(count: 30, rooms: rooms)
            var lines = good.split(separator: "\n").map(String.init)
            lines[17] = lines[17].replacingOccurrences(of: "居民身份证", with: "会员卡")
            let bad = lines.joined(separator: "\n")
            let before = try await PeopleImportTests.peopleCount(app)

            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("community_op")
            let (formStatus, form, _) = try await browser.request(.GET, "/console/import")
            #expect(formStatus == .ok && form.contains("批量导入") && form.contains("证件号码"))
            let csrf = try #require(ConsoleTests.Browser.hidden("_csrf", in: form))

            let (refused, problems, _) = try await browser.request(
                .POST, "/console/import", form: ["_csrf": csrf, "kind": "people", "step": "check"], files: ["file": ("people.csv", bad)])
            #expect(refused == .unprocessableEntity)
            #expect(problems.contains("data-row=\"18\"") && problems.contains("证件类型"))
            #expect(problems.contains("没有写入任何数据"))
            #expect(!problems.contains("id=\"import-confirm\""))
            #expect(try await PeopleImportTests.peopleCount(app) == before)

            let (checked, preview, _) = try await browser.request(
                .POST, "/console/import", form: ["_csrf": csrf, "kind": "people", "step": "check"], files: ["file": ("people.csv", good)])
            #expect(checked == .ok)
            #expect(preview.contains("id=\"import-confirm\"") && preview.contains("检查通过，可以导入的记录： 30"))
            #expect(try await PeopleImportTests.peopleCount(app) == before)

            // the confirmation form carries the checked file back
            let carried = try #require(preview.range(of: "<textarea name=\"csv\" hidden>").flatMap { start in
                preview.range(of: "</textarea>", range: start.upperBound..<preview.endIndex).map { String(preview[start.upperBound..<$0.lowerBound]) }
            })
            let (imported, done, _) = try await browser.request(
                .POST, "/console/import", form: ["_csrf": csrf, "kind": "people", "step": "import", "csv": Self.unescape(carried)])
            #expect(imported == .ok)
            #expect(done.contains("id=\"import-done\"") && done.contains("30"))
            #expect(try await PeopleImportTests.peopleCount(app) == before + 30)
            #expect(try await app.auditCount() > 0)

            // a grid worker may write basic data too, but a leader may not import: no menu entry, 403
            let leader = ConsoleTests.Browser(app)
            try await leader.signIn("leader")
            let (_, home, _) = try await leader.request(.GET, "/console")
            #expect(!home.contains("href=\"/console/import\""))
            let (forbidden, _, _) = try await leader.request(.GET, "/console/import")
            #expect(forbidden == .forbidden)
        }
    }

    /// What a browser submits for the text Leaf escaped into the page.
    static func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
