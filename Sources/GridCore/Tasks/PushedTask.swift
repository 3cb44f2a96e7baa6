import Foundation

/// A task pushed down by a department (部门下派任务), from domain.md §5: a department or the
/// centre sends a checklist to grids through the community liaisons and tracks completion per
/// grid. The target grids are those with a `TaskProgress`.
public struct PushedTask: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    /// 任务名称.
    public var title: String
    /// 任务说明.
    public var description: String
    /// The issuing unit (下派单位): a department or a centre.
    public var issuingUnitPath: UnitPath
    public var issuingUnitName: String
    /// The grids asked to carry it out (下派网格).
    public var targetGrids: [UnitPath]
    /// 检查清单: what each grid ticks off.
    public var checklist: [String]
    /// 完成时限.
    public var dueDay: CalendarDay
    public var createdBy: UUID
    public var createdByName: String
    public var createdAt: Date

    public init(id: UUID, title: String, description: String, issuingUnitPath: UnitPath, issuingUnitName: String,
                targetGrids: [UnitPath], checklist: [String], dueDay: CalendarDay, createdBy: UUID, createdByName: String,
                createdAt: Date) {
        (self.id, self.title, self.description, self.issuingUnitPath, self.issuingUnitName) = (id, title, description, issuingUnitPath, issuingUnitName)
        (self.targetGrids, self.checklist, self.dueDay) = (targetGrids, checklist, dueDay)
        (self.createdBy, self.createdByName, self.createdAt) = (createdBy, createdByName, createdAt)
    }
}

/// The rules of a pushed task (任务校验), each failure naming its wire field.
public enum TaskRules {
    public static let titleLimit = 100
    public static let descriptionLimit = 2000
    public static let itemLimit = 200
    public static let checklistRange = 1...20
    public static let noteLimit = 500

    /// The failures of a new task; `dueDay` is nil when the text did not parse.
    public static func validate(title: String, description: String, checklist: [String], targetCount: Int,
                                dueDay: CalendarDay?, today: CalendarDay) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            failures.append(ValidationFailure(field: "title", zh: "请填写任务名称", en: "the title is required"))
        } else if title.count > titleLimit {
            failures.append(ValidationFailure(field: "title", zh: "任务名称不能超过 \(titleLimit) 字", en: "the title is at most \(titleLimit) characters"))
        }
        if description.count > descriptionLimit {
            failures.append(ValidationFailure(field: "description", zh: "任务说明不能超过 \(descriptionLimit) 字",
                                              en: "the description is at most \(descriptionLimit) characters"))
        }
        if !checklistRange.contains(checklist.count) {
            failures.append(ValidationFailure(field: "checklist", zh: "检查清单须有 1–20 项", en: "the checklist has 1 to 20 items"))
        } else if checklist.contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || $0.count > itemLimit }) {
            failures.append(ValidationFailure(field: "checklist", zh: "清单每项须填写且不超过 \(itemLimit) 字",
                                              en: "each checklist item is required and at most \(itemLimit) characters"))
        }
        if targetCount < 1 {
            failures.append(ValidationFailure(field: "units", zh: "请至少选择一个网格或社区", en: "choose at least one grid or community"))
        }
        if let dueDay {
            if dueDay < today {
                failures.append(ValidationFailure(field: "due", zh: "完成时限不能早于今天", en: "the due day cannot be in the past"))
            }
        } else {
            failures.append(ValidationFailure(field: "due", zh: "完成时限须为 YYYY-MM-DD 日期", en: "the due day is a YYYY-MM-DD date"))
        }
        return failures
    }

    /// The failures of a grid's progress on a task with `itemCount` checklist items.
    public static func validateProgress(checked: [Int], itemCount: Int, note: String) -> [ValidationFailure] {
        var failures: [ValidationFailure] = []
        if checked.contains(where: { !(0..<itemCount).contains($0) }) || Set(checked).count != checked.count {
            failures.append(ValidationFailure(field: "checked", zh: "勾选的清单项不存在或重复", en: "a checked item does not exist or repeats"))
        }
        if note.count > noteLimit {
            failures.append(ValidationFailure(field: "note", zh: "备注不能超过 \(noteLimit) 字", en: "the note is at most \(noteLimit) characters"))
        }
        return failures
    }
}
