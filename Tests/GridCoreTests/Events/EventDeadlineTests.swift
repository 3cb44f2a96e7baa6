import Foundation
import Testing
@testable import GridCore

/// Deadlines set by the flow, on the real calendar (`WorkingCalendar()`: official holidays, Beijing).
@Suite("Event state machine: deadlines on the real calendar")
struct EventDeadlineTests {
    typealias F = EventFixtures

    @Test("立案 sets the handling deadline from the type's days for the level", arguments: [
        // Level 2 (3 days) on Fri 2026-03-06: the weekend does not count — Mon 9, Tue 10, Wed 11.
        ("2026-03-06T16:00:00+08:00", 2, "2026-03-11"),
        // Level 1 on a Saturday: due the next working day.
        ("2026-03-07T10:00:00+08:00", 1, "2026-03-09"),
        // Level 2 on Fri 2026-09-18: Sun 09-20 is a make-up working day — 20, 21, 22.
        ("2026-09-18T15:00:00+08:00", 2, "2026-09-22"),
        // Level 2 on Wed 2026-09-30: National Day 10-01…07 off — 08, 09, Sat 10 (make-up).
        ("2026-09-30T11:00:00+08:00", 2, "2026-10-10"),
        // Level 1 during National Day (Sat 10-03): due the first working day after, Thu 10-08.
        ("2026-10-03T09:00:00+08:00", 1, "2026-10-08"),
        // Level 3 (7 days) from Mon 2026-09-21 crosses Mid-autumn and National Day: due 10-08.
        ("2026-09-21T10:00:00+08:00", 3, "2026-10-08"),
        // Level 4 (7 days) from Thu 2026-09-24: 28, 29, 30, 10-08, 09, 10, 12.
        ("2026-09-24T10:00:00+08:00", 4, "2026-10-12"),
    ])
    func acceptance(at: String, level: Int, due: String) throws {
        let transition = try F.apply(.accept(level: level), to: F.event(.reported), by: F.communityOperator, at: F.instant(at))
        #expect(transition.event.level == level)
        #expect(transition.event.handlingDeadline?.dueDay == F.day(due))
        #expect(transition.event.handlingDeadline?.acceptedAt == F.instant(at))
        #expect(transition.event.deadline == transition.event.handlingDeadline)
        // Overdue from the Beijing midnight after the due day, not before.
        let dueDay = F.day(due)
        #expect(!transition.event.isOverdue(F.instant("\(dueDay)T23:59:59+08:00")))
        #expect(transition.event.isOverdue(F.instant("\(dueDay.next)T00:00:00+08:00")))
    }

    @Test("an item's own days apply: 井盖缺失 at level 3 is due in one working day")
    func typeDays() throws {
        let manhole = try #require(EventCatalog.standard["B0405"])
        let accepted = try EventMachine.apply(
            .accept(level: nil), to: F.event(.reported, level: manhole.defaultLevel), by: F.communityOperator,
            now: F.instant("2026-09-30T17:00:00+08:00"), calendar: F.calendar, deadlineDays: manhole.deadlineDays)
        #expect(accepted.event.handlingDeadline?.dueDay == F.day("2026-10-08"))
        // Days missing for a level fall back to the platform's standard.
        let fallback = try EventMachine.apply(
            .accept(level: 2), to: F.event(.reported), by: F.communityOperator,
            now: F.instant("2026-03-06T16:00:00+08:00"), calendar: F.calendar, deadlineDays: [:])
        #expect(fallback.event.handlingDeadline?.dueDay == F.day("2026-03-11"))
    }

    @Test("escalation keeps the acceptance time and lengthens the deadline for the new level")
    func escalationDeadline() throws {
        let acceptedAt = F.instant("2026-09-28T09:00:00+08:00")
        let accepted = try F.apply(.accept(level: 2), to: F.event(.reported), by: F.communityOperator, at: acceptedAt)
        // Level 2 from Mon 09-28: 29, 30, 10-08.
        #expect(accepted.event.handlingDeadline?.dueDay == F.day("2026-10-08"))
        let escalated = try F.apply(.escalate(reason: "超出社区职能"), to: accepted.event, by: F.communityOperator,
                                    at: F.instant("2026-09-29T09:00:00+08:00"))
        // Level 3 from the same acceptance: 29, 30, 10-08, 09, 10 (make-up), 12, 13.
        #expect(escalated.event.handlingDeadline?.dueDay == F.day("2026-10-13"))
        #expect(escalated.event.handlingDeadline?.acceptedAt == acceptedAt)
    }

    @Test("stage deadlines: triage the same working day, verification and closing one working day")
    func stages() throws {
        let type = try #require(EventCatalog.standard["B0401"])
        // Reported on Sat 10-10 (a make-up working day): triage due that day.
        let reported = try EventMachine.report(
            EventReport(id: F.eventID, gridPath: F.grid, description: "垃圾堆放"), type: type, by: F.worker,
            now: F.instant("2026-10-10T09:00:00+08:00"), calendar: F.calendar)
        #expect(reported.event.deadline?.dueDay == F.day("2026-10-10"))
        // Handled Wed 09-30: verification due on the next working day, Thu 10-08.
        let handled = try F.apply(.handle(feedback: "已清运", photos: []), to: F.event(.inProgress), by: F.communityOperator,
                                  at: F.instant("2026-09-30T10:00:00+08:00"))
        #expect(handled.event.deadline?.dueDay == F.day("2026-10-08"))
        #expect(handled.event.isOverdue(F.instant("2026-10-09T00:00:00+08:00")))
        // Verified Fri 2026-03-06: closing due Mon 03-09.
        var waiting = F.event(.handled)
        waiting.handlerID = F.communityColleagueID
        let verified = try F.apply(.verify(passed: true, note: ""), to: waiting, by: F.worker,
                                   at: F.instant("2026-03-06T17:00:00+08:00"))
        #expect(verified.event.deadline?.dueDay == F.day("2026-03-09"))
        // Closed events are never overdue.
        let closed = try F.apply(.close(note: ""), to: verified.event, by: F.communityOperator)
        #expect(closed.event.deadline == nil)
        #expect(!closed.event.isOverdue(F.instant("2030-01-01T00:00:00+08:00")))
    }

    @Test("configured stage deadlines are honoured")
    func configuredStages() throws {
        let stages = StageDeadlines(
            triage: try DeadlineRule(workingDays: 1), verification: .sameWorkingDay, closing: try DeadlineRule(workingDays: 2))
        let handled = try EventMachine.apply(
            .handle(feedback: "已处置", photos: []), to: F.event(.inProgress), by: F.communityOperator,
            now: F.instant("2026-03-06T10:00:00+08:00"), calendar: F.calendar, deadlineDays: F.days, stages: stages)
        #expect(handled.event.deadline?.dueDay == F.day("2026-03-06"))
    }
}
