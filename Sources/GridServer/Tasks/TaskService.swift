import FluentKit
import Foundation
import GridCore
import GridStore

/// Issuing a pushed task (部门下派任务), the one path of `POST /api/v1/tasks` and the console's form:
/// the target codes resolved within the issuer's area, the rules of `TaskRules`, the task with
/// its grids' progress rows and the audit entry in one transaction.
struct TaskService {
    let services: GridServices

    /// What an issue answers: the task as stored, its grids' progress, and whether this call made it.
    struct Issued {
        var task: PushedTask
        var progress: [TaskProgress]
        var created: Bool
    }

    /// Issues `request` as `principal`; a repeat of the caller's own id answers the stored task,
    /// another's id is not found. Every wrong field fails at once (`ValidationFailures`).
    func issue(_ request: CreateTaskRequestDTO, by principal: Principal, actor: AuditActor, on db: any Database) async throws -> Issued {
        if let existing = try await TaskStore.find(request.id, on: db) {
            guard existing.createdBy == principal.account.id else { throw GridHTTPError.notFound }
            return Issued(task: existing, progress: try await TaskStore.progress(of: [existing.id], on: db)[existing.id] ?? [], created: false)
        }
        let now = services.clock.now
        let (grids, unitFailures) = try await TasksController.targetGrids(request.units, area: TasksController.issuingArea(principal), on: db)
        let title = request.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let description = (request.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let checklist = request.checklist.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let due = CalendarDay(iso: request.due)
        var failures = unitFailures
        failures += TaskRules.validate(title: title, description: description, checklist: checklist,
                                       targetCount: unitFailures.isEmpty ? grids.count : 1, dueDay: due,
                                       today: services.calendar.day(of: now))
        guard failures.isEmpty, let due else { throw ValidationFailures(failures) }
        let task = PushedTask(
            id: request.id, title: title, description: description, issuingUnitPath: principal.unitPath,
            issuingUnitName: principal.account.unit.name, targetGrids: grids, checklist: checklist, dueDay: due,
            createdBy: principal.account.id, createdByName: principal.account.displayName, createdAt: now)
        let created: Bool = try await db.transaction { tx in
            guard try await TaskStore.insert(task, on: tx) else { return false }
            try await AuditLog.record(
                AuditRecord(action: "task.issued", targetType: "task", targetID: task.id.uuidString,
                            summary: "\(principal.account.displayName) pushed “\(task.title)” to \(grids.count) grid(s)",
                            unitPath: principal.unitPath),
                by: actor, on: tx, now: now)
            return true
        }
        let stored = try await TaskStore.find(task.id, on: db) ?? task
        return Issued(task: stored, progress: try await TaskStore.progress(of: [task.id], on: db)[task.id] ?? [], created: created)
    }
}
