import Foundation
import GridCore
import Testing

/// The pushed tasks' rules (部门下派任务): validation names fields; completion counts done grids.
@Suite struct PushedTaskTests {

    @Test("a well-formed task passes")
    func valid() throws {
        let today = try #require(CalendarDay(year: 2026, month: 5, day: 10))
        let failures = TaskRules.validate(title: "燃气安全排查", description: "", checklist: ["入户检查"], targetCount: 3,
                                          dueDay: today, today: today)
        #expect(failures.isEmpty)
    }

    @Test("each rule names its field")
    func fields() throws {
        let today = try #require(CalendarDay(year: 2026, month: 5, day: 10))
        let long = String(repeating: "字", count: 101)
        let yesterday = CalendarDay(year: 2026, month: 5, day: 9)
        #expect(TaskRules.validate(title: " ", description: "", checklist: ["a"], targetCount: 1, dueDay: today, today: today)
            .map(\.field) == ["title"])
        #expect(TaskRules.validate(title: long, description: "", checklist: ["a"], targetCount: 1, dueDay: today, today: today)
            .map(\.field) == ["title"])
        #expect(TaskRules.validate(title: "t", description: "", checklist: [], targetCount: 1, dueDay: today, today: today)
            .map(\.field) == ["checklist"])
        #expect(TaskRules.validate(title: "t", description: "", checklist: Array(repeating: "x", count: 21), targetCount: 1,
                                   dueDay: today, today: today).map(\.field) == ["checklist"])
        #expect(TaskRules.validate(title: "t", description: "", checklist: ["a"], targetCount: 0, dueDay: today, today: today)
            .map(\.field) == ["units"])
        #expect(TaskRules.validate(title: "t", description: "", checklist: ["a"], targetCount: 1, dueDay: yesterday, today: today)
            .map(\.field) == ["due"])
        #expect(TaskRules.validate(title: "t", description: "", checklist: ["a"], targetCount: 1, dueDay: nil, today: today)
            .map(\.field) == ["due"])
    }

    @Test("progress ticks only existing items, once each")
    func progress() {
        #expect(TaskRules.validateProgress(checked: [0, 2], itemCount: 3, note: "").isEmpty)
        #expect(TaskRules.validateProgress(checked: [3], itemCount: 3, note: "").map(\.field) == ["checked"])
        #expect(TaskRules.validateProgress(checked: [1, 1], itemCount: 3, note: "").map(\.field) == ["checked"])
        #expect(TaskRules.validateProgress(checked: [], itemCount: 3, note: String(repeating: "x", count: 501)).map(\.field) == ["note"])
    }

    @Test("completion counts the grids done")
    func completion() throws {
        let id = UUID()
        let a = try #require(UnitPath(rawValue: "/1/2/a/"))
        let b = try #require(UnitPath(rawValue: "/1/2/b/"))
        let summary = TaskCompletion([TaskProgress(taskID: id, gridPath: a, done: true), TaskProgress(taskID: id, gridPath: b)])
        #expect(summary == TaskCompletion(done: 1, total: 2))
        #expect(!summary.isComplete)
        #expect(TaskProgress(taskID: id, gridPath: a, checked: [2, 0]).checked == [0, 2])
    }
}
