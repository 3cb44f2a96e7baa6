import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Finding people: scoped, masked, exact by ID number through the keyed hash; unmasking one
/// record needs the right and a reason, and is audited.
@Suite struct PeopleSearchTests {
    static func demoPeople(_ app: Application) throws -> [Person] {
        let services = try app.grid
        let population = DemoPopulation(
            hierarchy: try DemoHierarchy(scale: .small), targets: .targets(for: .small), today: services.calendar.day(of: services.clock.now))
        return population.grids.flatMap { population.generate(for: $0).people }
    }

    @Test("a grid worker finds a person of their grid by ID number, masked; one of the next grid is not found")
    func scopedSearch() async throws {
        try await TestApp.with { app in
            let people = try Self.demoPeople(app)
            let mine = try #require(people.first { $0.gridPath.rawValue.hasSuffix("/510117001001001/") && $0.movedOutOn == nil })
            let theirs = try #require(people.first { $0.gridPath.rawValue.hasSuffix("/510117001001002/") && $0.movedOutOn == nil })
            let worker = try await app.token("gridworker")

            let (status, body) = try await app.call(.GET, "/api/v1/people?id_number=\(mine.idNumber)", token: worker)
            #expect(status == .ok)
            let found = try app.decode(PageDTO<PersonDTO>.self, body)
            #expect(found.items.map(\.id) == [mine.id])
            let shown = try #require(found.items.first)
            #expect(shown.masked && shown.idNumber == Masking.maskIDNumber(mine.idNumber) && !body.contains(mine.idNumber))

            let (_, other) = try await app.call(.GET, "/api/v1/people?id_number=\(theirs.idNumber)", token: worker)
            #expect(try app.decode(PageDTO<PersonDTO>.self, other).total == 0)
            #expect(try await app.call(.GET, "/api/v1/people/\(theirs.id)", token: worker).status == .notFound)
            #expect(try await app.call(.GET, "/api/v1/people?unit=510117001001002", token: worker).status == .notFound)

            // the community sees both grids; name and care-group searches stay inside the scope
            let community = try await app.token("community_op")
            let (_, byName) = try await app.call(.GET, "/api/v1/people?q=\(theirs.name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")", token: community)
            #expect(try app.decode(PageDTO<PersonDTO>.self, byName).items.contains { $0.id == theirs.id })
            let (_, all) = try await app.call(.GET, "/api/v1/people?per=200", token: worker)
            let page = try app.decode(PageDTO<PersonDTO>.self, all)
            #expect(page.total == people.filter { $0.gridPath == mine.gridPath && $0.movedOutOn == nil }.count)
            #expect(page.items.allSatisfy { $0.gridPath == mine.gridPath.rawValue && $0.masked })
        }
    }

    @Test("unmasking needs the right and a reason; it is audited without the number")
    func unmask() async throws {
        try await TestApp.with { app in
            let people = try Self.demoPeople(app)
            let person = try #require(people.first { $0.gridPath.rawValue.hasSuffix("/510117001001001/") && $0.phone != nil })
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            #expect(try await app.call(.GET, "/api/v1/people/\(person.id)?unmask=true&reason=%E6%A0%B8%E5%AE%9E", token: worker).status == .forbidden)
            let (noReason, reasonBody) = try await app.call(.GET, "/api/v1/people/\(person.id)?unmask=true", token: community)
            #expect(noReason == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, reasonBody).field == "reason")
            let admin = try await app.token("admin")
            func unmaskings() async throws -> Int {
                let (_, audit) = try await app.call(.GET, "/api/v1/audit?action=person.unmasked", token: admin)
                return try app.decode(PageDTO<AuditEntryDTO>.self, audit).total
            }
            let before = try await unmaskings()
            let reason = "低保复核入户核实"
            let (status, body) = try await app.call(
                .GET, "/api/v1/people/\(person.id)?unmask=true&reason=\(reason.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")",
                token: community)
            #expect(status == .ok)
            let clear = try app.decode(PersonDTO.self, body)
            #expect(!clear.masked && clear.idNumber == person.idNumber && clear.phone == person.phone?.value)
            #expect(try await unmaskings() == before + 1)
            let (_, audit) = try await app.call(.GET, "/api/v1/audit?action=person.unmasked", token: admin)
            #expect(audit.contains(reason) && !audit.contains(person.idNumber))
        }
    }
}
