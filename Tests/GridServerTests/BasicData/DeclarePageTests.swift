import Foundation
import GridCore
import GridServer
import GridTestSupport
import Testing
import Vapor

/// The public self-declaration page (自主申报) as a browser sends it: a resident without an
/// account, and a staff member whose browser is signed in to the console (the session's CSRF
/// check runs too and must not refuse the public form).
@Suite struct DeclarePageTests {
    static func fields(_ csrf: String, addressCode: String, serial: Int) -> [String: String] {
        [
            "_csrf": csrf, "kind": "new_tenant", "declarant_role": "landlord", "declarant_name": "王房东", "declarant_phone": "13912345678",
            "person_name": "新租客", "id_type": "resident_id", "id_number": DeclarationTests.newResidentID(serial: serial),
            "residence_kind": "floating", "address_code": addressCode, "effective_on": "2026-11-01",
        ]
    }

    @Test("a resident and a signed-in staff member both file a declaration through the public form; a forged token is refused")
    func publicFormWithAndWithoutSession() async throws {
        try await TestApp.with { app in
            // setup
            let room = try await DeclarationTests.room(app)
            let resident = ConsoleTests.Browser(app)
            let staff = ConsoleTests.Browser(app)
            try await staff.signIn("community_op")

            // act
            var answers: [(status: HTTPStatus, body: String)] = []
            for (serial, browser) in [resident, staff].enumerated() {
                let (_, page, _) = try await browser.request(.GET, "/declare")
                let csrf = try #require(ConsoleTests.Browser.hidden("_csrf", in: page))
                let (status, body, _) = try await browser.request(.POST, "/declare", form: Self.fields(csrf, addressCode: room.addressCode, serial: serial + 1))
                answers.append((status, body))
            }
            let (forged, forgedBody, _) = try await staff.request(
                .POST, "/declare", form: Self.fields("not-the-token-of-this-browser", addressCode: room.addressCode, serial: 3))

            // verify
            for answer in answers {
                #expect(answer.status == .created, "\(answer.body.prefix(400))")
                #expect(answer.body.contains("id=\"receipt\""))
            }
            #expect(forged != .created)
            #expect(!forgedBody.contains("id=\"receipt\""))
            let worker = try await app.token("gridworker")
            let (_, queue) = try await app.call(.GET, "/api/v1/declarations", token: worker)
            #expect(try app.decode(PageDTO<DeclarationDTO>.self, queue).total == 2)
        }
    }
}
