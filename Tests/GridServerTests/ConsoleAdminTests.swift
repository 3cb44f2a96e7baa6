import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The console's administration pages (系统设置): admission list, holiday calendar, overdue
/// policy, webhook subscriptions and user accounts — each change made through the page is what
/// the API then serves, refused input answers 422 next to its field, and only administrators get in.
@Suite struct ConsoleAdminTests {
    typealias Browser = ConsoleTests.Browser

    /// The admin's browser, signed in, with the CSRF token of its session.
    static func admin(_ app: Application) async throws -> (Browser, String) {
        let browser = Browser(app)
        try await browser.signIn("admin")
        let (_, home, _) = try await browser.request(.GET, "/console")
        return (browser, try #require(Browser.hidden("_csrf", in: home)))
    }

    /// Posts a multipart form with one file, as a browser's file input sends it.
    static func upload(
        _ browser: Browser, _ path: String, fields: [String: String], file: (name: String, filename: String, content: String)
    ) async throws -> (status: HTTPStatus, body: String) {
        let boundary = "----gridgov-test-\(UUID().uuidString)"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(file.content)\r\n--\(boundary)--\r\n"
        let cookie = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await browser.app.testing().test(.POST, path, beforeRequest: { req in
            req.headers.replaceOrAdd(name: .accept, value: "text/html")
            req.headers.replaceOrAdd(name: .cookie, value: cookie)
            req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            req.body = ByteBuffer(string: body)
        }, afterResponse: { res in
            result = (res.status, res.body.string)
        })
        return result
    }

    /// The value of the input with `id`, as the page shows it.
    static func inputValue(id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\" value=\"") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test("the administrator sees the settings menu and every administration page in Chinese with the data in force")
    func pagesInChinese() async throws {
        try await TestApp.with { app in
            let (admin, _) = try await Self.admin(app)
            let (_, home, _) = try await admin.request(.GET, "/console")
            #expect(home.contains("href=\"/console/admin\""))
            #expect(home.contains("系统设置"))

            let (landingStatus, landing, _) = try await admin.request(.GET, "/console/admin")
            #expect(landingStatus == .ok)
            for title in ["事项准入清单", "节假日", "超期处置", "消息推送订阅", "用户与角色"] {
                #expect(landing.contains(title), "landing links \(title)")
            }

            let catalog = try app.grid.catalog.catalog
            let item = try #require(catalog.reportableTypes.first { $0.parentCode != nil })
            let (catalogStatus, catalogPage, _) = try await admin.request(.GET, "/console/admin/catalog")
            #expect(catalogStatus == .ok)
            #expect(catalogPage.contains("data-code=\"\(item.code)\""))
            #expect(catalogPage.contains(item.name))
            #expect(catalogPage.contains(item.eventClass.label.zhHans))
            #expect(catalogPage.contains("一级时限") && catalogPage.contains("当日办结"))

            let (calendarStatus, calendarPage, _) = try await admin.request(.GET, "/console/admin/calendar?year=2025")
            #expect(calendarStatus == .ok)
            #expect(calendarPage.contains("data-date=\"2025-10-01\""))
            #expect(calendarPage.contains("国庆节"))
            #expect(calendarPage.contains("调休上班"))
            #expect(calendarPage.contains("国务院办公厅公布的安排"))
            // the years the API says are missing are the ones the page asks for
            let token = try await app.token("admin")
            let needed = try app.decode(HolidayCalendarDTO.self, try await app.call(.GET, "/api/v1/calendar", token: token).body).yearsNeedingData
            for year in needed { #expect(calendarPage.contains("/console/admin/calendar?year=\(year)\"><strong>\(year)")) }
            #expect(calendarPage.contains("id=\"calendar-missing\"") == !needed.isEmpty)

            let (overdueStatus, overduePage, _) = try await admin.request(.GET, "/console/admin/overdue")
            #expect(overdueStatus == .ok)
            #expect(overduePage.contains("受理派遣"))
            #expect(overduePage.contains("<option value=\"escalate\" selected>自动上报上级</option>"))
            #expect(overduePage.contains("data-level=\"2\""))
            #expect(overduePage.contains("3 个工作日"))

            let (webhooksStatus, webhooksPage, _) = try await admin.request(.GET, "/console/admin/webhooks")
            #expect(webhooksStatus == .ok)
            #expect(webhooksPage.contains("新建推送订阅"))

            let (userStatus, userPage, _) = try await admin.request(.GET, "/console/users/gridworker")
            #expect(userStatus == .ok)
            #expect(userPage.contains("专职网格员"))
            #expect(userPage.contains("停用账号"))
            #expect(try await admin.request(.GET, "/console/users/nobody").status == .notFound)
        }
    }

    @Test("an admission-list file with a bad line is previewed with that line and column and changes nothing; the fixed file applies")
    func catalogPreviewAndApply() async throws {
        try await TestApp.with { app in
            let (admin, csrf) = try await Self.admin(app)
            let token = try await app.token("admin")
            let current = try app.grid.catalog.catalog
            let parent = try #require(current.types.first { $0.parentCode != nil && $0.code.count <= 4 })
            let original = current.csvText
            let lines = original.split(separator: "\n").count
            // two mistakes on the added line (level 9, flag 也许) and a second bad line
            let bad = original + "\(parent.code)99,测试新增事项,\(parent.code),管理类,,9,0,3,7,7,,否,否,也许\nZZ,缺列的行\n"
            let auditBefore = try await app.auditCount()

            let (status, page, _) = try await admin.request(.POST, "/console/admin/catalog/preview", form: ["csv": bad, "_csrf": csrf])
            #expect(status == .unprocessableEntity)
            #expect(page.contains("id=\"catalog-problems\""))
            #expect(page.contains("<tr data-line=\"\(lines + 1)\"><td class=\"num\">\(lines + 1)</td><td class=\"nowrap\">默认等级</td>"))
            #expect(page.contains("<td class=\"nowrap\">公开</td><td>“也许”无效，应为是或否</td>"))
            #expect(page.contains("data-line=\"\(lines + 2)\""))
            #expect(page.contains("应有 14 列，实际 2 列"))
            #expect(!page.contains("id=\"catalog-apply\""), "a file with problems cannot be applied")
            #expect(try app.grid.catalog.catalog == current)
            #expect(try await app.auditCount() == auditBefore)

            // a bad file sent straight to apply is refused too
            let (forced, _, _) = try await admin.request(.POST, "/console/admin/catalog/apply", form: ["csv": bad, "_csrf": csrf])
            #expect(forced == .unprocessableEntity)
            #expect(try app.grid.catalog.catalog == current)

            let fixed = original + "\(parent.code)99,测试新增事项,\(parent.code),管理类,,2,0,3,7,7,,否,否,是\n"
            let (checked, preview, _) = try await admin.request(.POST, "/console/admin/catalog/preview", form: ["csv": fixed, "_csrf": csrf])
            #expect(checked == .ok)
            #expect(preview.contains("id=\"catalog-apply\""))
            #expect(preview.contains("<li>\(parent.code)99 测试新增事项</li>"))
            #expect(try app.grid.catalog.catalog == current, "a preview changes nothing")

            let (applied, done, _) = try await admin.request(.POST, "/console/admin/catalog/apply", form: ["csv": fixed, "_csrf": csrf])
            #expect(applied == .ok)
            #expect(done.contains("准入清单已替换，共 \(current.types.count + 1) 项"))
            #expect(done.contains("data-code=\"\(parent.code)99\"") || done.contains("rel=\"next\""))
            let tree = try app.decode(EventTypeTreeDTO.self, try await app.call(.GET, "/api/v1/event-types", token: token).body)
            func find(_ nodes: [EventTypeNode]) -> EventTypeNode? {
                for node in nodes {
                    if node.type.code == "\(parent.code)99" { return node }
                    if let found = find(node.children) { return found }
                }
                return nil
            }
            let added = try #require(find(tree.items))
            #expect(added.type.name == "测试新增事项" && added.type.defaultLevel == 2 && added.type.parentCode == parent.code)
            #expect(try await app.auditCount() == auditBefore + 1)
        }
    }

    @Test("a holiday file uploaded on the page is checked line by line, then applied: the calendar API lists it and deadlines move")
    func calendarImport() async throws {
        try await TestApp.with { app in
            let (admin, csrf) = try await Self.admin(app)
            let token = try await app.token("admin")
            let year = 2031
            let newYear = try #require(CalendarDay(year: year, month: 1, day: 1))
            let eve = try #require(CalendarDay(year: year - 1, month: 12, day: 31))
            #expect(try app.grid.calendar.addingWorkingDays(1, to: eve) == newYear)

            let bad = "date,kind,festival\n\(year)-01-01,holiday,New Year's Day\n\(year)-02-30,holiday,Spring Festival\n\(year)-01-06,workday,Spring Festival\n"
            let (status, page) = try await Self.upload(
                admin, "/console/admin/calendar/preview", fields: ["_csrf": csrf], file: ("file", "holidays.csv", bad))
            #expect(status == .unprocessableEntity)
            #expect(page.contains("<tr data-line=\"3\">"))
            #expect(page.contains("日期“\(year)-02-30”无效"))
            #expect(page.contains("<tr data-line=\"4\">"))
            #expect(page.contains("应为周六或周日"))
            #expect(!page.contains("id=\"calendar-apply\""))
            #expect(try app.grid.calendar.addingWorkingDays(1, to: eve) == newYear)

            let good = "date,kind,festival\n\(year)-01-01,holiday,New Year's Day\n\(year)-01-02,holiday,New Year's Day\n"
                + "\(year)-01-03,holiday,New Year's Day\n\(year)-01-04,workday,New Year's Day\n"
            let (checked, preview) = try await Self.upload(
                admin, "/console/admin/calendar/preview", fields: ["_csrf": csrf], file: ("file", "holidays.csv", good))
            #expect(checked == .ok)
            #expect(preview.contains("id=\"calendar-apply\""))
            #expect(preview.contains("新增该年"))
            #expect(try app.grid.calendar.addingWorkingDays(1, to: eve) == newYear, "a preview changes nothing")

            let (applied, done, _) = try await admin.request(.POST, "/console/admin/calendar/apply", form: ["csv": good, "_csrf": csrf])
            #expect(applied == .ok)
            #expect(done.contains("已导入 \(year) 年的节假日安排，共 4 天"))
            #expect(done.contains("data-date=\"\(year)-01-02\""))
            #expect(done.contains("管理员导入"))
            let listed = try app.decode(HolidayCalendarDTO.self, try await app.call(.GET, "/api/v1/calendar?year=\(year)", token: token).body)
            #expect(listed.coverage.contains(year))
            #expect(listed.entries.map(\.date) == ["\(year)-01-01", "\(year)-01-02", "\(year)-01-03", "\(year)-01-04"])
            // Tuesday 31 December + 1 working day: not Wednesday 1 January nor the two days after
            // (holidays) but Saturday 4 January, a make-up workday
            #expect(try app.grid.calendar.addingWorkingDays(1, to: eve) == CalendarDay(year: year, month: 1, day: 4))
        }
    }

    @Test("the overdue policy saved through the form is what the API serves; a response a stage does not allow answers 422 at its field")
    func overduePolicyForm() async throws {
        try await TestApp.with { app in
            let (admin, csrf) = try await Self.admin(app)
            let token = try await app.token("admin")
            let auditBefore = try await app.auditCount()
            let form = ["triage": "supervise", "handling": "supervise", "verification": "none", "closing": "urge", "_csrf": csrf]
            let (status, page, _) = try await admin.request(.POST, "/console/admin/overdue", form: form)
            #expect(status == .ok)
            #expect(page.contains("超期处置策略已保存"))
            #expect(page.contains("<option value=\"supervise\" selected>自动督办</option>"))
            let policy = try app.decode(OverduePolicyDTO.self, try await app.call(.GET, "/api/v1/settings/overdue-policy", token: token).body)
            #expect(Dictionary(uniqueKeysWithValues: policy.stages.map { ($0.stage, $0.response) })
                == ["triage": "supervise", "handling": "supervise", "verification": "none", "closing": "urge"])
            #expect(try await app.auditCount() == auditBefore + 1)

            // escalation is only for waiting reports: handling may not escalate
            let (refused, errorPage, _) = try await admin.request(
                .POST, "/console/admin/overdue", form: ["triage": "urge", "handling": "escalate", "_csrf": csrf])
            #expect(refused == .unprocessableEntity)
            #expect(errorPage.contains("<span class=\"field-error\" id=\"overdue-handling-error\">“escalate”不适用于处置环节"))
            #expect(!errorPage.contains("id=\"overdue-triage-error\""))
            let unchanged = try app.decode(OverduePolicyDTO.self, try await app.call(.GET, "/api/v1/settings/overdue-policy", token: token).body)
            #expect(unchanged == policy, "all or nothing: triage kept its response too")
            #expect(try await app.auditCount() == auditBefore + 1)
        }
    }

    @Test("a webhook created on the page shows its secret once; the list never does; it can be switched off and its log opened")
    func webhookSecretOnce() async throws {
        try await TestApp.with { app in
            let (admin, csrf) = try await Self.admin(app)
            let token = try await app.token("admin")
            let (refused, invalid, _) = try await admin.request(.POST, "/console/admin/webhooks", form: ["url": "ftp://nowhere", "_csrf": csrf])
            #expect(refused == .unprocessableEntity)
            #expect(invalid.contains("<span class=\"field-error\">推送地址应为完整的 http(s) 网址</span>"))

            let (status, created, _) = try await admin.request(
                .POST, "/console/admin/webhooks",
                form: ["url": "https://dept.example.org/hook", "unit": "510117-ZF", "kinds[]": "assigned", "_csrf": csrf])
            #expect(status == .ok)
            let secret = try #require(Self.inputValue(id: "webhook-secret", in: created))
            #expect(secret.count >= 16)
            #expect(created.contains("签名密钥只显示这一次"))

            let (_, list, _) = try await admin.request(.GET, "/console/admin/webhooks")
            #expect(list.contains("https://dept.example.org/hook"))
            #expect(list.contains("assigned"))
            #expect(list.contains("尚未推送"))
            #expect(!list.contains(secret))
            #expect(!list.contains("id=\"webhook-secret\""))

            let subscriptions = try app.decode(WebhookListDTO.self, try await app.call(.GET, "/api/v1/webhooks", token: token).body).items
            let subscription = try #require(subscriptions.first { $0.url == "https://dept.example.org/hook" })
            #expect(subscription.kinds == ["assigned"] && subscription.unitPath.contains("510117-ZF") && subscription.active)

            let (disabled, _, location) = try await admin.request(
                .POST, "/console/admin/webhooks/\(subscription.id.uuidString)/disable", form: ["_csrf": csrf])
            #expect(disabled == .seeOther)
            #expect(location == "/console/admin/webhooks")
            let after = try app.decode(WebhookListDTO.self, try await app.call(.GET, "/api/v1/webhooks", token: token).body).items
            #expect(after.first { $0.id == subscription.id }?.active == false)
            let (_, listAfter, _) = try await admin.request(.GET, "/console/admin/webhooks")
            #expect(listAfter.contains("已停用"))

            let (logStatus, log, _) = try await admin.request(.GET, "/console/admin/webhooks/\(subscription.id.uuidString)")
            #expect(logStatus == .ok)
            #expect(log.contains("推送记录") && log.contains("尚无推送记录"))
            #expect(!log.contains(secret))
            #expect(try await admin.request(.GET, "/console/admin/webhooks/\(UUID().uuidString)").status == .notFound)
        }
    }

    @Test("an administrator changes a user's roles and unit and disables the account through the page, as the API would")
    func userAdministration() async throws {
        try await TestApp.with { app in
            let (admin, csrf) = try await Self.admin(app)
            let token = try await app.token("admin")
            let worker = try #require(try await UserStore.find(username: "gridworker", on: app.db))
            let auditBefore = try await app.auditCount()

            let (refused, errorPage, _) = try await admin.request(
                .POST, "/console/users/gridworker", form: ["action": "save", "unit": "510117001001", "_csrf": csrf])
            #expect(refused == .unprocessableEntity)
            #expect(errorPage.contains("<span class=\"field-error\">至少选择一个角色</span>"))

            let (status, page, _) = try await admin.request(
                .POST, "/console/users/gridworker", form: ["action": "save", "roles[]": "grid_head", "unit": "510117001001", "_csrf": csrf])
            #expect(status == .ok)
            #expect(page.contains("已保存"))
            let changed = try app.decode(UserDTO.self, try await app.call(.GET, "/api/v1/users/\(worker.id.uuidString)", token: token).body)
            #expect(changed.roles == [.gridHead])
            #expect(changed.unit.code == "510117001001")

            let (disabled, disabledPage, _) = try await admin.request(.POST, "/console/users/gridworker", form: ["action": "disable", "_csrf": csrf])
            #expect(disabled == .ok)
            #expect(disabledPage.contains("账号已停用"))
            #expect(try await app.call(.POST, "/api/v1/auth/login", json: LoginRequestDTO(username: "gridworker", password: TestApp.password)).status
                == .forbidden)
            let (enabled, _, _) = try await admin.request(.POST, "/console/users/gridworker", form: ["action": "enable", "_csrf": csrf])
            #expect(enabled == .ok)
            #expect(try await app.call(.POST, "/api/v1/auth/login", json: LoginRequestDTO(username: "gridworker", password: TestApp.password)).status
                == .ok)
            let entries = try await AuditLog.list(.init(action: "user.updated"), page: 1, per: 10, on: app.db)
            #expect(entries.total == 3)
            #expect(try await app.auditCount() > auditBefore)
        }
    }

    @Test("a community operator sees no settings menu and gets 403 on every administration page and form")
    func communityOperatorLockedOut() async throws {
        try await TestApp.with { app in
            let operatorBrowser = Browser(app)
            try await operatorBrowser.signIn("community_op")
            let (_, home, _) = try await operatorBrowser.request(.GET, "/console")
            #expect(!home.contains("系统设置"))
            #expect(!home.contains("href=\"/console/admin\""))
            let csrf = try #require(Browser.hidden("_csrf", in: home))
            for path in ["/console/admin", "/console/admin/catalog", "/console/admin/catalog/export", "/console/admin/calendar",
                         "/console/admin/overdue", "/console/admin/webhooks"] {
                #expect(try await operatorBrowser.request(.GET, path).status == .forbidden, "GET \(path)")
            }
            let posts: [(String, [String: String])] = [
                ("/console/admin/catalog/preview", ["csv": "x"]), ("/console/admin/catalog/apply", ["csv": "x"]),
                ("/console/admin/calendar/preview", ["csv": "x"]), ("/console/admin/calendar/apply", ["csv": "x"]),
                ("/console/admin/overdue", ["triage": "urge"]), ("/console/admin/webhooks", ["url": "https://example.org/h"]),
                ("/console/users/gridworker", ["action": "disable"]),
            ]
            for (path, form) in posts {
                var withToken = form
                withToken["_csrf"] = csrf
                #expect(try await operatorBrowser.request(.POST, path, form: withToken).status == .forbidden, "POST \(path)")
            }
            // the user page itself is readable (users.read), without the forms
            let (status, userPage, _) = try await operatorBrowser.request(.GET, "/console/users/gridworker")
            #expect(status == .ok)
            #expect(!userPage.contains("id=\"user-change\""))
            #expect(try await UserStore.find(username: "gridworker", on: app.db)?.disabled == false)
        }
    }

    @Test("administration forms posted without the session's CSRF token are refused and change nothing")
    func formsNeedCSRF() async throws {
        try await TestApp.with { app in
            let (admin, _) = try await Self.admin(app)
            let auditBefore = try await app.auditCount()
            let policyBefore = try await admin.request(.GET, "/console/admin/overdue").body
            #expect(try await admin.request(.POST, "/console/admin/overdue", form: ["triage": "urge"]).status == .forbidden)
            #expect(try await admin.request(.POST, "/console/admin/webhooks", form: ["url": "https://example.org/h"]).status == .forbidden)
            #expect(try await admin.request(.POST, "/console/users/gridworker", form: ["action": "disable"]).status == .forbidden)
            let catalog = try app.grid.catalog.catalog
            #expect(try await admin.request(.POST, "/console/admin/catalog/apply", form: ["csv": catalog.csvText]).status == .forbidden)
            #expect(try await admin.request(.POST, "/console/admin/overdue", form: ["triage": "urge", "_csrf": "forged"]).status == .forbidden)
            #expect(try await admin.request(.GET, "/console/admin/overdue").body == policyBefore)
            #expect(try await UserStore.find(username: "gridworker", on: app.db)?.disabled == false)
            #expect(try await app.auditCount() == auditBefore)
        }
    }
}
