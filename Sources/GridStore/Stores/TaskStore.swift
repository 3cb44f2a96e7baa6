import FluentKit
import Foundation
import GridCore
import SQLKit

/// Tasks pushed down by departments (部门下派任务) and their per-grid progress, in raw SQL.
public enum TaskStore {
    /// Stores a task and a version-0 progress row for each target grid, unless a task with its id
    /// exists (a replay); true when this call stored it. Run inside a transaction.
    public static func insert(_ task: PushedTask, on db: any Database) async throws -> Bool {
        let sql = try db.sql
        let checklist = String(decoding: try JSONEncoder().encode(task.checklist), as: UTF8.self)
        let stored = try await sql.raw("""
            INSERT INTO tasks (id, title, description, issuing_unit_path, issuing_unit_name, checklist, due_day, created_by,
                               created_by_name, created_at)
            VALUES (\(bind: task.id), \(bind: task.title), \(bind: task.description), \(bind: task.issuingUnitPath.rawValue),
                    \(bind: task.issuingUnitName), \(bind: checklist), \(bind: task.dueDay.description), \(bind: task.createdBy),
                    \(bind: task.createdByName), \(bind: task.createdAt))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """).first() != nil
        guard stored else { return false }
        for grid in task.targetGrids {
            try await sql.raw("""
                INSERT INTO task_progress (id, task_id, grid_path, checked, done, note, updated_at, version)
                VALUES (\(bind: UUID()), \(bind: task.id), \(bind: grid.rawValue), '', \(bind: false), '', NULL, 0)
                """).run()
        }
        return true
    }

    /// One task with its target grids, or nil.
    public static func find(_ id: UUID, on db: any Database) async throws -> PushedTask? {
        let rows = try await (try db.sql).raw("SELECT * FROM tasks WHERE id = \(bind: id)").all()
        return try await attachTargets(try rows.compactMap(task), on: db).first
    }

    /// The tasks sent to `grid`, soonest due first.
    public static func tasks(forGrid grid: UnitPath, on db: any Database) async throws -> [PushedTask] {
        let rows = try await (try db.sql).raw("""
            SELECT t.* FROM tasks t JOIN task_progress p ON p.task_id = t.id
            WHERE p.grid_path = \(bind: grid.rawValue) ORDER BY t.due_day, t.created_at
            """).all()
        return try await attachTargets(try rows.compactMap(task), on: db)
    }

    /// The tasks issued by the unit at `issuer`, newest first (at most `limit`).
    public static func tasks(issuedBy issuer: UnitPath, limit: Int = 200, on db: any Database) async throws -> [PushedTask] {
        let rows = try await (try db.sql).raw("""
            SELECT * FROM tasks WHERE issuing_unit_path = \(bind: issuer.rawValue) ORDER BY created_at DESC LIMIT \(bind: limit)
            """).all()
        return try await attachTargets(try rows.compactMap(task), on: db)
    }

    /// The progress rows of `taskIDs`, by task, in grid order.
    public static func progress(of taskIDs: [UUID], on db: any Database) async throws -> [UUID: [TaskProgress]] {
        guard !taskIDs.isEmpty else { return [:] }
        let rows = try await (try db.sql).raw("""
            SELECT * FROM task_progress WHERE task_id IN (\(SQLList(taskIDs.map { SQLBind($0) }))) ORDER BY grid_path
            """).all()
        var byTask: [UUID: [TaskProgress]] = [:]
        for row in rows {
            guard let item = try progress(row) else { continue }
            byTask[item.taskID, default: []].append(item)
        }
        return byTask
    }

    /// One grid's progress on one task, or nil when the task was not sent to it.
    public static func progress(task: UUID, grid: UnitPath, on db: any Database) async throws -> TaskProgress? {
        let row = try await (try db.sql).raw("""
            SELECT * FROM task_progress WHERE task_id = \(bind: task) AND grid_path = \(bind: grid.rawValue)
            """).first()
        return try row.flatMap(progress)
    }

    /// Writes a grid's progress if its stored version is still `expectedVersion`, raising the
    /// version by one; nil when it is not (a stale read, or no such row).
    public static func update(_ new: TaskProgress, expectedVersion: Int, now: Date, on db: any Database) async throws -> TaskProgress? {
        let row = try await (try db.sql).raw("""
            UPDATE task_progress SET checked = \(bind: new.checked.map(String.init).joined(separator: " ")), done = \(bind: new.done),
                note = \(bind: new.note), updated_at = \(bind: now), version = version + 1
            WHERE task_id = \(bind: new.taskID) AND grid_path = \(bind: new.gridPath.rawValue) AND version = \(bind: expectedVersion)
            RETURNING *
            """).first()
        return try row.flatMap(progress)
    }

    private static func task(_ row: any SQLRow) throws -> PushedTask? {
        guard let issuer = UnitPath(rawValue: try row.decode(column: "issuing_unit_path", as: String.self)),
              let due = CalendarDay(iso: try row.decode(column: "due_day", as: String.self))
        else { return nil }
        let checklist = (try? JSONDecoder().decode([String].self, from: Data(try row.decode(column: "checklist", as: String.self).utf8))) ?? []
        return PushedTask(
            id: try row.decode(column: "id", as: UUID.self), title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self), issuingUnitPath: issuer,
            issuingUnitName: try row.decode(column: "issuing_unit_name", as: String.self), targetGrids: [], checklist: checklist,
            dueDay: due, createdBy: try row.decode(column: "created_by", as: UUID.self),
            createdByName: try row.decode(column: "created_by_name", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }

    private static func progress(_ row: any SQLRow) throws -> TaskProgress? {
        guard let grid = UnitPath(rawValue: try row.decode(column: "grid_path", as: String.self)) else { return nil }
        return TaskProgress(
            taskID: try row.decode(column: "task_id", as: UUID.self), gridPath: grid,
            checked: try row.decode(column: "checked", as: String.self).split(separator: " ").compactMap { Int($0) },
            done: try row.decode(column: "done", as: Bool.self), note: try row.decode(column: "note", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: Date?.self), version: try row.decode(column: "version", as: Int.self))
    }

    private static func attachTargets(_ tasks: [PushedTask], on db: any Database) async throws -> [PushedTask] {
        let progress = try await progress(of: tasks.map(\.id), on: db)
        return tasks.map { task in
            var task = task
            task.targetGrids = (progress[task.id] ?? []).map(\.gridPath)
            return task
        }
    }
}
