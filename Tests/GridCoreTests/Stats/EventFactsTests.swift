import Foundation
import Testing
@testable import GridCore

/// What each step of an event adds to the indicator tables, counted by hand.
@Suite("Indicator facts of an event")
struct EventFactsTests {
    typealias F = EventFixtures
    static func day(_ date: Date) -> CalendarDay { F.calendar.day(of: date) }

    static func cell(_ grain: IndicatorCell.Grain, _ period: String, subject: IndicatorCell.Subject = .territory, path: UnitPath = F.grid)
        -> IndicatorCell {
        IndicatorCell(grain: grain, subject: subject, period: period, unitPath: path.rawValue, typeCode: "B0402")
    }

    static let operatorActor = EventActor(userID: F.id(10), roles: [.communityOperator], unitPath: F.community)

    @Test("a new report counts once in every grain, for the grid and for its reporter, and nothing is due yet")
    func report() {
        let cells = EventFacts.cells(of: F.event(.reported), ratings: nil, day: Self.day)
        let reported = MeasureVector([.reported: 1])
        #expect(cells[Self.cell(.day, "2026-09-21")] == reported)
        #expect(cells[Self.cell(.month, "2026-09")] == reported)
        #expect(cells[Self.cell(.dayType, "2026-09-21")] == reported)
        #expect(cells[Self.cell(.monthType, "2026-09")] == reported)
        let worker = IndicatorCell.Subject.worker(F.workerID.uuidString.lowercased())
        #expect(cells[Self.cell(.month, "2026-09", subject: worker)] == reported)
        #expect(cells[Self.cell(.dayType, "2026-09-21", subject: worker)] == nil)   // no type grain for people
        // …and the month's type rolled up at the district and the street
        #expect(cells[IndicatorCell(grain: .monthTypeRollup, subject: .territory, period: "2026-09", unitPath: F.district.rawValue, typeCode: "B0402")] == reported)
        #expect(cells[IndicatorCell(grain: .monthTypeRollup, subject: .territory, period: "2026-09", unitPath: F.street.rawValue, typeCode: "B0402")] == reported)
        #expect(cells.count == 8)
        #expect(cells.values.allSatisfy { $0[.due] == 0 })
    }

    @Test("立案 a day later: valid, 25 hours to accept, and due on the deadline's day")
    func accept() throws {
        let reported = F.event(.reported)
        let accepted = try F.apply(.accept(level: nil), to: reported, by: Self.operatorActor).event
        let delta = EventFacts.delta(from: (reported, nil), to: (accepted, nil), day: Self.day)
        let month = try #require(delta[Self.cell(.month, "2026-09")])
        let due = try #require(accepted.handlingDeadline?.dueDay)
        #expect(due.month == 9)   // a few working days from Tue 22 Sep: still September
        #expect(month == MeasureVector([.valid: 1, .triaged: 1, .triageMinutes: 25 * 60, .due: 1]))
        #expect(delta[Self.cell(.day, due.description)] == MeasureVector([.due: 1]))
        #expect(delta[Self.cell(.day, "2026-09-21")]?[.reported] == 0)   // the report itself does not move
    }

    @Test("escalation flows the event out of the community; dispatch opens the department's cells; a return takes them back")
    func dispatchAndReturn() throws {
        let community = F.event(.accepted)
        let accepted = F.event(.accepted, owner: .street)
        #expect(EventFacts.delta(from: (community, nil), to: (accepted, nil), day: Self.day)[Self.cell(.month, "2026-09")]
            == MeasureVector([.flowed: 1]))
        let due = try #require(accepted.handlingDeadline?.dueDay).description
        let street = EventActor(userID: F.id(11), roles: [.streetOperator], unitPath: F.street)
        let dispatched = try F.apply(.dispatch(lead: F.zf, coHandlers: [], note: ""), to: accepted, by: street).event
        let toZF = EventFacts.delta(from: (accepted, nil), to: (dispatched, nil), day: Self.day)
        #expect(toZF[Self.cell(.month, "2026-09")] == MeasureVector([.dispatched: 1]))
        #expect(toZF[IndicatorCell(grain: .day, subject: .handler, period: due, unitPath: F.zfPath.rawValue)] == MeasureVector([.due: 1, .dispatched: 1]))

        let department = EventActor(userID: F.id(12), roles: [.departmentHandler], unitPath: F.zfPath)
        let returned = try F.apply(.returnDispatch(reason: "不属本单位职责"), to: dispatched, by: department).event
        let back = EventFacts.delta(from: (dispatched, nil), to: (returned, nil), day: Self.day)
        // Still one dispatch (now refused), one return; the department no longer holds it.
        #expect(back[Self.cell(.month, "2026-09")] == MeasureVector([.returned: 1]))
        #expect(back[IndicatorCell(grain: .day, subject: .handler, period: due, unitPath: F.zfPath.rawValue)] == MeasureVector([.due: -1, .dispatched: -1]))
    }

    @Test("closing counts closed, on time only when handled before the deadline, and rework from failed checks")
    func closing() throws {
        var event = F.event(.accepted)
        let deadline = try #require(event.handlingDeadline)
        event.state = .closed
        event.outcome = .resolved
        event.reworkCount = 1
        event.handledAt = deadline.end.addingTimeInterval(-60)
        let onTime = EventFacts.cells(of: event, ratings: nil, day: Self.day)[Self.cell(.day, deadline.dueDay.description)]
        #expect(onTime == MeasureVector([.due: 1, .closed: 1, .closedOnTime: 1, .rework: 1]))
        event.handledAt = deadline.end
        let late = EventFacts.cells(of: event, ratings: nil, day: Self.day)[Self.cell(.day, deadline.dueDay.description)]
        #expect(late == MeasureVector([.due: 1, .closed: 1, .rework: 1]))
        event.outcome = .voided
        #expect(EventFacts.cells(of: event, ratings: nil, day: Self.day)[Self.cell(.day, deadline.dueDay.description)] == nil)
    }

    @Test("ratings add stars and satisfaction to the report day; only discovery stars go to the reporter")
    func ratings() {
        let ratings = EventRatings(discoveryStars: 4, satisfaction: .fair, disposalStars: 3)
        let cells = EventFacts.cells(of: F.event(.accepted), ratings: ratings, day: Self.day)
        let month = cells[Self.cell(.month, "2026-09")]
        #expect(month?[.discoveryStars] == 4)
        #expect(month?[.disposalStars] == 3)
        #expect(month?[.satisfied] == 1)
        let worker = cells[Self.cell(.month, "2026-09", subject: .worker(F.workerID.uuidString.lowercased()))]
        #expect(worker?[.discoveryStars] == 4)
        #expect(worker?[.disposalStars] == 0)
    }

    @Test("a write that changes nothing counted moves no cell")
    func unchanged() {
        var urged = F.event(.accepted)
        urged.urgeCount += 1
        urged.version += 1
        #expect(EventFacts.delta(from: (F.event(.accepted), nil), to: (urged, nil), day: Self.day).isEmpty)
    }
}
