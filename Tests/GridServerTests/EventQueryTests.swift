import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The event list's filters and orders, as the console's lists use them.
@Suite struct EventQueryTests {
    @Test("filter by reporter, handling unit and campaign; sort by level or deadline; bad values are named")
    func filtersAndOrders() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let community = try await app.token("community_op")
            let street = try await app.token("street_op")
            var ids: [UUID] = []
            for (index, level) in [2, 4, 3].enumerated() {
                let report = try await EventFixtures.report(app, worker, description: "消防通道堵塞 第\(index)处")
                _ = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
                #expect(try await app.call(
                    .POST, "/api/v1/events/\(report.id)/actions/accept", token: community, json: EventActionRequestDTO(level: level)).status == .ok)
                ids.append(report.id)
            }
            #expect(try await app.call(.POST, "/api/v1/events/\(ids[1])/actions/escalate", token: community, json: EventActionRequestDTO(reason: "超出职能")).status == .ok)
            #expect(try await app.call(.POST, "/api/v1/events/\(ids[1])/actions/dispatch", token: street, json: EventActionRequestDTO(unit: "510117-ZF")).status == .ok)

            func list(_ query: String) async throws -> [UUID] {
                let (status, body) = try await app.call(.GET, "/api/v1/events?\(query)", token: street)
                #expect(status == .ok, "\(query)")
                return try app.decode(PageDTO<EventDTO>.self, body).items.map(\.id)
            }
            let (_, me) = try await app.call(.GET, "/api/v1/me", token: worker)
            let workerID = try app.decode(UserDTO.self, me).id
            #expect(Set(try await list("reporter=\(workerID)")) == Set(ids))
            #expect(try await list("reporter=\(UUID())").isEmpty)
            #expect(try await list("handler=510117-ZF") == [ids[1]])
            let byLevel = try await list("sort=-level")
            #expect(byLevel.first == ids[1] && byLevel.last == ids[0])
            #expect(try await list("sort=level").first == ids[0])
            #expect(try await list("sort=reported_at") == ids)
            for (query, ascending) in [("sort=deadline", true), ("sort=-deadline", false)] {
                let (_, body) = try await app.call(.GET, "/api/v1/events?\(query)", token: street)
                let deadlines = try app.decode(PageDTO<EventDTO>.self, body).items.compactMap(\.deadline)
                #expect(deadlines.count == 3)
                #expect(deadlines == (ascending ? deadlines.sorted() : deadlines.sorted(by: >)), "\(query)")
            }

            for (query, field) in [("sort=sideways", "sort"), ("reporter=someone", "reporter"), ("handler=nowhere", "handler"), ("campaign=x", "campaign")] {
                let (status, body) = try await app.call(.GET, "/api/v1/events?\(query)", token: street)
                #expect(status == .unprocessableEntity, "\(query)")
                #expect(try app.decode(APIErrorDTO.self, body).field == field)
            }
        }
    }
}
