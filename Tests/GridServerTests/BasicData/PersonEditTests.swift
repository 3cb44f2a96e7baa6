import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Keeping a person's record: edits keep the previous values in the history (identifiers masked),
/// a stale version is refused, bad values are named by field, moving out closes the residence
/// and keeps the person, and nobody edits outside their area.
@Suite struct PersonEditTests {
    static func resident(_ app: Application, grid: String = "510117001001001") throws -> Person {
        try #require(try PeopleSearchTests.demoPeople(app).first {
            $0.gridPath.rawValue.hasSuffix("/\(grid)/") && $0.movedOutOn == nil && $0.idType == .residentID && $0.phone != nil
        })
    }

    @Test("an edit writes the new values, bumps the version and keeps the old values in the history, masked")
    func editKeepsHistory() async throws {
        try await TestApp.with { app in
            let person = try Self.resident(app)
            let worker = try await app.token("gridworker")
            let (_, before) = try await app.call(.GET, "/api/v1/people/\(person.id)", token: worker)
            let version = try app.decode(PersonDTO.self, before).version

            let update = PersonUpdateDTO(version: version, name: "王改名", phone: "13912345678", careGroups: ["disabled"], reason: "入户核实")
            let (status, body) = try await app.call(.PATCH, "/api/v1/people/\(person.id)", token: worker, json: update)
            #expect(status == .ok, "\(body)")
            let changed = try app.decode(PersonDTO.self, body)
            #expect(changed.name == "王改名" && changed.phone == "139****5678" && changed.version == version + 1)

            let (_, historyBody) = try await app.call(.GET, "/api/v1/people/\(person.id)/history", token: worker)
            let history = try app.decode([RecordHistoryDTO].self, historyBody)
            let entry = try #require(history.first)
            #expect(entry.version == version + 1 && entry.changedBy == "gridworker" && entry.summary == "入户核实")
            let name = try #require(entry.changes.first { $0.field == "name" })
            #expect(name.old == person.name && name.new == "王改名")
            let phone = try #require(entry.changes.first { $0.field == "phone" })
            #expect(phone.new == "139****5678" && phone.old == person.phone.map { Masking.maskPhone($0.value) })
            #expect(!historyBody.contains("13912345678"), "the history never holds a phone in clear")
            #expect(entry.changes.contains { $0.field == "careGroups" })

            // the same form sent again is stale
            let (stale, staleBody) = try await app.call(.PATCH, "/api/v1/people/\(person.id)", token: worker, json: update)
            #expect(stale == .conflict, "\(staleBody)")
        }
    }

    @Test("bad values are refused by field and nothing changes")
    func badValues() async throws {
        try await TestApp.with { app in
            let person = try Self.resident(app)
            let worker = try await app.token("gridworker")
            let (_, before) = try await app.call(.GET, "/api/v1/people/\(person.id)", token: worker)
            let original = try app.decode(PersonDTO.self, before)
            // a check digit off by one, a landline where a mobile is needed, a date that does not exist
            let wrongCheck = String(person.idNumber.prefix(17)) + (person.idNumber.last == "1" ? "2" : "1")
            let update = PersonUpdateDTO(version: original.version, idNumber: wrongCheck, phone: "028-8765432", movedInOn: "2025-02-30")
            let (status, body) = try await app.call(.PATCH, "/api/v1/people/\(person.id)", token: worker, json: update)
            #expect(status == .unprocessableEntity)
            let error = try app.decode(APIErrorDTO.self, body)
            #expect(Set(error.errors?.map(\.field) ?? []) == ["id_number", "phone", "moved_in_on"])
            let (_, after) = try await app.call(.GET, "/api/v1/people/\(person.id)", token: worker)
            #expect(try app.decode(PersonDTO.self, after) == original)
        }
    }

    @Test("moving out closes the residence and keeps the person, with the history")
    func moveOut() async throws {
        try await TestApp.with { app in
            let person = try Self.resident(app)
            let worker = try await app.token("gridworker")
            let (_, before) = try await app.call(.GET, "/api/v1/people/\(person.id)", token: worker)
            let version = try app.decode(PersonDTO.self, before).version
            let early = MoveOutRequestDTO(version: version, movedOutOn: "1900-01-01")
            #expect(try await app.call(.POST, "/api/v1/people/\(person.id)/move-out", token: worker, json: early).status == .unprocessableEntity)

            let services = try app.grid
            let today = services.calendar.day(of: services.clock.now)
            let (status, body) = try await app.call(
                .POST, "/api/v1/people/\(person.id)/move-out", token: worker, json: MoveOutRequestDTO(version: version, reason: "搬离本区"))
            #expect(status == .ok, "\(body)")
            #expect(try app.decode(PersonDTO.self, body).movedOutOn == today.description)

            // gone from the current register, still there with include_moved_out, and by id
            let (_, current) = try await app.call(.GET, "/api/v1/people?id_number=\(person.idNumber)", token: worker)
            #expect(try app.decode(PageDTO<PersonDTO>.self, current).total == 0)
            let (_, all) = try await app.call(.GET, "/api/v1/people?id_number=\(person.idNumber)&include_moved_out=true", token: worker)
            #expect(try app.decode(PageDTO<PersonDTO>.self, all).items.map(\.id) == [person.id])
            let (_, history) = try await app.call(.GET, "/api/v1/people/\(person.id)/history", token: worker)
            #expect(try app.decode([RecordHistoryDTO].self, history).first?.changes.map(\.field) == ["movedOutOn"])

            // twice is refused
            let again = MoveOutRequestDTO(version: version + 1)
            #expect(try await app.call(.POST, "/api/v1/people/\(person.id)/move-out", token: worker, json: again).status == .unprocessableEntity)
        }
    }

    @Test("a grid worker cannot edit a person of another grid; moving someone to a room outside the area is refused")
    func scope() async throws {
        try await TestApp.with { app in
            let theirs = try Self.resident(app, grid: "510117001001002")
            let worker = try await app.token("gridworker")
            let update = PersonUpdateDTO(version: 1, name: "越权")
            #expect(try await app.call(.PATCH, "/api/v1/people/\(theirs.id)", token: worker, json: update).status == .notFound)
            #expect(try await app.call(.GET, "/api/v1/people/\(theirs.id)/history", token: worker).status == .notFound)

            let mine = try Self.resident(app)
            let otherRoom = try #require(theirs.roomID)
            let (_, before) = try await app.call(.GET, "/api/v1/people/\(mine.id)", token: worker)
            let move = PersonUpdateDTO(version: try app.decode(PersonDTO.self, before).version, roomID: otherRoom)
            let (status, body) = try await app.call(.PATCH, "/api/v1/people/\(mine.id)", token: worker, json: move)
            #expect(status == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, body).field == "room_id")

            // the community may move them there: the grid follows the room
            let community = try await app.token("community_op")
            let (moved, movedBody) = try await app.call(.PATCH, "/api/v1/people/\(mine.id)", token: community, json: move)
            #expect(moved == .ok, "\(movedBody)")
            #expect(try app.decode(PersonDTO.self, movedBody).gridPath == theirs.gridPath.rawValue)
        }
    }
}
