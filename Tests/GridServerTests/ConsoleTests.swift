import Foundation
import GridCore
import GridServer
import GridTestSupport
import Testing
import Vapor

/// The console's sign-in, CSRF protection and role-dependent menu.
@Suite struct ConsoleTests {
    /// A tiny browser: keeps cookies between requests.
    final class Browser: @unchecked Sendable {
        let app: Application
        var cookies: [String: String] = [:]

        init(_ app: Application) { self.app = app }

        /// `form` goes URL-encoded; `files` (field → (file name, content)) makes it multipart, as a
        /// browser sends a form with a file input.
        func request(
            _ method: HTTPMethod, _ path: String, form: [String: String]? = nil, files: [String: (name: String, content: String)]? = nil
        ) async throws -> (status: HTTPStatus, body: String, location: String?) {
            var result: (HTTPStatus, String, String?) = (.internalServerError, "", nil)
            let jar = cookies
            try await app.testing().test(method, path, beforeRequest: { req in
                req.headers.replaceOrAdd(name: .accept, value: "text/html")
                if !jar.isEmpty { req.headers.replaceOrAdd(name: .cookie, value: jar.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
                if let files {
                    let boundary = "gridgov-test-\(UUID().uuidString)"
                    var body = ""
                    for (name, value) in form ?? [:] {
                        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
                    }
                    for (field, file) in files {
                        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(file.name)\"\r\n"
                        body += "Content-Type: text/csv\r\n\r\n\(file.content)\r\n"
                    }
                    body += "--\(boundary)--\r\n"
                    req.headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                    req.body = ByteBuffer(string: body)
                } else if let form {
                    try req.content.encode(form, as: .urlEncodedForm)
                }
            }, afterResponse: { res in
                for cookie in res.headers[.setCookie] {
                    let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                    if pair.count == 2 { self.cookies[String(pair[0])] = String(pair[1]) }
                    if cookie.contains("Expires=Thu, 01 Jan 1970") || cookie.contains("Max-Age=0") { self.cookies[String(pair[0])] = nil }
                }
                result = (res.status, res.body.string, res.headers.first(name: .location))
            })
            return result
        }

        func signIn(_ username: String) async throws {
            let (_, page, _) = try await request(.GET, "/login")
            let csrf = try #require(Self.hidden("_csrf", in: page))
            let (status, _, location) = try await request(.POST, "/login", form: ["username": username, "password": TestApp.password, "_csrf": csrf])
            #expect(status == .seeOther)
            #expect(location == "/console")
        }

        static func hidden(_ name: String, in html: String) -> String? {
            guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
            return String(html[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test("the login page is Chinese first, and English on request")
    func loginPage() async throws {
        try await TestApp.with(seedDemo: false) { app in
            let browser = Browser(app)
            let (status, page, _) = try await browser.request(.GET, "/login")
            #expect(status == .ok)
            #expect(page.contains("网格化社会治理综合信息平台"))
            #expect(page.contains("用户名"))
            let (_, english, _) = try await browser.request(.GET, "/login?lang=en")
            #expect(english.contains("Sign in"))
        }
    }

    @Test("signing in without the login form's CSRF token fails")
    func loginNeedsCSRF() async throws {
        try await TestApp.with { app in
            let browser = Browser(app)
            let (status, page, _) = try await browser.request(.POST, "/login", form: ["username": "admin", "password": TestApp.password])
            #expect(status == .unauthorized)
            #expect(page.contains("CSRF"))
            #expect(browser.cookies["gridgov_session"] == nil)
        }
    }

    @Test("after sign-in the header shows the user's unit and role, and the menu only what the role may use")
    func shellByRole() async throws {
        try await TestApp.with { app in
            let admin = Browser(app)
            try await admin.signIn("admin")
            let (_, adminHome, _) = try await admin.request(.GET, "/console")
            #expect(adminHome.contains("郫都区"))
            #expect(adminHome.contains("系统管理员"))
            #expect(adminHome.contains("用户管理"))
            #expect(adminHome.contains("操作日志"))

            let worker = Browser(app)
            try await worker.signIn("gridworker")
            let (_, workerHome, _) = try await worker.request(.GET, "/console")
            #expect(workerHome.contains("专职网格员"))
            #expect(workerHome.contains("第1网格"))
            #expect(!workerHome.contains("用户管理"))
            #expect(!workerHome.contains("操作日志"))
            #expect(try await worker.request(.GET, "/console/audit").status == .forbidden)
        }
    }

    @Test("a console form posted without the session's CSRF token is refused and changes nothing")
    func formsNeedCSRF() async throws {
        try await TestApp.with { app in
            let admin = Browser(app)
            try await admin.signIn("admin")
            let form = ["username": "forged", "password": "another-pass-9", "role": "grid_worker", "unit": "510117001001001"]
            #expect(try await admin.request(.POST, "/console/users", form: form).status == .forbidden)
            let (_, page, _) = try await admin.request(.GET, "/console/users")
            #expect(!page.contains("forged"))
            var withToken = form
            let token = try #require(Browser.hidden("_csrf", in: page))
            withToken["_csrf"] = token
            let (status, created, _) = try await admin.request(.POST, "/console/users", form: withToken)
            #expect(status == .ok)
            #expect(created.contains("forged"))
        }
    }

    @Test("a bad user form shows the error next to the field")
    func fieldErrors() async throws {
        try await TestApp.with { app in
            let admin = Browser(app)
            try await admin.signIn("admin")
            let (_, page, _) = try await admin.request(.GET, "/console/users")
            let csrf = try #require(Browser.hidden("_csrf", in: page))
            let (status, html, _) = try await admin.request(
                .POST, "/console/users", form: ["username": "ok_name", "password": "x", "role": "grid_worker", "unit": "510117001001001", "_csrf": csrf])
            #expect(status == .unprocessableEntity)
            #expect(html.contains("field-error"))
            #expect(html.contains("密码至少 8 个字符"))
        }
    }

    @Test("pages need a session; signing out ends it")
    func signOut() async throws {
        try await TestApp.with { app in
            let browser = Browser(app)
            let (status, _, location) = try await browser.request(.GET, "/console/units")
            #expect(status == .seeOther)
            #expect(location?.hasPrefix("/login?next=") == true)
            try await browser.signIn("street_op")
            let (_, units, _) = try await browser.request(.GET, "/console/units")
            #expect(units.contains("郫筒街道"))
            let csrf = try #require(Browser.hidden("_csrf", in: units))
            #expect(try await browser.request(.POST, "/logout", form: ["_csrf": csrf]).status == .seeOther)
            #expect(try await browser.request(.GET, "/console").status == .seeOther)
        }
    }
}

/// The map page and the public responsibility board.
@Suite struct MapPagesTests {
    @Test("the map page loads Leaflet from Debian's package and lists the units in scope")
    func mapPage() async throws {
        try await TestApp.with { app in
            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("street_op")
            let (status, page, _) = try await browser.request(.GET, "/console/map")
            #expect(status == .ok)
            #expect(page.contains("/javascript/leaflet/leaflet.js"))
            #expect(page.contains("data-unit=\"510117001\""))
            #expect(page.contains("郫筒街道"))
            #expect(!page.contains("value=\"510117002\""), "another street is outside the scope")
            let resident = ConsoleTests.Browser(app)
            try await app.makeUser("resident1", role: .resident, unit: "510117001001001")
            try await resident.signIn("resident1")
            #expect(try await resident.request(.GET, "/console/map").status == .forbidden)
        }
    }

    @Test("the board is public, names the grid and its people, and draws its outline")
    func board() async throws {
        try await TestApp.with { app in
            let browser = ConsoleTests.Browser(app)
            let (status, page, _) = try await browser.request(.GET, "/board/510117001001001")
            #expect(status == .ok)
            #expect(page.contains("网格责任公示牌"))
            #expect(page.contains("第1网格"))
            #expect(page.contains("510117001001001"))
            #expect(page.contains("<path d=\"M"))
            #expect(page.contains("专职网格员"))
            #expect(try await browser.request(.GET, "/board/510117001001").status == .notFound)
            #expect(try await browser.request(.GET, "/board/nothing").status == .notFound)
        }
    }
}

/// Every console string exists in both languages.
@Suite struct PageStringsTests {
    @Test("the zh-Hans and en catalogs have the same keys and no empty texts")
    func catalogsMatch() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/GridServer/Resources/Localizations")
        let strings = try PageStrings(directory: directory.path)
        let chinese = strings.table(.zhHans), english = strings.table(.en)
        #expect(!chinese.isEmpty)
        #expect(Set(chinese.keys) == Set(english.keys), "missing: \(Set(chinese.keys).symmetricDifference(english.keys).sorted())")
        #expect(chinese.values.allSatisfy { !$0.isEmpty })
        #expect(english.values.allSatisfy { !$0.isEmpty })
    }
}
