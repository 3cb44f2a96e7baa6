import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// Pushed tasks in the console (任务下派, `/console/tasks`): a department or centre issues a
/// checklist to communities or grids and follows each grid's progress; a grid's staff read their
/// grid's tasks (they tick items on the phone). Issuing goes through `TaskService` like
/// `POST /api/v1/tasks`; a wrong field answers 422 with its reason beside it and nothing stored.
struct ConsoleTasksController {
    struct ListPage: Encodable, Sendable {
        var shell: ShellContext
        /// "issued" (the unit's own tasks) or "grid" (a grid's tasks with its progress).
        var view: String
        var rows: [TaskRow]
        var canIssue: Bool
    }

    struct TaskRow: Encodable, Sendable {
        var id: String
        var title: String
        var issuer: String
        var issuedAt: String
        var due: String
        var done: Int
        var total: Int
        var percent: Int
        var overdue: Bool
        /// On a grid's list: its own ticks, e.g. "2/5".
        var ticked: String?
    }

    struct DetailPage: Encodable, Sendable {
        var shell: ShellContext
        var task: TaskRow
        var description: String
        var checklist: [String]
        var grids: [GridRow]
    }

    struct GridRow: Encodable, Sendable {
        var code: String
        var name: String
        var community: String
        var ticked: String
        var items: [String]
        var done: Bool
        var note: String
        var updatedAt: String
        var late: Bool
    }

    struct FormPage: Encodable, Sendable {
        var shell: ShellContext
        var id: String
        var form: Form
        var streets: [StreetChoice]
        var errors: [String: String]
    }

    struct StreetChoice: Encodable, Sendable {
        var name: String
        var communities: [ConsoleChoice]
    }

    /// The form as typed (kept on a refusal).
    struct Form: Content, Sendable {
        var title: String?
        var description: String?
        var checklist: String?
        var due: String?
        var units: [String]?
        /// Grid codes typed by hand, separated by spaces, commas or lines.
        var grids: String?
    }

    /// Who may open the pages: issuers and the grids' staff.
    static let rights: [Permission] = [.tasksIssue, .tasksRecord]

    func register(_ routes: any RoutesBuilder) {
        let tasks = routes.grouped("console", "tasks")
        tasks.get { req in
            try await gate(req, "tasks_title") { shell, principal in try await list(req, shell, principal) }
        }
        tasks.get("new") { req in
            try await gate(req, "tasks_new", needs: .tasksIssue) { shell, principal in
                try await form(req, shell, principal, id: UUID(), form: Form(), errors: [:])
            }
        }
        tasks.post("new") { req in
            try await gate(req, "tasks_new", needs: .tasksIssue) { shell, principal in try await issue(req, shell, principal) }
        }
        tasks.get(":id") { req in
            try await gate(req, "tasks_detail") { shell, principal in try await detail(req, shell, principal) }
        }
    }

    private func gate(
        _ req: Request, _ titleKey: String, needs permission: Permission? = nil, render: (ShellContext, Principal) async throws -> Response
    ) async throws -> Response {
        try await ConsoleGate.page(req, titleKey: titleKey, path: "/console/tasks", needs: permission) { shell, principal in
            // The same rights that show the menu item.
            let policy = try req.grid.policy
            guard Self.rights.contains(where: { principal.holds($0, policy: policy) }) else {
                throw AccessDenial.missingPermission(.tasksRecord)
            }
            return try await render(shell, principal)
        }
    }

    // MARK: list

    private func list(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let services = try req.grid
        let unit = principal.account.unit
        let today = services.calendar.day(of: services.clock.now)
        let time = ConsoleTime(timeZone: services.calendar.timeZone)
        let tasks = unit.kind.isGrid
            ? try await TaskStore.tasks(forGrid: unit.path, on: req.db)
            : try await TaskStore.tasks(issuedBy: unit.path, on: req.db)
        let progress = try await TaskStore.progress(of: tasks.map(\.id), on: req.db)
        let rows = tasks.map { task in
            let all = progress[task.id] ?? []
            let own = unit.kind.isGrid ? all.first { $0.gridPath == unit.path } : nil
            return Self.row(task, progress: all, today: today, time: time, own: own)
        }
        let canIssue = principal.holds(.tasksIssue, policy: services.policy)
        if req.query[String.self, at: "format"] == "csv" { return Self.csv(rows, language: req.language) }
        let page = ListPage(shell: shell, view: unit.kind.isGrid ? "grid" : "issued", rows: rows, canIssue: canIssue)
        return try await req.view.render("console/tasks", page).encodeResponse(for: req)
    }

    static func row(_ task: PushedTask, progress: [TaskProgress], today: CalendarDay, time: ConsoleTime, own: TaskProgress? = nil) -> TaskRow {
        let completion = TaskCompletion(progress)
        return TaskRow(
            id: task.id.uuidString, title: task.title, issuer: "\(task.issuingUnitName) · \(task.createdByName)",
            issuedAt: time.text(task.createdAt), due: task.dueDay.description, done: completion.done, total: completion.total,
            percent: completion.total == 0 ? 0 : completion.done * 100 / completion.total,
            overdue: task.dueDay < today && !(own.map(\.done) ?? completion.isComplete),
            ticked: own.map { "\($0.checked.count)/\(task.checklist.count)" })
    }

    private static func csv(_ rows: [TaskRow], language: Language) -> Response {
        let zh = language == .zhHans
        var text = CSVText.line(zh ? ["任务名称", "下派单位", "下派时间", "完成时限", "已完成网格", "网格数", "超期"]
                                   : ["title", "issued by", "issued at", "due", "grids done", "grids", "overdue"]) + "\r\n"
        for row in rows {
            text += CSVText.line([row.title, row.issuer, row.issuedAt, row.due, String(row.done), String(row.total),
                                  row.overdue ? (zh ? "是" : "yes") : ""]) + "\r\n"
        }
        return PeopleController.csvResponse(text, name: "tasks.csv")
    }

