import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Units and departments in the console: an administrator adds and renames them through the
/// same service as the API; a bad code is named next to its field; others may not.
@Suite struct ConsoleUnitsTests {
    @Test("an administrator adds a department and a community, a wrong code is refused by field, and renames a unit")
    func manage() async throws {
        try await TestApp.with { app in
            let district = try await app.unit(code: "510117")
            let street = try await app.unit(code: "510117001")
            let admin = ConsoleTests.Browser(app)
            try await admin.signIn("admin")
            let (_, page, _) = try await admin.request(.GET, "/console/units?unit=\(district.id.uuidString)")
            #expect(page.contains("id=\"unit-add\""))
            let csrf = try #require(ConsoleTests.Browser.hidden("_csrf", in: page))
            let before = try await app.auditCount()

            let (added, addedPage, _) = try await admin.request(
                .POST, "/console/units?unit=\(district.id.uuidString)",
                form: ["_csrf": csrf, "kind": "department", "code": "510117-RF", "name": "区人防办"])
            #expect(added == .ok)
            #expect(addedPage.contains("已添加：区人防办"))
            let department = try #require(try await UnitStore.find(code: "510117-RF", on: app.db))
            #expect(department.kind == .department && department.path.rawValue.hasPrefix(district.path.rawValue))

            let (refused, refusedPage, _) = try await admin.request(
                .POST, "/console/units?unit=\(street.id.uuidString)",
                form: ["_csrf": csrf, "kind": "community", "code": "51011700X", "name": "新社区"])
            #expect(refused == .unprocessableEntity)
            #expect(refusedPage.contains("id=\"unit-code-error\""))
            #expect(refusedPage.contains("value=\"新社区\""))
            #expect(try await UnitStore.find(code: "51011700X", on: app.db) == nil)

            let (renamed, renamedPage, _) = try await admin.request(
                .POST, "/console/units/\(department.id.uuidString)/rename", form: ["_csrf": csrf, "name": "区人民防空办公室"])
            #expect(renamed == .ok && renamedPage.contains("已改名为 区人民防空办公室"))
            #expect(try await UnitStore.find(code: "510117-RF", on: app.db)?.name == "区人民防空办公室")
            #expect(try await app.auditCount() == before + 2)

            // a community operator sees the tree but no forms, and a forged form is refused
            let community = ConsoleTests.Browser(app)
            try await community.signIn("community_op")
            let (_, theirs, _) = try await community.request(.GET, "/console/units")
            #expect(!theirs.contains("id=\"unit-add\""))
            let theirCSRF = try #require(ConsoleTests.Browser.hidden("_csrf", in: theirs))
            let (forbidden, _, _) = try await community.request(
                .POST, "/console/units", form: ["_csrf": theirCSRF, "kind": "department", "code": "510117-XX", "name": "伪造"])
            #expect(forbidden == .forbidden)
            #expect(try await UnitStore.find(code: "510117-XX", on: app.db) == nil)
        }
    }
}
