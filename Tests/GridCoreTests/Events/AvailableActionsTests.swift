import Foundation
import Testing
@testable import GridCore

/// The console shows one button per action the user may take now; each button must work and no
/// working action may be missing. Checked against `apply` over every state fixture and role.
@Suite("Event state machine: the actions a user may take now")
struct AvailableActionsTests {
    typealias F = EventFixtures

    @Test("offered actions are exactly those apply accepts with valid inputs", arguments: TableFixture.allCases)
    func offeredMatchesApply(_ fixture: TableFixture) {
        let event = fixture.snapshot
        for role in Role.allCases {
            let actor = F.actor(role)
            let accepted = SampleAction.names.filter { name in
                guard let action = SampleAction.action(name) else { return false }
                return (try? F.apply(action, to: event, by: actor)) != nil
            }
            #expect(EventMachine.availableActions(on: event, by: actor) == accepted, "\(fixture.rawValue) as \(role.rawValue)")
        }
    }

    @Test("the community's operator is offered triage on a fresh report, the grid worker nothing")
    func freshReport() {
        let event = F.event(.reported)
        #expect(EventMachine.availableActions(on: event, by: F.communityOperator) == [.accept, .reject, .requestCheck, .escalate, .merge])
        #expect(EventMachine.availableActions(on: event, by: F.worker).isEmpty)
        #expect(EventMachine.availableActions(on: event, by: F.otherCommunityOperator).isEmpty)
    }

    @Test("a dispatched event offers take and return to the lead department only")
    func dispatched() {
        let event = TableFixture.dispatchedS.snapshot
        #expect(EventMachine.availableActions(on: event, by: F.zfHandler) == [.take, .returnDispatch, .requestExtension])
        #expect(EventMachine.availableActions(on: event, by: F.sjHandler).isEmpty)
    }

    @Test("rating is offered where rate accepts it: discovery to the centres, satisfaction to the reporter")
    func ratable() {
        let closed = TableFixture.closedS.snapshot
        #expect(EventRatingRules.ratable(closed, by: F.streetOperator) == (true, false))
        #expect(EventRatingRules.ratable(closed, by: F.worker) == (false, true))
        #expect(EventRatingRules.ratable(closed, by: F.zfHandler) == (false, false))
        #expect(EventRatingRules.ratable(F.event(.accepted), by: F.streetOperator) == (false, false))
    }

    @Test("deadline status counts working days: left, due today, overdue across the Mid-Autumn holiday")
    func deadlineStatus() throws {
        // Accepted Mon 2026-09-21, three working days: due Thu 24 (Fri 25 – Sun 27 are 中秋 holidays).
        let deadline = F.calendar.deadline(try DeadlineRule(workingDays: 3), acceptedAt: F.reportedAt)
        #expect(deadline.dueDay == F.day("2026-09-24"))
        #expect(DeadlineStatus(deadline, at: F.instant("2026-09-22T10:00:00+08:00"), calendar: F.calendar) == .dueIn(workingDays: 2))
        #expect(DeadlineStatus(deadline, at: F.instant("2026-09-24T23:00:00+08:00"), calendar: F.calendar) == .dueToday)
        #expect(DeadlineStatus(deadline, at: F.instant("2026-09-25T09:00:00+08:00"), calendar: F.calendar) == .overdue(workingDays: 0))
        #expect(DeadlineStatus(deadline, at: F.instant("2026-09-29T09:00:00+08:00"), calendar: F.calendar) == .overdue(workingDays: 2))
        #expect(DeadlineStatus.dueIn(workingDays: 3).label.zhHans == "剩 3 个工作日")
        #expect(DeadlineStatus.overdue(workingDays: 2).label.zhHans == "超期 2 个工作日")
    }
}
