import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Self-declaration end to end over the API: a landlord declares a new tenant without an account,
/// the grid worker of that grid sees it in the queue and accepts it (the person enters the
/// register with history), or rejects it and the declarant reads why with the receipt.
@Suite struct DeclarationTests {
    /// A new resident ID (Xinjiang region code, so never a demo person) born on `year`-05-17.
    static func newResidentID(serial: Int = 1, year: Int = 1990) -> String {
        let prefix = "659001\(year)0517" + String(format: "%03d", serial)
        return prefix + String(ResidentID.checkCharacter(for: prefix) ?? "0")
    }

    static func room(_ app: Application, grid: String = "510117001001001") async throws -> RoomDTO {
        let community = try await app.token("community_op")
        let (_, body) = try await app.call(.GET, "/api/v1/rooms?unit=\(grid)&per=1", token: community)
        return try #require(try app.decode(PageDTO<RoomDTO>.self, body).items.first)
    }

    static func tenant(_ addressCode: String, idNumber: String = newResidentID(), effectiveOn: String = "2026-11-01") -> DeclarationDraft {
        DeclarationDraft(
            kind: .newTenant, declarantRole: .landlord, declarantName: "王房东", declarantPhone: "13912345678", personName: "新租客",
            idType: .residentID, idNumber: idNumber, personPhone: "13812345679", residenceKind: .floating, addressCode: addressCode,
            effectiveOn: effectiveOn)
    }

    @Test("a new tenant declared without an account is accepted into the register, with history")
    func acceptNewTenant() async throws {
        try await TestApp.with { app in
            let room = try await Self.room(app)
            let idNumber = Self.newResidentID()
            let (status, body) = try await app.call(.POST, "/api/v1/declarations", json: Self.tenant(room.addressCode, idNumber: idNumber))
            #expect(status == .created, "\(body)")
            let receipt = try app.decode(DeclarationReceiptDTO.self, body)
            #expect(receipt.state.code == "pending" && receipt.message.contains(receipt.receipt))

            let worker = try await app.token("gridworker")
            let (_, queue) = try await app.call(.GET, "/api/v1/declarations", token: worker)
            let pending = try app.decode(PageDTO<DeclarationDTO>.self, queue)
            let item = try #require(pending.items.first { $0.receipt == receipt.receipt })
            #expect(item.idNumber == Masking.maskIDNumber(idNumber) && !queue.contains(idNumber) && item.declarantPhone == "139****5678")

            let (reviewed, reviewedBody) = try await app.call(
                .POST, "/api/v1/declarations/\(item.id)/review", token: worker, json: DeclarationReviewDTO(decision: "accept"))
            #expect(reviewed == .ok, "\(reviewedBody)")
            let accepted = try app.decode(DeclarationDTO.self, reviewedBody)
            let personID = try #require(accepted.personID)
            #expect(accepted.state.code == "accepted" && accepted.reviewedBy == "gridworker")

            let (_, personBody) = try await app.call(.GET, "/api/v1/people/\(personID)", token: worker)
            let person = try app.decode(PersonDTO.self, personBody)
            #expect(person.name == "新租客" && person.roomID == room.id && person.movedInOn == "2026-11-01")
            let (_, history) = try await app.call(.GET, "/api/v1/people/\(personID)/history", token: worker)
            #expect(try app.decode([RecordHistoryDTO].self, history).first?.summary.contains(receipt.receipt) == true)

            // twice is a conflict, and the declarant sees the outcome
            let again = try await app.call(.POST, "/api/v1/declarations/\(item.id)/review", token: worker, json: DeclarationReviewDTO(decision: "accept"))
            #expect(again.status == .conflict)
            let (lookup, lookupBody) = try await app.call(.GET, "/api/v1/declarations/status?receipt=\(receipt.receipt.lowercased())&phone=13912345678")
            #expect(lookup == .ok)
            #expect(try app.decode(DeclarationStatusDTO.self, lookupBody).state.code == "accepted")
            #expect(try await app.call(.GET, "/api/v1/declarations/status?receipt=\(receipt.receipt)&phone=13900000000").status == .notFound)
        }
    }

