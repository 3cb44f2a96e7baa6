import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// A building's page lists its rooms with who lives in each (masked); outside the viewer's area
/// the building is not found.
@Suite struct ConsoleBuildingsTests {
    @Test("the building page lists rooms and residents, masked; a grid worker of another grid gets 404")
    func buildingPage() async throws {
        try await TestApp.with { app in
            let services = try app.grid
            let community = try #require(try await UnitStore.find(code: "510117001001", on: app.db))
            let worker = try #require(try await UserStore.find(username: "gridworker", on: app.db))
            let (items, _) = try await BasicDataQueries.buildings(.init(under: community.path), page: 1, per: 200, on: app.db)
            let item = try #require(items.first { $0.residents > 0 && !worker.unit.path.contains($0.building.gridPath) })
            let people = try await BasicDataRecords.people(under: item.building.gridPath, includeMovedOut: false, keyRing: services.keyRing, on: app.db)
            var filter = PeopleStore.Filter(under: item.building.gridPath)
            filter.buildingID = item.building.id
            let resident = try #require(try await PeopleStore.list(filter, page: 1, per: 1, on: app.db).items.first)
            let clear = try #require(people.first { $0.id == resident.id })

            let browser = ConsoleTests.Browser(app)
            try await browser.signIn("community_op")
            let (listStatus, list, _) = try await browser.request(.GET, "/console/buildings")
            #expect(listStatus == .ok)
            #expect(list.contains("实有房屋"))
            let (status, page, _) = try await browser.request(.GET, "/console/buildings/\(item.building.id.uuidString)")
            #expect(status == .ok)
            #expect(page.contains(item.building.name))
            #expect(page.contains(resident.name))
            #expect(page.contains(resident.idMasked))
            #expect(!page.contains(clear.idNumber))

            let outsider = ConsoleTests.Browser(app)
            try await outsider.signIn("gridworker")
            let (hidden, _, _) = try await outsider.request(.GET, "/console/buildings/\(item.building.id.uuidString)")
            #expect(hidden == .notFound)
        }
    }
}
