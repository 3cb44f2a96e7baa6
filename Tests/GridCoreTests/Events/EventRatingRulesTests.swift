import Foundation
import GridCore
import Testing

/// Who may rate and the arithmetic of the disposal stars, without a database.
@Suite struct EventRatingRulesTests {
    static let grid = UnitPath(rawValue: "/510117/510117001/510117001001/510117001001001/")!
    static let community = UnitPath(rawValue: "/510117/510117001/510117001001/")!
    static let reporter = UUID()

    static func event(state: EventState, handledEarly: Bool) -> EventSnapshot {
        var event = EventSnapshot(
            id: UUID(), typeCode: "B0501", state: state, level: 3, reporterID: reporter, reporterRole: .gridWorker,
            reportedAt: Date(timeIntervalSince1970: 1_790_000_000), gridPath: grid, ownerPath: community, ownerKind: .community,
            isComponent: false, solvedOnSpot: false)
        let calendar = WorkingCalendar()
        let accepted = Date(timeIntervalSince1970: 1_790_000_000)
        event.handlingDeadline = calendar.deadline(EventType.deadlineRule(forLevel: 3, days: [3: 7]), acceptedAt: accepted)
        event.handledAt = handledEarly ? accepted.addingTimeInterval(3600) : accepted.addingTimeInterval(40 * 86_400)
        return event
    }

    @Test("very satisfied with an early fix is five stars; unsatisfied with an overdue one is one")
    func table() throws {
        let worker = EventActor(userID: Self.reporter, roles: [.gridWorker], unitPath: Self.grid)
        let early = try EventRatingRules.rate(
            Self.event(state: .verified, handledEarly: true), current: EventRatings(), by: worker, discoveryStars: nil,
            satisfaction: .very, disposalOverride: nil, reason: nil, calendar: WorkingCalendar())
        #expect(early.timeliness == .early)
        #expect(early.disposalStars == 5)
        let late = try EventRatingRules.rate(
            Self.event(state: .closed, handledEarly: false), current: EventRatings(), by: worker, discoveryStars: nil,
            satisfaction: .unsatisfied, disposalOverride: nil, reason: nil, calendar: WorkingCalendar())
        #expect(late.timeliness == .overdue)
        #expect(late.disposalStars == 1)
    }

    @Test("an override moves one star with a reason, no more")
    func override() throws {
        let worker = EventActor(userID: Self.reporter, roles: [.gridWorker], unitPath: Self.grid)
        let event = Self.event(state: .verified, handledEarly: true)
        let moved = try EventRatingRules.rate(
            event, current: EventRatings(), by: worker, discoveryStars: nil, satisfaction: .fair, disposalOverride: 5,
            reason: "当事人当面致谢", calendar: WorkingCalendar())
        #expect(moved.disposalComputed == 4)
        #expect(moved.disposalStars == 5)
        #expect(throws: EventRefusal.self) {
            try EventRatingRules.rate(event, current: EventRatings(), by: worker, discoveryStars: nil, satisfaction: .fair,
                                      disposalOverride: 2, reason: "不满意", calendar: WorkingCalendar())
        }
        #expect(throws: EventRefusal.self) {
            try EventRatingRules.rate(event, current: EventRatings(), by: worker, discoveryStars: nil, satisfaction: .fair,
                                      disposalOverride: 5, reason: " ", calendar: WorkingCalendar())
        }
    }

    @Test("discovery stars come from the receiving unit, after verification, inside its area")
    func discovery() throws {
        let event = Self.event(state: .verified, handledEarly: true)
        let operatorA = EventActor(userID: UUID(), roles: [.communityOperator], unitPath: Self.community)
        #expect(try EventRatingRules.rate(event, current: EventRatings(), by: operatorA, discoveryStars: 3, satisfaction: nil,
                                          disposalOverride: nil, reason: nil, calendar: WorkingCalendar()).discoveryStars == 3)
        let worker = EventActor(userID: Self.reporter, roles: [.gridWorker], unitPath: Self.grid)
        #expect(throws: EventRefusal.notPermitted(.rate, .gridWorker)) {
            try EventRatingRules.rate(event, current: EventRatings(), by: worker, discoveryStars: 3, satisfaction: nil,
                                      disposalOverride: nil, reason: nil, calendar: WorkingCalendar())
        }
        let operatorB = EventActor(userID: UUID(), roles: [.communityOperator], unitPath: UnitPath(rawValue: "/510117/510117002/510117002001/")!)
        #expect(throws: EventRefusal.outOfScope) {
            try EventRatingRules.rate(event, current: EventRatings(), by: operatorB, discoveryStars: 3, satisfaction: nil,
                                      disposalOverride: nil, reason: nil, calendar: WorkingCalendar())
        }
        #expect(throws: EventRefusal.self) {
            try EventRatingRules.rate(Self.event(state: .inProgress, handledEarly: true), current: EventRatings(), by: operatorA,
                                      discoveryStars: 3, satisfaction: nil, disposalOverride: nil, reason: nil, calendar: WorkingCalendar())
        }
    }
}