    @Test("a rejection needs a reason, which the declarant reads; nothing enters the register")
    func reject() async throws {
        try await TestApp.with { app in
            let room = try await Self.room(app)
            let (_, body) = try await app.call(.POST, "/api/v1/declarations", json: Self.tenant(room.addressCode))
            let receipt = try app.decode(DeclarationReceiptDTO.self, body)
            let worker = try await app.token("gridworker")
            let before = try await PeopleImportTests.peopleCount(app)
            let blank = try await app.call(.POST, "/api/v1/declarations/\(receipt.id)/review", token: worker, json: DeclarationReviewDTO(decision: "reject", reason: " "))
            #expect(blank.status == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, blank.body).field == "reason")
            let (status, _) = try await app.call(
                .POST, "/api/v1/declarations/\(receipt.id)/review", token: worker, json: DeclarationReviewDTO(decision: "reject", reason: "房间号与门牌不符"))
            #expect(status == .ok)
            #expect(try await PeopleImportTests.peopleCount(app) == before)
            let (_, lookup) = try await app.call(.GET, "/api/v1/declarations/status?receipt=\(receipt.receipt)&phone=13912345678")
            let shown = try app.decode(DeclarationStatusDTO.self, lookup)
            #expect(shown.state.code == "rejected" && shown.rejectionReason == "房间号与门牌不符" && shown.message.contains("房间号与门牌不符"))
        }
    }

    @Test("bad declarations are refused by field; a room that does not exist is named")
    func refused() async throws {
        try await TestApp.with { app in
            var draft = Self.tenant("510117001001|不存在路|1|1|1|101", idNumber: "659001199005170010", effectiveOn: "2026-02-30")
            draft.declarantPhone = "12345"
            let (status, body) = try await app.call(.POST, "/api/v1/declarations", json: draft)
            #expect(status == .unprocessableEntity)
            #expect(Set(try app.decode(APIErrorDTO.self, body).errors?.map(\.field) ?? []) == ["declarant_phone", "id_number", "effective_on"])
            let (unknown, unknownBody) = try await app.call(.POST, "/api/v1/declarations", json: Self.tenant("510117001001|不存在路|1|1|1|101"))
            #expect(unknown == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, unknownBody).field == "address_code")
        }
    }

    @Test("the queue is the grid's: another grid's worker neither sees nor reviews it; moving out through a declaration")
    func scopeAndMoveOut() async throws {
        try await TestApp.with { app in
            let theirs = try await Self.room(app, grid: "510117001001002")
            let (_, body) = try await app.call(.POST, "/api/v1/declarations", json: Self.tenant(theirs.addressCode))
            let receipt = try app.decode(DeclarationReceiptDTO.self, body)
            let worker = try await app.token("gridworker")
            let (_, queue) = try await app.call(.GET, "/api/v1/declarations", token: worker)
            #expect(!(try app.decode(PageDTO<DeclarationDTO>.self, queue).items.contains { $0.id == receipt.id }))
            let review = DeclarationReviewDTO(decision: "accept")
            #expect(try await app.call(.POST, "/api/v1/declarations/\(receipt.id)/review", token: worker, json: review).status == .notFound)

            // a landlord declares that a registered resident of my grid moved out; accepting closes the residence
            let person = try PersonEditTests.resident(app)
            let room = try #require(person.roomID)
            let (_, roomBody) = try await app.call(.GET, "/api/v1/rooms/\(room)", token: worker)
            let code = try app.decode(RoomDTO.self, roomBody).addressCode
            let today = try app.grid.calendar.day(of: try app.grid.clock.now)
            let moveOut = DeclarationDraft(
                kind: .movedOut, declarantRole: .landlord, declarantName: "王房东", declarantPhone: "13912345678", personName: person.name,
                idType: person.idType, idNumber: person.idNumber, addressCode: code, effectiveOn: today.description)
            let (submitted, submittedBody) = try await app.call(.POST, "/api/v1/declarations", json: moveOut)
            #expect(submitted == .created, "\(submittedBody)")
            let id = try app.decode(DeclarationReceiptDTO.self, submittedBody).id
            let (accepted, acceptedBody) = try await app.call(.POST, "/api/v1/declarations/\(id)/review", token: worker, json: review)
            #expect(accepted == .ok, "\(acceptedBody)")
            let (_, personBody) = try await app.call(.GET, "/api/v1/people/\(person.id)", token: worker)
            #expect(try app.decode(PersonDTO.self, personBody).movedOutOn == today.description)
        }
    }
}
