import Foundation
import Testing
@testable import GridCore

/// Scope (管辖范围): a unit acts only on events in its subtree or dispatched to it.
@Suite("Event state machine: scope")
struct EventScopeTests {
    typealias F = EventFixtures

    @Test("a community operator of B cannot act on A's events", arguments: [
        (TableFixture.reportedC, EventAction.accept(level: nil)),
        (.reportedC, .reject(reason: "重复")),
        (.reportedC, .requestCheck(note: "")),
        (.reportedC, .escalate(reason: "超出职能")),
        (.reportedC, .mergeInto(target: EventFixtures.otherEventID)),
        (.acceptedC, .take),
        (.acceptedC, .handle(feedback: "已处置", photos: [])),
        (.acceptedC, .requestVoid(reason: "重复")),
        (.acceptedC, .requestPark(reason: "暂不具备条件")),
        (.inProgressC, .requestExtension(days: 2, reason: "等待材料")),
        (.handledC, .verify(passed: true, note: "")),
        (.verifiedC, .close(note: "")),
    ])
    func otherCommunity(fixture: TableFixture, action: EventAction) {
        #expect(F.refusal(action, to: fixture.snapshot, by: F.otherCommunityOperator) == .outOfScope)
        // The same action by the event's own community is allowed.
        #expect((try? F.apply(action, to: fixture.snapshot, by: F.communityOperator)) != nil)
    }

    @Test("a street operator of another street cannot triage, dispatch, close or approve")
    func otherStreet() {
        let reported = TableFixture.reportedC.snapshot
        #expect(F.refusal(.accept(level: nil), to: reported, by: F.otherStreetOperator) == .outOfScope)
        #expect(F.refusal(.dispatch(lead: F.zf, coHandlers: [], note: ""), to: TableFixture.acceptedS.snapshot,
                          by: F.otherStreetOperator) == .outOfScope)
        #expect(F.refusal(.close(note: ""), to: TableFixture.verifiedS.snapshot, by: F.otherStreetOperator) == .outOfScope)
        #expect(F.refusal(.urge(note: ""), to: TableFixture.inProgressS.snapshot, by: F.otherStreetOperator) == .outOfScope)
        var pending = TableFixture.inProgressS.snapshot
        pending.pendingRequest = EventRequest(
            kind: .extension, days: 2, requesterID: F.zfHandler.userID, requesterRole: .departmentHandler,
            reason: "等待材料", requestedAt: F.reportedAt)
        #expect(F.refusal(.approveExtension, to: pending, by: F.otherStreetOperator) == .outOfScope)
    }

    @Test("a department that is not the lead cannot take, return, handle or ask for more time")
    func otherDepartment() {
        let dispatched = TableFixture.dispatchedS.snapshot
        let working = TableFixture.inProgressS.snapshot
        #expect(F.refusal(.take, to: dispatched, by: F.hbHandler) == .outOfScope)
        #expect(F.refusal(.returnDispatch(reason: "非本部门"), to: dispatched, by: F.hbHandler) == .outOfScope)
        #expect(F.refusal(.handle(feedback: "已处置", photos: []), to: working, by: F.hbHandler) == .outOfScope)
        #expect(F.refusal(.requestExtension(days: 1, reason: "x"), to: working, by: F.hbHandler) == .outOfScope)
        // A co-handler helps but does not report for the lead.
        var shared = working
        shared.coHandlers = [F.sj]
        #expect(F.refusal(.handle(feedback: "已处置", photos: []), to: shared, by: F.sjHandler) == .outOfScope)
    }

    @Test("only the reporting grid worker verifies as a grid worker; another community does not verify")
    func verification() {
        let handled = TableFixture.handledS.snapshot
        #expect(F.refusal(.verify(passed: true, note: ""), to: handled, by: F.otherWorker) == .notPermitted(.verify, .gridWorker))
        #expect(F.refusal(.verify(passed: true, note: ""), to: handled, by: F.otherCommunityOperator) == .outOfScope)
    }

    @Test("a user with several roles acts in the first that may; the most telling refusal otherwise")
    func severalRoles() throws {
        let both = EventActor(userID: F.id(40), roles: [.gridWorker, .communityOperator], unitPath: F.community)
        let handled = TableFixture.handledC.snapshot
        // Not the reporter as a grid worker, but the community operator may verify.
        let transition = try F.apply(.verify(passed: true, note: ""), to: handled, by: both)
        #expect(transition.entry.actorRole == .communityOperator)
        // Out of scope in one role and not permitted in the other: out of scope is the answer.
        let elsewhere = EventActor(userID: F.id(41), roles: [.gridWorker, .communityOperator], unitPath: F.otherCommunity)
        #expect(F.refusal(.verify(passed: true, note: ""), to: handled, by: elsewhere) == .outOfScope)
        // No role at all.
        let nobody = EventActor(userID: F.id(42), roles: [], unitPath: F.community)
        #expect(F.refusal(.accept(level: nil), to: TableFixture.reportedC.snapshot, by: nobody) == .notPermitted(.accept, nil))
    }

    @Test("reporting: local roles report inside their unit, residents only public items, on-the-spot by grid workers")
    func reporting() throws {
        let type = try #require(EventCatalog.standard["B0401"])
        let police = try #require(EventCatalog.standard["B0101"])
        func report(_ actor: EventActor, _ type: EventType, grid: UnitPath = F.grid, spot: Bool = false) -> EventRefusal? {
            do {
                _ = try EventMachine.report(
                    EventReport(id: F.eventID, gridPath: grid, solvedOnSpot: spot, description: "暴露垃圾"),
                    type: type, by: actor, now: F.now, calendar: F.calendar)
                return nil
            } catch {
                return error
            }
        }
        #expect(report(F.worker, type) == nil)
        #expect(report(F.worker, type, grid: F.otherGrid) == .outOfScope)
        #expect(report(F.otherCommunityOperator, type) == .outOfScope)
        #expect(report(F.zfHandler, type) == nil)
        #expect(report(F.resident, type) == nil)
        #expect(report(F.resident, police) == .notPermitted(.report, .resident))
        #expect(report(F.leader, type) == .notPermitted(.report, .leader))
        #expect(report(F.admin, type) == .notPermitted(.report, .admin))
        #expect(report(F.auxiliary, type, spot: true)?.field == "solvedOnSpot")
        #expect(report(F.gridHead, type, spot: true) == nil)
    }
}
