import Foundation

/// `POST /api/v1/tasks`: a task pushed down to grids (部门下派任务), with the client's own id so a
/// replay issues nothing twice.
public struct CreateTaskRequestDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var title: String
    public var description: String?
    /// Grid or community codes; a community stands for all its grids.
    public var units: [String]
    public var checklist: [String]
    /// The due day, `YYYY-MM-DD`.
    public var due: String

    public init(id: UUID, title: String, description: String? = nil, units: [String], checklist: [String], due: String) {
        (self.id, self.title, self.description, self.units, self.checklist, self.due) = (id, title, description, units, checklist, due)
    }
}

/// One grid's progress on a task (网格任务进度).
public struct TaskProgressDTO: Codable, Sendable, Equatable {
    /// The grid's code.
    public var grid: String
    public var checked: [Int]
    public var done: Bool
    public var note: String
    public var updatedAt: Date?
    /// Send it back with the next write; a stale one answers 409 with the current progress.
    public var version: Int

    public init(grid: String, checked: [Int], done: Bool, note: String, updatedAt: Date?, version: Int) {
        (self.grid, self.checked, self.done, self.note, self.updatedAt, self.version) = (grid, checked, done, note, updatedAt, version)
    }

    enum CodingKeys: String, CodingKey {
        case grid, checked, done, note, version
        case updatedAt = "updated_at"
    }
}

/// `PUT /api/v1/tasks/{id}/progress/{grid}`: what the grid's worker ticked, with the version read.
public struct TaskProgressRequestDTO: Codable, Sendable, Equatable {
    public var checked: [Int]
    public var done: Bool
    public var note: String?
    public var version: Int

    public init(checked: [Int], done: Bool, note: String? = nil, version: Int) {
        (self.checked, self.done, self.note, self.version) = (checked, done, note, version)
    }
}

/// A task as the API answers it: for a grid worker with their grid's progress alone, for the
/// issuer with every target grid's.
public struct TaskDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var title: String
    public var description: String
    /// The issuing unit's code and name (下派单位).
    public var issuingUnit: String
    public var issuingUnitName: String
    public var issuedBy: String
    public var checklist: [String]
    public var due: String
    public var createdAt: Date
    /// Grids done out of all the grids the task was sent to.
    public var doneGrids: Int
    public var totalGrids: Int
    public var progress: [TaskProgressDTO]

    public init(id: UUID, title: String, description: String, issuingUnit: String, issuingUnitName: String, issuedBy: String,
                checklist: [String], due: String, createdAt: Date, doneGrids: Int, totalGrids: Int, progress: [TaskProgressDTO]) {
        (self.id, self.title, self.description, self.issuingUnit, self.issuingUnitName, self.issuedBy) =
            (id, title, description, issuingUnit, issuingUnitName, issuedBy)
        (self.checklist, self.due, self.createdAt, self.doneGrids, self.totalGrids, self.progress) =
            (checklist, due, createdAt, doneGrids, totalGrids, progress)
    }

    enum CodingKeys: String, CodingKey {
        case id, title, description, checklist, due, progress
        case issuingUnit = "issuing_unit"
        case issuingUnitName = "issuing_unit_name"
        case issuedBy = "issued_by"
        case createdAt = "created_at"
        case doneGrids = "done_grids"
        case totalGrids = "total_grids"
    }
}

/// `GET /api/v1/tasks`: the grid's tasks (`view` = `grid`) or the caller's unit's issued ones (`issued`).
public struct TaskListDTO: Codable, Sendable, Equatable {
    public var view: String
    public var items: [TaskDTO]

    public init(view: String, items: [TaskDTO]) {
        self.view = view
        self.items = items
    }
}
