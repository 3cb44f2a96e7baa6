import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Household visits over the API: the due list comes from the register, recorded visits settle
/// it, a replay records nothing twice, and another area's household is refused.
@Suite struct VisitAPITests {
    static func json(_ body: VisitRecordDTO) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }

    static func due(_ app: Application, _ token: String) async throws -> VisitDueListDTO {
        let (status, body) = try await app.call(.GET, "/api/v1/visits/due", token: token)
        #expect(status == .ok, "\(body.prefix(300))")
        return try app.decode(VisitDueListDTO.self, body)
    }

    @Test("the grid's households are owed visits; visits settle them; a replay changes nothing")
    func settle() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let now = try app.grid.clock.now
            let before = try await Self.due(app, worker)
            let grid = try await app.unit(code: "510117001001001")
            let households = try await VisitStore.households(under: grid.path, on: app.db)
            // every household of the grid is owed something unless visited; none were yet
            #expect(before.total == households.count && before.total > 0)
            #expect(before.items.allSatisfy { $0.made == 0 })
            // monthly ones (care groups that need it) come first
            let firstQuarterly = before.items.firstIndex { $0.reason == "quarterly" } ?? before.items.count
            #expect(before.items[..<firstQuarterly].allSatisfy { $0.reason == "monthly" && $0.required == 1 })
            #expect(before.items[firstQuarterly...].allSatisfy { $0.reason == "quarterly" && $0.required == 2 })

            let target = try #require(before.items.last { $0.reason == "quarterly" })
            let audits = try await app.auditCount()
            let first = VisitRecordDTO(id: UUID(), householdID: target.householdID, visitedAt: now.addingTimeInterval(-7200), met: "户主本人",
                                       notes: "家中 3 人，情况正常", needs: "希望加装楼道照明")
            #expect(try await app.call(.POST, "/api/v1/visits", token: worker, raw: try Self.json(first)).status == .created)
            #expect(try await app.call(.POST, "/api/v1/visits", token: worker, raw: try Self.json(first)).status == .ok)
            #expect(try await app.auditCount() == audits + 1)
            let half = try await Self.due(app, worker)
            #expect(half.items.first { $0.householdID == target.householdID }?.made == 1)

            let second = VisitRecordDTO(id: UUID(), householdID: target.householdID, visitedAt: now.addingTimeInterval(-3600), met: "家属")
            #expect(try await app.call(.POST, "/api/v1/visits", token: worker, raw: try Self.json(second)).status == .created)
            let after = try await Self.due(app, worker)
            #expect(after.total == before.total - 1)
            #expect(!after.items.contains { $0.householdID == target.householdID })
        }
    }

    @Test("ten replays of one visit sent at once record it once; none fails")
    func concurrentReplays() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let household = try #require(try await Self.due(app, worker).items.first)
            let visit = VisitRecordDTO(id: UUID(), householdID: household.householdID, visitedAt: try app.grid.clock.now, met: "本人")
            let body = try Self.json(visit)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<10 { group.addTask { try await app.call(.POST, "/api/v1/visits", token: worker, raw: body).status } }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .ok }.count == 9)
            let actions = try await AuditLog.list(.init(action: "visit.recorded"), page: 1, per: 20, on: app.db).items
            #expect(actions.count == 1)
        }
    }

    @Test("a future visit, an empty 'met' and a household outside the worker's area are refused by field")
    func refusals() async throws {
        try await TestApp.with { app in
            let worker = try await app.token("gridworker")
            let now = try app.grid.clock.now
            let household = try #require(try await Self.due(app, worker).items.first)
            let future = VisitRecordDTO(id: UUID(), householdID: household.householdID, visitedAt: now.addingTimeInterval(3600), met: " ")
            let (status, body) = try await app.call(.POST, "/api/v1/visits", token: worker, raw: try Self.json(future))
            #expect(status == .unprocessableEntity)
            let fields = Set(try app.decode(APIErrorDTO.self, body).errors?.map(\.field) ?? [])
            #expect(fields == ["visited_at", "met"])

            // a worker of the neighbouring grid neither sees nor records this household
            _ = try await app.makeUser("worker_next", role: .gridWorker, unit: "510117001001002")
            let neighbour = try await app.token("worker_next")
            #expect(!(try await Self.due(app, neighbour).items.contains { $0.householdID == household.householdID }))
            let theirs = VisitRecordDTO(id: UUID(), householdID: household.householdID, visitedAt: now, met: "本人")
            let (refused, refusedBody) = try await app.call(.POST, "/api/v1/visits", token: neighbour, raw: try Self.json(theirs))
            #expect(refused == .unprocessableEntity && refusedBody.contains("household_id"))
        }
    }
}
