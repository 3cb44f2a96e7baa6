import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import SQLKit
import Testing
import Vapor

/// The register in the console: an exact ID-number search finds the person masked; the
/// community operator unmasks one record with a reason, which the audit log keeps without the
/// number; a grid worker of another grid finds nobody.
@Suite struct ConsolePeopleTests {
    @Test("search by exact ID number, masked; unmask with a reason, audited; nobody outside the scope")
    func searchAndUnmask() async throws {
        try await TestApp.with { app in
            let services = try app.grid
            let community = try #require(try await UnitStore.find(code: "510117001001", on: app.db))
            let worker = try #require(try await UserStore.find(username: "gridworker", on: app.db))
            let people = try await BasicDataRecords.people(under: community.path, includeMovedOut: false, keyRing: services.keyRing, on: app.db)
            // someone of the community who lives outside the grid worker's grid
            let person = try #require(people.first { !worker.unit.path.contains($0.gridPath) })

            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("community_op")
            let (status, page, _) = try await browser.request(.GET, "/console/people?id_number=\(person.idNumber)")
            #expect(status == .ok)
            #expect(page.contains(person.name))
            #expect(page.contains(Masking.maskIDNumber(person.idNumber)))
            #expect(!page.contains(person.idNumber))

            let path = "/console/people/\(person.id.uuidString)"
            let (_, record, _) = try await browser.request(.GET, path)
            #expect(!record.contains(person.idNumber))
            let csrf = try #require(ConsoleTests.Browser.hidden("_csrf", in: record))
            let (refused, noReason, _) = try await browser.request(.POST, path + "/unmask", form: ["_csrf": csrf, "reason": " "])
            #expect(refused == .unprocessableEntity)
            #expect(noReason.contains("须说明理由"))
            let (shown, clear, _) = try await browser.request(.POST, path + "/unmask", form: ["_csrf": csrf, "reason": "核实低保申请"])
            #expect(shown == .ok)
            #expect(clear.contains(person.idNumber))
            let audit = try await (try #require(app.db as? any SQLDatabase)).raw("SELECT summary FROM audit_log WHERE action = 'person.unmasked'").all()
            let summaries = try audit.map { try $0.decode(column: "summary", as: String.self) }
            #expect(summaries.contains { $0.contains("核实低保申请") })
            #expect(!summaries.contains { $0.contains(person.idNumber) })

            // a grid worker of another grid finds nobody by the same number
            let outsider = ConsoleTests.Browser(app)
            try await outsider.signIn("gridworker")
            let (_, none, _) = try await outsider.request(.GET, "/console/people?id_number=\(person.idNumber)")
            #expect(none.contains("共 0"))
            let (hidden, _, _) = try await outsider.request(.GET, path)
            #expect(hidden == .notFound)
        }
    }
}