    // MARK: one task

    private func detail(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let services = try req.grid
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let task = try await TaskStore.find(id, on: req.db)
        else { throw GridHTTPError.notFound }
        let scope = principal.scope.unitPath
        var progress = try await TaskStore.progress(of: [id], on: req.db)[id] ?? []
        // The issuer and its superiors see every grid; a unit below sees the task for its own grids only.
        if !scope.contains(task.issuingUnitPath) {
            progress = progress.filter { scope.contains($0.gridPath) }
            guard !progress.isEmpty else { throw GridHTTPError.notFound }
        }
        let today = services.calendar.day(of: services.clock.now)
        let time = ConsoleTime(timeZone: services.calendar.timeZone)
        let names = try await Self.unitNames(around: progress.map(\.gridPath), on: req.db)
        let grids = progress.map { grid in
            GridRow(
                code: grid.gridPath.codes.last ?? "", name: names[grid.gridPath] ?? grid.gridPath.rawValue,
                community: grid.gridPath.parent.flatMap { names[$0] } ?? "", ticked: "\(grid.checked.count)/\(task.checklist.count)",
                items: grid.checked.sorted().compactMap { task.checklist.indices.contains($0) ? task.checklist[$0] : nil }, done: grid.done,
                note: grid.note, updatedAt: grid.version == 0 ? "" : time.text(grid.updatedAt), late: !grid.done && task.dueDay < today)
        }
        if req.query[String.self, at: "format"] == "csv" { return Self.csv(task, grids, language: req.language) }
        let page = DetailPage(
            shell: shell, task: Self.row(task, progress: progress, today: today, time: time), description: task.description,
            checklist: task.checklist, grids: grids)
        return try await req.view.render("console/task", page).encodeResponse(for: req)
    }

    /// Names of the grids at `paths` and of their communities, read as one subtree.
    static func unitNames(around paths: [UnitPath], on db: any Database) async throws -> [UnitPath: String] {
        guard let first = paths.first else { return [:] }
        let common = first.ancestorsAndSelf.last { ancestor in paths.allSatisfy { ancestor.contains($0) } } ?? first
        let top = common.parent ?? common
        return Dictionary(try await UnitStore.subtree(top, on: db).map { ($0.path, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    private static func csv(_ task: PushedTask, _ grids: [GridRow], language: Language) -> Response {
        let zh = language == .zhHans
        var text = CSVText.line(zh ? ["网格编码", "网格", "社区", "已勾选", "已完成", "备注", "更新时间"]
                                   : ["grid code", "grid", "community", "ticked", "done", "note", "updated"]) + "\r\n"
        for grid in grids {
            text += CSVText.line([grid.code, grid.name, grid.community, grid.ticked, grid.done ? (zh ? "是" : "yes") : "", grid.note, grid.updatedAt])
                + "\r\n"
        }
        return PeopleController.csvResponse(text, name: "task-\(task.dueDay).csv")
    }

    // MARK: issuing

    private func issue(_ req: Request, _ shell: ShellContext, _ principal: Principal) async throws -> Response {
        let typed = try req.content.decode(Form.self)
        let id = (try? req.content.get(String.self, at: "id")).flatMap(UUID.init(uuidString:)) ?? UUID()
        let typedGrids = (typed.grids ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0.isWhitespace }).map(String.init)
        let request = CreateTaskRequestDTO(
            id: id, title: typed.title ?? "", description: typed.description,
            units: (typed.units ?? []) + typedGrids,
            checklist: (typed.checklist ?? "").split(whereSeparator: \.isNewline).map(String.init)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
            due: (typed.due ?? "").trimmingCharacters(in: .whitespaces))
        do {
            let issued = try await TaskService(services: try req.grid).issue(request, by: principal, actor: principal.auditActor(for: req), on: req.db)
            return req.redirect(to: "/console/tasks/\(issued.task.id.uuidString)", redirectType: .normal)
        } catch let failures as ValidationFailures {
            let errors = ConsolePagesController.fieldErrors(failures.failures, req.language)
            return try await form(req, shell, principal, id: id, form: typed, errors: errors, status: .unprocessableEntity)
        }
    }

    private func form(
        _ req: Request, _ shell: ShellContext, _ principal: Principal, id: UUID, form: Form, errors: [String: String], status: HTTPStatus = .ok
    ) async throws -> Response {
        let area = TasksController.issuingArea(principal)
        let units = try await UnitStore.subtree(area, on: req.db)
        let chosen = Set(form.units ?? [])
        let communities = units.filter { $0.kind == .community }
        let streetNames = Dictionary(units.filter { $0.kind == .street }.map { ($0.path, $0.name) }, uniquingKeysWith: { first, _ in first })
        let byStreet = Dictionary(grouping: communities) { $0.path.parent ?? area }
        let streets = byStreet.keys.sorted { $0.rawValue < $1.rawValue }.map { street in
            StreetChoice(
                name: streetNames[street] ?? "",
                communities: (byStreet[street] ?? []).sorted { $0.code < $1.code }.map {
                    ConsoleChoice(value: $0.code.rawValue, label: $0.name, selected: chosen.contains($0.code.rawValue))
                })
        }
        let page = FormPage(shell: shell, id: id.uuidString, form: form, streets: streets, errors: errors)
        return try await req.view.render("console/task-new", page).encodeResponse(status: status, for: req)
    }
}
