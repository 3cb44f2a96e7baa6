import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Tasks pushed down by departments (部门下派任务) over the API, on SQLite and (with
/// GRIDGOV_TEST_DATABASE_URL) PostgreSQL: a department sends a checklist to a community, its grids
/// see it, a worker ticks it off, the issuer follows completion; stale writes and strangers are refused.
@Suite struct TaskAPITests {
    static let community = "510117001001"
    static let grid = "510117001001001"

    static func request(_ app: Application, units: [String] = [community], title: String = "燃气安全入户排查",
                        checklist: [String] = ["检查燃气管道", "张贴安全提示", "登记隐患户"], dueInDays: Int = 7) throws -> CreateTaskRequestDTO {
        let today = try app.grid.calendar.day(of: app.grid.clock.now)
        return CreateTaskRequestDTO(id: UUID(), title: title, description: "街道统一部署", units: units, checklist: checklist,
                                    due: today.adding(days: dueInDays).description)
    }

    static func list(_ app: Application, _ token: String, unit: String? = nil) async throws -> TaskListDTO {
        let (status, body) = try await app.call(.GET, "/api/v1/tasks" + (unit.map { "?unit=\($0)" } ?? ""), token: token)
        #expect(status == .ok, "\(body.prefix(300))")
        return try app.decode(TaskListDTO.self, body)
    }

    @Test("a department pushes a task to a community; its grids see it; the worker finishes; the issuer sees 1 of N done")
    func lifecycle() async throws {
        try await TestApp.with { app in
            let department = try await app.token("dept_handler")
            let worker = try await app.token("gridworker")
            let community = try await app.unit(code: Self.community)
            let gridCount = try await UnitStore.subtree(community.path, on: app.db).filter { $0.kind.isGrid }.count
            #expect(gridCount > 1)

            let request = try Self.request(app)
            let (status, body) = try await app.call(.POST, "/api/v1/tasks", token: department, json: request)
            #expect(status == .created, "\(body.prefix(300))")
            let issued = try app.decode(TaskDTO.self, body)
            #expect(issued.totalGrids == gridCount && issued.doneGrids == 0)
            #expect(issued.checklist.count == 3)
            // a replay issues nothing twice
            #expect(try await app.call(.POST, "/api/v1/tasks", token: department, json: request).status == .ok)

            let mine = try await Self.list(app, worker)
            #expect(mine.view == "grid")
            let task = try #require(mine.items.first { $0.id == request.id })
            #expect(task.progress.count == 1 && task.progress.first?.grid == Self.grid)
            let version = try #require(task.progress.first?.version)

            let path = "/api/v1/tasks/\(request.id)/progress/\(Self.grid)"
            let (ticked, tickedBody) = try await app.call(.PUT, path, token: worker,
                                                          json: TaskProgressRequestDTO(checked: [0, 1], done: false, version: version))
            #expect(ticked == .ok, "\(tickedBody.prefix(300))")
            let afterTick = try app.decode(TaskProgressDTO.self, tickedBody)
            #expect(afterTick.checked == [0, 1] && afterTick.version == version + 1)
            let (finished, finishedBody) = try await app.call(
                .PUT, path, token: worker, json: TaskProgressRequestDTO(checked: [0, 1, 2], done: true, note: "已全部入户", version: afterTick.version))
            #expect(finished == .ok, "\(finishedBody.prefix(300))")

            // a write from the stale first read answers 409 with what is stored
            let (stale, staleBody) = try await app.call(.PUT, path, token: worker,
                                                        json: TaskProgressRequestDTO(checked: [], done: false, version: version))
            #expect(stale == .conflict)
            let current = try app.decode(TaskProgressDTO.self, staleBody)
            #expect(current.done && current.checked == [0, 1, 2] && current.version == version + 2)

            let issuedList = try await Self.list(app, department)
            #expect(issuedList.view == "issued")
            let followed = try #require(issuedList.items.first { $0.id == request.id })
            #expect(followed.doneGrids == 1 && followed.totalGrids == gridCount && followed.progress.count == gridCount)
            #expect(followed.progress.first { $0.grid == Self.grid }?.note == "已全部入户")
        }
    }

    @Test("bad input answers 422 naming the field")
    func validation() async throws {
        try await TestApp.with { app in
            let street = try await app.token("street_op")
            let cases: [(CreateTaskRequestDTO, String)] = [
                (try Self.request(app, title: " "), "title"),
                (try Self.request(app, title: String(repeating: "长", count: 101)), "title"),
                (try Self.request(app, checklist: []), "checklist"),
                (try Self.request(app, units: []), "units"),
                (try Self.request(app, units: ["999999999999"]), "units"),
                (try Self.request(app, dueInDays: -1), "due"),
            ]
            for (request, field) in cases {
                let (status, body) = try await app.call(.POST, "/api/v1/tasks", token: street, json: request)
                #expect(status == .unprocessableEntity, "\(field): \(body.prefix(200))")
                #expect(body.contains("\"field\":\"\(field)\""), "\(field): \(body.prefix(300))")
            }
            // bad progress: an item that does not exist
            let request = try Self.request(app, units: [Self.grid])
            #expect(try await app.call(.POST, "/api/v1/tasks", token: street, json: request).status == .created)
            let worker = try await app.token("gridworker")
            let (status, body) = try await app.call(.PUT, "/api/v1/tasks/\(request.id)/progress/\(Self.grid)", token: worker,
                                                    json: TaskProgressRequestDTO(checked: [7], done: false, version: 0))
            #expect(status == .unprocessableEntity && body.contains("checked"))
            // a grid worker may not issue
            #expect(try await app.call(.POST, "/api/v1/tasks", token: worker, json: try Self.request(app)).status == .forbidden)
        }
    }

    @Test("a worker of another grid gets 404 for the progress route")
    func otherGrid() async throws {
        try await TestApp.with { app in
            let department = try await app.token("dept_handler")
            let request = try Self.request(app)
            #expect(try await app.call(.POST, "/api/v1/tasks", token: department, json: request).status == .created)
            try await app.makeUser("worker_002", role: .gridWorker, unit: "510117001001002")
            let other = try await app.token("worker_002")
            let (status, _) = try await app.call(.PUT, "/api/v1/tasks/\(request.id)/progress/\(Self.grid)", token: other,
                                                 json: TaskProgressRequestDTO(checked: [0], done: false, version: 0))
            #expect(status == .notFound)
            // their own grid's row is theirs to write
            let (own, body) = try await app.call(.PUT, "/api/v1/tasks/\(request.id)/progress/510117001001002", token: other,
                                                 json: TaskProgressRequestDTO(checked: [0], done: false, version: 0))
            #expect(own == .ok, "\(body.prefix(300))")
        }
    }
}
