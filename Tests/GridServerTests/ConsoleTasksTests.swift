import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Pushed tasks in the console (任务下派): a department issues a checklist to a community's grids
/// through the form and follows each grid's progress; a role without the right neither sees nor
/// sends the form; a grid's worker reads its grid's tasks.
@Suite struct ConsoleTasksTests {
    typealias Browser = ConsoleTests.Browser

    static func dueDay(_ app: Application, inDays days: Int) throws -> String {
        try app.grid.calendar.day(of: app.grid.clock.now).adding(days: days).description
    }

    @Test("a department pushes a task from the console: refusals beside their fields, then the task, the grid's progress and a CSV")
    func departmentIssuesAndFollows() async throws {
        try await TestApp.with { app in
            // setup
            let department = Browser(app)
            try await department.signIn("dept_handler")
            let (_, newPage, _) = try await department.request(.GET, "/console/tasks/new")
            let id = try #require(Browser.hidden("id", in: newPage))
            let csrf = try #require(Browser.hidden("_csrf", in: newPage))
            let departmentToken = try await app.token("dept_handler")

            // act: an empty form, then a good one, then the same form again
            let (refused, refusedPage, _) = try await department.request(
                .POST, "/console/tasks/new", form: ["_csrf": csrf, "id": id, "title": " ", "checklist": "", "due": "2020-01-01"])
            let (_, afterRefusal) = try await app.call(.GET, "/api/v1/tasks", token: departmentToken)
            let good = [
                "_csrf": csrf, "id": id, "title": "燃气安全排查", "description": "入户检查燃气管道", "checklist": "检查燃气管道\n\n张贴安全提示\n",
                "due": try Self.dueDay(app, inDays: 7), "units[]": "510117001001",
            ]
            let (issued, _, location) = try await department.request(.POST, "/console/tasks/new", form: good)
            let (again, _, againLocation) = try await department.request(.POST, "/console/tasks/new", form: good)
            let worker = try await app.token("gridworker")
            let progress = TaskProgressRequestDTO(checked: [1], done: false, note: "已张贴 3 栋", version: 0)
            let (recorded, recordedBody) = try await app.call(.PUT, "/api/v1/tasks/\(id)/progress/510117001001001", token: worker, json: progress)
            let (_, taskPage, _) = try await department.request(.GET, "/console/tasks/\(id)")
            let (_, listPage, _) = try await department.request(.GET, "/console/tasks")
            let (_, csv, _) = try await department.request(.GET, "/console/tasks/\(id)?format=csv")

            // verify
            #expect(refused == .unprocessableEntity)
            for reason in ["请填写任务名称", "检查清单须有 1–20 项", "完成时限不能早于今天", "请至少选择一个网格或社区"] {
                #expect(refusedPage.contains(reason), "\(reason)")
            }
            #expect(refusedPage.contains("t-title-error") && refusedPage.contains("t-units-error"))
            #expect(try app.decode(TaskListDTO.self, afterRefusal).items.isEmpty)
            #expect(issued == .seeOther && location == "/console/tasks/\(id)")
            #expect(again == .seeOther && againLocation == location)
            #expect(recorded == .ok, "\(recordedBody)")
            let tasks = try app.decode(TaskListDTO.self, try await app.call(.GET, "/api/v1/tasks", token: departmentToken).body).items
            #expect(tasks.count == 1)
            let task = try #require(tasks.first)
            #expect(task.checklist == ["检查燃气管道", "张贴安全提示"] && task.totalGrids > 1)
            #expect(taskPage.contains("燃气安全排查") && taskPage.contains("张贴安全提示"))
            #expect(taskPage.contains("data-grid=\"510117001001001\"") && taskPage.contains("1/2") && taskPage.contains("已张贴 3 栋"))
            #expect(taskPage.contains("0/\(task.totalGrids)"))
            #expect(listPage.contains("燃气安全排查") && listPage.contains("id=\"task-new\""))
            #expect(csv.contains("网格编码") && csv.contains("510117001001001") && csv.contains("已张贴 3 栋"))
        }
    }

    @Test("a community operator has no tasks menu, form or forged issue; the grid worker reads its grid's task with its own ticks")
    func rightsAndTheGridsView() async throws {
        try await TestApp.with { app in
            // setup
            let streetToken = try await app.token("street_op")
            let request = CreateTaskRequestDTO(
                id: UUID(), title: "独居老人走访", units: ["510117001001001"], checklist: ["上门", "登记需求"], due: try Self.dueDay(app, inDays: 3))
            let (created, _) = try await app.call(.POST, "/api/v1/tasks", token: streetToken, json: request)
            let community = Browser(app)
            try await community.signIn("community_op")
            let worker = Browser(app)
            try await worker.signIn("gridworker")

            // act
            let (_, home, _) = try await community.request(.GET, "/console")
            let (formStatus, _, _) = try await community.request(.GET, "/console/tasks/new")
            let csrf = try #require(Browser.hidden("_csrf", in: home))
            let (forged, _, _) = try await community.request(
                .POST, "/console/tasks/new",
                form: ["_csrf": csrf, "title": "伪造", "checklist": "一项", "due": try Self.dueDay(app, inDays: 3), "units[]": "510117001001"])
            let (_, workerList, _) = try await worker.request(.GET, "/console/tasks")
            let (_, workerHome, _) = try await worker.request(.GET, "/console")

            // verify
            #expect(created == .created)
            #expect(!home.contains("href=\"/console/tasks\""))
            #expect(formStatus == .forbidden)
            #expect(forged == .forbidden)
            let (_, issued) = try await app.call(.GET, "/api/v1/tasks", token: streetToken)
            #expect(try app.decode(TaskListDTO.self, issued).items.map(\.title) == ["独居老人走访"])
            #expect(workerHome.contains("href=\"/console/tasks\""))
            #expect(workerList.contains("独居老人走访") && workerList.contains("0/2") && !workerList.contains("id=\"task-new\""))
        }
    }
}
