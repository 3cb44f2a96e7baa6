import Foundation

/// One grid's progress on a pushed task (网格任务进度): the checklist items ticked, whether the
/// grid reports it done, a note, and a version for optimistic locking (乐观锁) — a write from a
/// stale read is refused rather than overwriting a colleague's ticks.
public struct TaskProgress: Sendable, Hashable, Codable {
    public var taskID: UUID
    public var gridPath: UnitPath
    /// Indexes into the task's checklist, ascending.
    public var checked: [Int]
    public var done: Bool
    public var note: String
    /// Nil until the grid first records progress.
    public var updatedAt: Date?
    public var version: Int

    public init(taskID: UUID, gridPath: UnitPath, checked: [Int] = [], done: Bool = false, note: String = "",
                updatedAt: Date? = nil, version: Int = 0) {
        (self.taskID, self.gridPath, self.checked, self.done, self.note, self.updatedAt, self.version) =
            (taskID, gridPath, checked.sorted(), done, note, updatedAt, version)
    }
}

/// How far a task has come (完成情况): grids done out of the grids it was sent to.
public struct TaskCompletion: Sendable, Hashable, Codable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }

    /// The completion of one task from its grids' progress.
    public init(_ progress: [TaskProgress]) {
        self.init(done: progress.filter(\.done).count, total: progress.count)
    }

    public var isComplete: Bool { total > 0 && done == total }
}
