import Foundation
import Testing
@testable import GridCore

/// The side flows of the digital-city-management standard: 核实, 延期, 作废, 挂账/恢复, 合并,
/// 重新办理, and the rules of the loop they can run into.
@Suite("Event state machine: side flows and conflicts")
struct EventSideFlowTests {
    typealias F = EventFixtures

    @Test("核实: a check holds 立案 until confirmed; a false report is rejected with a note")
    func check() throws {
        let requested = try F.apply(.requestCheck(note: "请确认是否仍在"), to: F.event(.reported), by: F.gridHead)
        #expect(requested.event.awaitingCheck)
        #expect(requested.event.state == .reported)
        #expect(requested.notifications == [EventNotice(
            eventID: F.eventID, recipient: .unit(F.grid, roles: [.gridWorker, .gridHead]), kind: .checkRequested)])
        #expect(F.refusal(.accept(level: nil), to: requested.event, by: F.communityOperator) == .conflict(.accept, .awaitingCheck))
        #expect(F.refusal(.requestCheck(note: ""), to: requested.event, by: F.communityOperator)
                == .conflict(.requestCheck, .awaitingCheck))

        let real = try F.apply(.confirmCheck(real: true, note: "属实"), to: requested.event, by: F.gridHead)
        #expect(!real.event.awaitingCheck)
        #expect(try F.apply(.accept(level: nil), to: real.event, by: F.communityOperator).event.state == .accepted)

        #expect(F.refusal(.confirmCheck(real: false, note: " "), to: requested.event, by: F.gridHead) == .missingReason(field: "note"))
        let falseReport = try F.apply(.confirmCheck(real: false, note: "现场无此情况"), to: requested.event, by: F.gridHead)
        #expect(falseReport.event.state == .rejected)
        #expect(falseReport.event.outcome == .rejected)
        #expect(!falseReport.event.awaitingCheck)
        #expect(falseReport.notifications == [EventNotice(eventID: F.eventID, recipient: .user(F.workerID), kind: .rejected)])
        // Rejecting needs no check first.
        #expect(try F.apply(.reject(reason: "重复"), to: requested.event, by: F.communityOperator).event.state == .rejected)
    }

    @Test("延期: the handler asks, the dispatching street approves; the deadline moves over National Day")
    func extensionAcrossNationalDay() throws {
        // Accepted Wed 2026-09-23 at level 2: Thu 24, (Mid-autumn 25–27 off), Mon 28, Tue 29.
        let acceptedAt = F.instant("2026-09-23T09:00:00+08:00")
        var event = TableFixture.inProgressS.snapshot
        event.level = 2
        event.handlingDeadline = F.deadline(level: 2, from: acceptedAt)
        event.deadline = event.handlingDeadline
        #expect(event.handlingDeadline?.dueDay == F.day("2026-09-29"))

        #expect(F.refusal(.requestExtension(days: 0, reason: "x"), to: event, by: F.zfHandler)?.field == "days")
        #expect(F.refusal(.requestExtension(days: 31, reason: "x"), to: event, by: F.zfHandler)?.field == "days")
        #expect(F.refusal(.requestExtension(days: 3, reason: ""), to: event, by: F.zfHandler) == .missingReason(field: "reason"))
        let asked = try F.apply(.requestExtension(days: 3, reason: "需采购井盖"), to: event, by: F.zfHandler)
        #expect(asked.event.pendingRequest?.kind == .extension)
        #expect(asked.event.pendingRequest?.days == 3)
        #expect(asked.event.pendingRequest?.requesterID == F.zfHandler.userID)
        #expect(asked.notifications == [EventNotice(
            eventID: F.eventID, recipient: .unit(F.street, roles: [.streetOperator, .districtOperator]), kind: .extensionRequested)])
        // One request at a time.
        #expect(F.refusal(.requestVoid(reason: "x"), to: asked.event, by: F.streetOperator)
                == .conflict(.requestVoid, .requestPending(.extension)))
        // A pending extension does not hold the work.
        #expect(try F.apply(.urge(note: ""), to: asked.event, by: F.leader).event.urgeCount == 1)

        #expect(F.refusal(.denyExtension(reason: ""), to: asked.event, by: F.streetOperator) == .missingReason(field: "reason"))
        let denied = try F.apply(.denyExtension(reason: "可先行临时围挡"), to: asked.event, by: F.streetOperator)
        #expect(denied.event.pendingRequest == nil)
        #expect(denied.event.handlingDeadline == event.handlingDeadline)
        #expect(denied.notifications == [EventNotice(eventID: F.eventID, recipient: .user(F.zfHandler.userID), kind: .extensionDenied)])

        // Three more working days from Tue 09-29: Wed 30, (10-01…07 off), Thu 10-08, Fri 10-09.
        let approved = try F.apply(.approveExtension, to: asked.event, by: F.streetOperator)
        #expect(approved.event.pendingRequest == nil)
        #expect(approved.event.handlingDeadline?.dueDay == F.day("2026-10-09"))
        #expect(approved.event.handlingDeadline?.acceptedAt == acceptedAt)
        #expect(approved.event.deadline == approved.event.handlingDeadline)
        #expect(approved.notifications == [EventNotice(
            eventID: F.eventID, recipient: .user(F.zfHandler.userID), kind: .extensionApproved)])
        #expect(approved.event.isOverdue(F.instant("2026-10-09T23:59:00+08:00")) == false)
        #expect(approved.event.isOverdue(F.instant("2026-10-10T00:00:00+08:00")))
    }

    @Test("挂账 and 恢复: the clock stops while parked and gives back the working days it was parked")
    func parkAndResume() throws {
        var event = TableFixture.inProgressS.snapshot
        event.level = 2
        event.handlingDeadline = F.deadline(level: 2, from: F.instant("2026-09-23T09:00:00+08:00"))  // due 09-29
        event.deadline = event.handlingDeadline
        let asked = try F.apply(.requestPark(reason: "需纳入明年改造计划"), to: event, by: F.streetOperator)
        #expect(asked.notifications == [EventNotice(
            eventID: F.eventID, recipient: .unit(F.district, roles: [.streetOperator, .districtOperator, .leader]),
            kind: .parkRequested)])
        // A pending park holds the work, and the requester may not decide it.
        #expect(F.refusal(.handle(feedback: "x", photos: []), to: asked.event, by: F.zfHandler)
                == .conflict(.handle, .requestPending(.park)))
        #expect(F.refusal(.approvePark, to: asked.event, by: F.streetOperator) == .conflict(.approvePark, .ownRequest))
        #expect(try F.apply(.approvePark, to: asked.event, by: F.secondStreetOperator).event.parked)

        let parkedAt = F.instant("2026-09-24T10:00:00+08:00")
        let parked = try F.apply(.approvePark, to: asked.event, by: F.leader, at: parkedAt)
        #expect(parked.event.parked)
        #expect(parked.event.parkedAt == parkedAt)
        #expect(parked.event.deadline == nil)
        #expect(parked.event.isOverdue(F.instant("2027-01-01T00:00:00+08:00")) == false)
        #expect(parked.notifications == [
            EventNotice(eventID: F.eventID, recipient: .user(F.streetOperator.userID), kind: .parkApproved),
            EventNotice(eventID: F.eventID, recipient: .unit(F.zfPath, roles: [.departmentHandler]), kind: .parkApproved),
        ])
        for action in [EventAction.handle(feedback: "x", photos: []), .urge(note: ""), .requestExtension(days: 1, reason: "x"),
                       .requestPark(reason: "x")] {
            #expect(F.refusal(action, to: parked.event, by: action.name == .handle || action.name == .requestExtension
                              ? F.zfHandler : F.streetOperator) == .conflict(action.name, .parked))
        }

        // Resumed Fri 10-09: parked for Mon 28, Tue 29, Wed 30, Thu 10-08, Fri 10-09 (5 working days);
        // the due day 09-29 moves 5 working days: 30, 10-08, 10-09, Sat 10-10 (make-up), Mon 10-12.
        let resumed = try F.apply(.resume(note: "资金已落实"), to: parked.event, by: F.streetOperator,
                                  at: F.instant("2026-10-09T09:00:00+08:00"))
        #expect(!resumed.event.parked)
        #expect(resumed.event.parkedAt == nil)
        #expect(resumed.event.handlingDeadline?.dueDay == F.day("2026-10-12"))
        #expect(resumed.event.deadline == resumed.event.handlingDeadline)
        #expect(resumed.notifications == [EventNotice(
            eventID: F.eventID, recipient: .unit(F.zfPath, roles: [.departmentHandler]), kind: .resumed)])
    }

    @Test("作废: requested by the owner, approved by a leader, the event closes as voided")
    func void() throws {
        let event = TableFixture.dispatchedS.snapshot
        let asked = try F.apply(.requestVoid(reason: "与另一事件重复"), to: event, by: F.streetOperator)
        #expect(F.refusal(.take, to: asked.event, by: F.zfHandler) == .conflict(.take, .requestPending(.void)))
        #expect(F.refusal(.denyVoid(reason: "x"), to: asked.event, by: F.streetOperator) == .conflict(.denyVoid, .ownRequest))
        let denied = try F.apply(.denyVoid(reason: "事件属实"), to: asked.event, by: F.leader)
        #expect(denied.event.pendingRequest == nil)
        #expect(try F.apply(.take, to: denied.event, by: F.zfHandler).event.state == .inProgress)

        let voided = try F.apply(.approveVoid, to: asked.event, by: F.leader)
        #expect(voided.event.state == .closed)
        #expect(voided.event.outcome == .voided)
        #expect(voided.event.deadline == nil)
        #expect(voided.event.pendingRequest == nil)
        #expect(voided.notifications == [
            EventNotice(eventID: F.eventID, recipient: .user(F.streetOperator.userID), kind: .voidApproved),
            EventNotice(eventID: F.eventID, recipient: .user(F.workerID), kind: .voidApproved),
            EventNotice(eventID: F.eventID, recipient: .unit(F.zfPath, roles: [.departmentHandler]), kind: .voidApproved),
        ])
        // A voided event is not reopened.
        #expect(F.refusal(.reopen(reason: "x"), to: voided.event, by: F.districtOperator)
                == .conflict(.reopen, .notReopenable(.voided)))
        #expect(try F.apply(.archive, to: voided.event, by: F.admin).event.state == .archived)
    }

    @Test("合并 and 重新办理")
    func mergeAndReopen() throws {
        let merged = try F.apply(.mergeInto(target: F.otherEventID), to: F.event(.reported), by: F.communityOperator)
        #expect(merged.event.outcome == .merged(into: F.otherEventID))
        #expect(merged.notifications == [EventNotice(eventID: F.eventID, recipient: .user(F.workerID), kind: .merged)])
        #expect(F.refusal(.mergeInto(target: F.eventID), to: F.event(.reported), by: F.communityOperator)?.field == "target")

        let reopenedAt = F.instant("2026-09-30T10:00:00+08:00")
        #expect(F.refusal(.reopen(reason: " "), to: TableFixture.closedS.snapshot, by: F.streetOperator)
                == .missingReason(field: "reason"))
        let reopened = try F.apply(.reopen(reason: "问题反弹"), to: TableFixture.closedS.snapshot, by: F.streetOperator,
                                   at: reopenedAt)
        #expect(reopened.event.state == .accepted)
        #expect(reopened.event.outcome == nil)
        #expect(reopened.event.closedAt == nil)
        // Level 3 = seven working days from Wed 09-30: 10-08, 09, 10 (make-up), 12, 13, 14, 15.
        #expect(reopened.event.handlingDeadline?.dueDay == F.day("2026-10-15"))
        #expect(reopened.notifications == [EventNotice(eventID: F.eventID, recipient: .user(F.workerID), kind: .reopened)])
    }

    @Test("属地优先: a city component may be dispatched by the street while the community owns it")
    func componentsGoToTheirOwner() throws {
        var component = F.event(.accepted)
        component.isComponent = true
        let dispatched = try F.apply(.dispatch(lead: F.zf, coHandlers: [], note: ""), to: component, by: F.streetOperator)
        #expect(dispatched.event.state == .dispatched)
        #expect(dispatched.event.ownerPath == F.community)
        #expect(dispatched.event.dispatcherPath == F.street)
    }

    @Test("the community does not handle levels above 2; the top level cannot escalate")
    func levelsAndTop() throws {
        let levelThree = F.event(.accepted, level: 3)
        #expect(F.refusal(.take, to: levelThree, by: F.communityOperator) == .conflict(.take, .beyondCommunity(level: 3)))
        let escalated = try F.apply(.escalate(reason: "超出社区职能"), to: levelThree, by: F.gridHead)
        #expect(escalated.event.level == 4)
        let again = try F.apply(.escalate(reason: "超出街道职能"), to: escalated.event, by: F.streetOperator)
        #expect(again.event.level == 4)
        #expect(again.event.ownerKind == .district)
        #expect(again.event.ownerPath == F.district)
        #expect(again.notifications == [
            EventNotice(eventID: F.eventID, recipient: .unit(F.district, roles: [.districtOperator]), kind: .escalated),
            EventNotice(eventID: F.eventID, recipient: .user(F.workerID), kind: .escalated),
        ])
        // A street at the root of its tree (Kuiyong runs street → community → grid) has nowhere to go.
        var rootStreet = F.event(.accepted, owner: .street, level: 3)
        rootStreet.ownerPath = F.path("/440307001/")
        rootStreet.gridPath = F.path("/440307001/440307001001/440307001001001/")
        let kuiyong = EventActor(userID: F.id(50), roles: [.streetOperator], unitPath: rootStreet.ownerPath)
        #expect(F.refusal(.escalate(reason: "x"), to: rootStreet, by: kuiyong) == .conflict(.escalate, .noHigherLevel))
    }

    @Test("a community closes only its own levels 1–2; a centre above closes the rest")
    func closingLevels() throws {
        let levelThree = F.event(.verified, level: 3)
        #expect(F.refusal(.close(note: ""), to: levelThree, by: F.communityOperator) == .notPermitted(.close, .communityOperator))
        #expect(try F.apply(.close(note: ""), to: levelThree, by: F.streetOperator).event.state == .closed)
    }

    @Test("nobody is told of their own step")
    func noSelfNotice() throws {
        let type = try #require(EventCatalog.standard["B0401"])
        let reported = try EventMachine.report(
            EventReport(id: F.eventID, gridPath: F.grid, description: "垃圾"), type: type, by: F.communityOperator,
            now: F.now, calendar: F.calendar)
        #expect(reported.event.reporterRole == .communityOperator)
        let accepted = try F.apply(.accept(level: nil), to: reported.event, by: F.communityOperator)
        #expect(accepted.notifications.isEmpty)
    }

    @Test("a report not yet accepted is escalated with a fresh triage deadline at the street")
    func escalateBeforeAcceptance() throws {
        let escalated = try F.apply(.escalate(reason: "涉及两个社区"), to: F.event(.reported), by: F.communityOperator,
                                    at: F.instant("2026-09-30T16:00:00+08:00"))
        #expect(escalated.event.state == .reported)
        #expect(escalated.event.handlingDeadline == nil)
        #expect(escalated.event.deadline?.dueDay == F.day("2026-09-30"))
        #expect(try F.apply(.accept(level: nil), to: escalated.event, by: F.streetOperator).event.level == 3)
    }

    @Test("inputs: every rejection, return and denial needs a reason; bad levels, units and photos are refused",
          arguments: [
            (TableFixture.reportedC, EventAction.reject(reason: "  "), EventFixtures.communityOperator, "reason"),
            (.dispatchedS, .returnDispatch(reason: ""), EventFixtures.zfHandler, "reason"),
            (.inProgressS, .handle(feedback: "\n", photos: []), EventFixtures.zfHandler, "feedback"),
            (.handledS, .verify(passed: false, note: ""), EventFixtures.worker, "note"),
            (.reportedC, .escalate(reason: ""), EventFixtures.communityOperator, "reason"),
            (.acceptedS, .requestVoid(reason: ""), EventFixtures.streetOperator, "reason"),
            (.acceptedS, .requestPark(reason: ""), EventFixtures.streetOperator, "reason"),
          ])
    func missingReasons(fixture: TableFixture, action: EventAction, actor: EventActor, field: String) {
        #expect(F.refusal(action, to: fixture.snapshot, by: actor) == .missingReason(field: field))
    }

    @Test("invalid inputs name their field", arguments: [
        (TableFixture.reportedC, EventAction.accept(level: 5), EventFixtures.communityOperator, "level"),
        (.reportedC, .accept(level: 0), EventFixtures.communityOperator, "level"),
        (.acceptedS, .dispatch(lead: HandlingUnitRef(id: EventFixtures.id(90), path: EventFixtures.community, kind: .community),
                               coHandlers: [], note: ""), EventFixtures.streetOperator, "lead"),
        (.acceptedS, .dispatch(lead: EventFixtures.zf, coHandlers: [EventFixtures.zf], note: ""), EventFixtures.streetOperator,
         "coHandlers"),
        (.acceptedS, .dispatch(lead: EventFixtures.zf, coHandlers: [EventFixtures.sj, EventFixtures.sj], note: ""),
         EventFixtures.streetOperator, "coHandlers"),
        (.inProgressS, .handle(feedback: "已处置", photos: ["a.jpg", " "]), EventFixtures.zfHandler, "photos"),
        (.inProgressS, .handle(feedback: "已处置", photos: Array(repeating: "p.jpg", count: 21)), EventFixtures.zfHandler, "photos"),
    ])
    func invalidInputs(fixture: TableFixture, action: EventAction, actor: EventActor, field: String) {
        let refusal = F.refusal(action, to: fixture.snapshot, by: actor)
        guard case .invalidInput(let found, _)? = refusal else {
            Issue.record("expected invalidInput(\(field)), got \(String(describing: refusal))")
            return
        }
        #expect(found == field)
    }

    @Test("refusals read well in both languages")
    func messages() {
        let illegal = EventRefusal.illegalInState(.accept, .dispatched)
        #expect(illegal.reason.zhHans == "当前状态“已派遣”不能执行“立案”")
        #expect(illegal.reason.en == "cannot accept an event that is dispatched")
        #expect(illegal.field == nil)
        let denied = EventRefusal.notPermitted(.dispatch, .gridWorker)
        #expect(denied.reason.zhHans == "角色“专职网格员”无权执行“派遣”")
        #expect(denied.reason.en == "the role Grid worker may not dispatch this event")
        let missing = EventRefusal.missingReason(field: "reason")
        #expect(missing.reason.zhHans == "请填写理由")
        #expect(missing.field == "reason")
        let conflict = EventRefusal.conflict(.verify, .ownHandling)
        #expect(conflict.reason.zhHans == "不能执行“核查”：采办分离：处置人不能核查自己的处置")
        #expect(EventRefusal.outOfScope.reason.en == "this event is outside your unit's responsibility")
    }

    @Test("snapshots and timeline entries survive JSON")
    func coding() throws {
        var event = TableFixture.inProgressS.snapshot
        event.outcome = .merged(into: F.otherEventID)
        event.pendingRequest = EventRequest(
            kind: .extension, days: 2, requesterID: F.zfHandler.userID, requesterRole: .departmentHandler,
            reason: "等待", requestedAt: F.now)
        let data = try JSONEncoder().encode(event)
        #expect(try JSONDecoder().decode(EventSnapshot.self, from: data) == event)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"state\":\"in_progress\""))
        #expect(json.contains("merged:00000000-0000-4000-8000-000000000065"))
        #expect(EventOutcome(stored: "merged:nonsense") == nil)
        let entry = try F.apply(.urge(note: "快"), to: event, by: F.leader).entry
        #expect(try JSONDecoder().decode(TimelineEntry.self, from: JSONEncoder().encode(entry)) == entry)
        #expect(EventAction.Name.returnDispatch.rawValue == "return")
        let notices = [
            EventNotice(eventID: F.eventID, recipient: .user(F.workerID), kind: .verificationRequested),
            EventNotice(eventID: F.eventID, recipient: .unit(F.street, roles: [.streetOperator, .districtOperator]), kind: .returned),
        ]
        let noticeData = try JSONEncoder().encode(notices)
        #expect(try JSONDecoder().decode([EventNotice].self, from: noticeData) == notices)
        let noticeJSON = try #require(String(data: noticeData, encoding: .utf8))
        #expect(noticeJSON.contains(#""roles":["district_operator","street_operator"]"#))
        #expect(noticeJSON.contains(#""kind":"verification_requested""#))
        #expect(EventState.allCases.map(\.rawValue) == [
            "reported", "accepted", "rejected", "dispatched", "in_progress", "returned", "handled", "verified", "closed", "archived",
        ])
    }
}
