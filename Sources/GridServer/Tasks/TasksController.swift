import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// Tasks pushed down by departments (部门下派任务) over the API: a department or centre issues a
/// checklist to grids, each grid's worker ticks it off, and the issuer follows completion per grid.
struct TasksController {
    func register(_ api: APIRouter) {
        api.addDynamic(.POST, "tasks", summary: "Push a task with a checklist down to grids (a community stands for its grids; a repeat issues nothing)",
                       tag: "tasks", access: .permission(.tasksIssue), body: CreateTaskRequestDTO.self, status: .created,
                       response: TaskDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let body = try req.decodeBody(CreateTaskRequestDTO.self)
            let issued = try await TaskService(services: try req.grid).issue(body, by: principal, actor: principal.auditActor(for: req), on: req.db)
            return (Self.dto(issued.task, progress: issued.progress), issued.created ? .created : .ok)
        }

        api.add(.GET, "tasks", summary: "A grid's pushed tasks with its progress, or the tasks the caller's unit issued with completion per grid",
                tag: "tasks", access: .signedIn,
                query: [.query("unit", .string(), "A grid's code or id (its tasks); default the caller's unit: its grid's tasks, else those it issued")],
                response: TaskListDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let policy = try req.grid.policy
            guard principal.holds(.tasksRecord, policy: policy) || principal.holds(.tasksIssue, policy: policy)
                    || principal.holds(.gridsRead, policy: policy) else {
                throw AccessDenial.missingPermission(.tasksRecord)
            }
            let unit = try await PeopleController.unit(req, principal)
            if unit.kind.isGrid {
                let tasks = try await TaskStore.tasks(forGrid: unit.path, on: req.db)
                let progress = try await TaskStore.progress(of: tasks.map(\.id), on: req.db)
                return TaskListDTO(view: "grid", items: tasks.map { task in
                    let all = progress[task.id] ?? []
                    return Self.dto(task, progress: all, shown: all.filter { $0.gridPath == unit.path })
                })
            }
            let tasks = try await TaskStore.tasks(issuedBy: unit.path, on: req.db)
            let progress = try await TaskStore.progress(of: tasks.map(\.id), on: req.db)
            return TaskListDTO(view: "issued", items: tasks.map { Self.dto($0, progress: progress[$0.id] ?? []) })
        }

        api.addDynamic(.PUT, "tasks/{id}/progress/{grid}",
                       summary: "Record a grid's progress on a task (its worker); a stale version answers 409 with the current progress",
                       tag: "tasks", access: .permission(.tasksRecord), body: TaskProgressRequestDTO.self, status: .ok,
                       response: TaskProgressDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let id = try req.idParameter()
            guard let grid = try await UnitStore.find(code: try req.pathParameter("grid"), on: req.db), grid.kind.isGrid else {
                throw GridHTTPError.notFound
            }
            try principal.requireInScope(grid.path)
            guard let task = try await TaskStore.find(id, on: req.db),
                  let current = try await TaskStore.progress(task: id, grid: grid.path, on: req.db)
            else { throw GridHTTPError.notFound }
            let body = try req.decodeBody(TaskProgressRequestDTO.self)
            let note = (body.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let failures = TaskRules.validateProgress(checked: body.checked, itemCount: task.checklist.count, note: note)
            guard failures.isEmpty else { throw ValidationFailures(failures) }
            guard body.version == current.version else { return (Self.dto(current), .conflict) }
            let now = try req.grid.clock.now
            let actor = principal.auditActor(for: req)
            let wanted = TaskProgress(taskID: id, gridPath: grid.path, checked: body.checked, done: body.done, note: note)
            let written: TaskProgress? = try await req.db.transaction { tx in
                guard let written = try await TaskStore.update(wanted, expectedVersion: body.version, now: now, on: tx) else { return nil }
                try await AuditLog.record(
                    AuditRecord(action: "task.progress", targetType: "task", targetID: id.uuidString,
                                summary: "\(principal.account.displayName): \(grid.name) ticked \(written.checked.count)/\(task.checklist.count)"
                                    + (written.done ? ", done" : ""),
                                unitPath: grid.path),
                    by: actor, on: tx, now: now)
                return written
            }
            if let written { return (Self.dto(written), .ok) }
            // Another write landed between the read and the update: answer what is stored now.
            let latest = try await TaskStore.progress(task: id, grid: grid.path, on: req.db) ?? current
            return (Self.dto(latest), .conflict)
        }
    }

    /// Where the caller may send tasks: a department's or outside unit's parent level (职能部门
    /// serve the whole level they are attached to); a centre's own area.
    static func issuingArea(_ principal: Principal) -> UnitPath {
        let unit = principal.account.unit
        guard unit.kind.isHandlingUnit else { return unit.path }
        return unit.path.parent ?? unit.path
    }

    /// The grids named by `codes` (grids themselves, or communities standing for theirs), each once,
    /// with a failure on `units` for a code that names no grid or community inside `area`.
    static func targetGrids(_ codes: [String], area: UnitPath, on db: any Database) async throws -> ([UnitPath], [ValidationFailure]) {
        var grids: [UnitPath] = []
        var unknown: [String] = []
        for code in codes {
            let code = code.trimmingCharacters(in: .whitespaces)
            guard let unit = try await UnitStore.find(code: code, on: db), area.contains(unit.path),
                  unit.kind.isGrid || unit.kind == .community
            else { unknown.append(code); continue }
            if unit.kind.isGrid {
                grids.append(unit.path)
            } else {
                grids += try await UnitStore.subtree(unit.path, on: db).filter { $0.kind.isGrid }.map(\.path)
            }
        }
        var seen = Set<UnitPath>()
        grids = grids.filter { seen.insert($0).inserted }
        guard unknown.isEmpty else {
            let list = unknown.prefix(5).joined(separator: ", ")
            return (grids, [ValidationFailure(field: "units", zh: "您的辖区内没有这些网格或社区：\(list)",
                                              en: "no grid or community in your area with the code(s) \(list)")])
        }
        return (grids, [])
    }

    static func dto(_ progress: TaskProgress) -> TaskProgressDTO {
        TaskProgressDTO(grid: progress.gridPath.codes.last ?? "", checked: progress.checked, done: progress.done, note: progress.note,
                        updatedAt: progress.updatedAt, version: progress.version)
    }

    /// The task with completion over `progress` and the grids' rows in `shown` (all by default).
    static func dto(_ task: PushedTask, progress: [TaskProgress], shown: [TaskProgress]? = nil) -> TaskDTO {
        let completion = TaskCompletion(progress)
        return TaskDTO(
            id: task.id, title: task.title, description: task.description, issuingUnit: task.issuingUnitPath.codes.last ?? "",
            issuingUnitName: task.issuingUnitName, issuedBy: task.createdByName, checklist: task.checklist,
            due: task.dueDay.description, createdAt: task.createdAt, doneGrids: completion.done, totalGrids: completion.total,
            progress: (shown ?? progress).map(dto))
    }
}
