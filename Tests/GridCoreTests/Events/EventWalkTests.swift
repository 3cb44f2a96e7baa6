import Foundation
import Testing
@testable import GridCore

/// The bar, walked end to end with the real calendar: a grid worker reports, the
/// community accepts and escalates, the street dispatches to the wrong department, which returns
/// it; the street re-dispatches, the right department takes and handles; the grid worker fails
/// the first verification and passes the second; the street closes.
@Suite("Event state machine: the full walk")
struct EventWalkTests {
    typealias F = EventFixtures

    /// One step's expectations: who acts, when, the entry and the notices.
    struct Step {
        let action: EventAction
        let actor: EventActor
        let at: String
        let from: EventState
        let to: EventState
        let note: String?
        let attachments: [String]
        let notices: [(EventNotice.Recipient, EventNotice.Kind)]
    }

    @Test("report → escalate → dispatch → return → re-dispatch → take → handle → rework → handle → verify → close")
    func fullWalk() throws {
        let type = try #require(EventCatalog.standard["B0402"])  // 占道经营, level 2, ZF
        let report = EventReport(
            id: F.eventID, gridPath: F.grid, description: "菜市场门口占道经营，约 6 个摊位", photos: ["before.jpg"])
        let reportedAt = F.instant("2026-09-21T09:00:00+08:00")
        let first = try EventMachine.report(report, type: type, by: F.worker, now: reportedAt, calendar: F.calendar)

        // The report: the community's operators and grid heads hear of it; due for triage today.
        #expect(first.event.state == .reported)
        #expect(first.event.version == 1)
        #expect(first.event.level == 2)
        #expect(first.event.ownerPath == F.community)
        #expect(first.event.ownerKind == .community)
        #expect(first.event.reporterRole == .gridWorker)
        #expect(first.event.deadline?.dueDay == F.day("2026-09-21"))
        #expect(first.entry == TimelineEntry(
            at: reportedAt, actorID: F.workerID, actorRole: .gridWorker, action: .report, from: nil, to: .reported,
            note: "菜市场门口占道经营，约 6 个摊位", attachments: ["before.jpg"]))
        #expect(first.notifications == [
            EventNotice(eventID: F.eventID, recipient: .unit(F.community, roles: [.communityOperator, .gridHead]), kind: .reported),
        ])

        let reporter = EventNotice.Recipient.user(F.workerID)
        let streetCentre = EventNotice.Recipient.unit(F.street, roles: [.streetOperator])
        let steps: [Step] = [
            Step(action: .accept(level: nil), actor: F.communityOperator, at: "2026-09-21T10:00:00+08:00",
                 from: .reported, to: .accepted, note: nil, attachments: [], notices: [(reporter, .accepted)]),
            Step(action: .escalate(reason: "涉及多个经营户，超出社区职能"), actor: F.communityOperator, at: "2026-09-21T11:00:00+08:00",
                 from: .accepted, to: .accepted, note: "涉及多个经营户，超出社区职能", attachments: [],
                 notices: [(streetCentre, .escalated), (reporter, .escalated)]),
            Step(action: .dispatch(lead: F.sj, coHandlers: [], note: "请处置"), actor: F.streetOperator,
                 at: "2026-09-21T14:00:00+08:00", from: .accepted, to: .dispatched, note: "请处置", attachments: [],
                 notices: [(.unit(F.sjPath, roles: [.departmentHandler]), .assigned), (reporter, .dispatched)]),
            Step(action: .returnDispatch(reason: "占道经营属综合执法职责"), actor: F.sjHandler, at: "2026-09-21T16:00:00+08:00",
                 from: .dispatched, to: .returned, note: "占道经营属综合执法职责", attachments: [],
                 notices: [(.unit(F.street, roles: [.streetOperator, .districtOperator]), .returned)]),
            Step(action: .dispatch(lead: F.zf, coHandlers: [F.sj], note: " 请综合执法局主办 "), actor: F.streetOperator,
                 at: "2026-09-22T09:00:00+08:00", from: .returned, to: .dispatched, note: "请综合执法局主办", attachments: [],
                 notices: [
                    (.unit(F.zfPath, roles: [.departmentHandler]), .assigned),
                    (.unit(F.sjPath, roles: [.departmentHandler]), .coAssigned),
                    (reporter, .dispatched),
                 ]),
            Step(action: .take, actor: F.zfHandler, at: "2026-09-22T10:00:00+08:00",
                 from: .dispatched, to: .inProgress, note: nil, attachments: [], notices: []),
            Step(action: .handle(feedback: "已劝离摊贩", photos: ["after-1.jpg"]), actor: F.zfHandler,
                 at: "2026-09-23T15:00:00+08:00", from: .inProgress, to: .handled, note: "已劝离摊贩",
                 attachments: ["after-1.jpg"], notices: [(reporter, .verificationRequested)]),
            Step(action: .verify(passed: false, note: "仍有两个摊位"), actor: F.worker, at: "2026-09-24T09:00:00+08:00",
                 from: .handled, to: .inProgress, note: "仍有两个摊位", attachments: [],
                 notices: [(.unit(F.zfPath, roles: [.departmentHandler]), .rework)]),
            Step(action: .handle(feedback: "摊位已全部清理，设置提示牌", photos: ["after-2.jpg", "sign.jpg"]), actor: F.zfHandler,
                 at: "2026-09-28T10:00:00+08:00", from: .inProgress, to: .handled, note: "摊位已全部清理，设置提示牌",
                 attachments: ["after-2.jpg", "sign.jpg"], notices: [(reporter, .verificationRequested)]),
            Step(action: .verify(passed: true, note: "已整改到位"), actor: F.worker, at: "2026-09-28T15:00:00+08:00",
                 from: .handled, to: .verified, note: "已整改到位", attachments: [], notices: [(streetCentre, .verified)]),
            Step(action: .close(note: "办结"), actor: F.streetOperator, at: "2026-09-29T09:00:00+08:00",
                 from: .verified, to: .closed, note: "办结", attachments: [], notices: [(reporter, .closed)]),
        ]

        var event = first.event
        var timeline = [first.entry]
        for (index, step) in steps.enumerated() {
            let at = F.instant(step.at)
            let transition = try EventMachine.apply(
                step.action, to: event, by: step.actor, now: at, calendar: F.calendar, deadlineDays: type.deadlineDays)
            let role = try #require(step.actor.roles.first)
            #expect(transition.entry == TimelineEntry(
                at: at, actorID: step.actor.userID, actorRole: role, action: step.action.name, from: step.from, to: step.to,
                note: step.note, attachments: step.attachments), "step \(index + 1)")
            #expect(transition.notifications == step.notices.map {
                EventNotice(eventID: F.eventID, recipient: $0.0, kind: $0.1)
            }, "step \(index + 1) \(step.action.name)")
            #expect(transition.event.version == index + 2)
            event = transition.event
            timeline.append(transition.entry)

            switch index {
            case 0:  // 立案 at level 2: three working days, Tue–Thu.
                #expect(event.handlingDeadline?.dueDay == F.day("2026-09-24"))
                #expect(event.deadline == event.handlingDeadline)
            case 1:  // Escalated: the street owns it at level 3; seven working days from the same
                // acceptance cross Mid-autumn (09-25…27) and National Day (10-01…07): due 10-08.
                #expect(event.ownerPath == F.street)
                #expect(event.ownerKind == .street)
                #expect(event.level == 3)
                #expect(event.escalations == 1)
                #expect(event.handlingDeadline?.dueDay == F.day("2026-10-08"))
                #expect(event.handlingDeadline?.acceptedAt == F.instant("2026-09-21T10:00:00+08:00"))
            case 3:  // Returned: back with the street, no lead.
                #expect(event.returnCount == 1)
                #expect(event.handlingUnit == nil)
                #expect(event.dispatcherPath == F.street)
            case 4:  // Re-dispatched: the clock does not restart.
                #expect(event.handlingUnit == F.zf)
                #expect(event.coHandlers == [F.sj])
                #expect(event.handlingDeadline?.dueDay == F.day("2026-10-08"))
            case 6:  // Handled: the verification deadline is one working day, Thu 09-24.
                #expect(event.handlerID == F.zfHandler.userID)
                #expect(event.deadline?.dueDay == F.day("2026-09-24"))
            case 7:  // Rework: counted, back under the handling deadline.
                #expect(event.reworkCount == 1)
                #expect(event.handlerID == nil)
                #expect(event.deadline?.dueDay == F.day("2026-10-08"))
            default:
                break
            }
        }

        #expect(event.state == .closed)
        #expect(event.outcome == .resolved)
        #expect(event.closedAt == F.instant("2026-09-29T09:00:00+08:00"))
        #expect(event.deadline == nil)
        #expect(event.reworkCount == 1)
        #expect(event.returnCount == 1)
        #expect(event.escalations == 1)
        #expect(timeline.map(\.action) == [
            .report, .accept, .escalate, .dispatch, .returnDispatch, .dispatch, .take, .handle, .verify, .handle, .verify, .close,
        ])
        #expect(timeline.map(\.to) == [
            .reported, .accepted, .accepted, .dispatched, .returned, .dispatched, .inProgress, .handled, .inProgress,
            .handled, .verified, .closed,
        ])
        // Handled on Mon 09-28 against a due day of 10-08: early, so a very satisfied party gives 5★.
        let timeliness = try #require(event.handlingTimeliness(calendar: F.calendar))
        #expect(timeliness == .early)
        #expect(DisposalRating.stars(timeliness: timeliness, satisfaction: .very) == 5)
    }

    @Test("a report solved on the spot starts handled, the community verifies it and closes it")
    func solvedOnTheSpot() throws {
        let type = try #require(EventCatalog.standard["B0404"])  // 乱贴乱画
        let at = F.instant("2026-03-06T10:00:00+08:00")
        let report = EventReport(id: F.eventID, gridPath: F.grid, level: 3, solvedOnSpot: true, description: "已清除小广告")
        let first = try EventMachine.report(report, type: type, by: F.worker, now: at, calendar: F.calendar)
        #expect(EventMachine.initialState(solvedOnSpot: true) == .handled)
        #expect(EventMachine.initialState(solvedOnSpot: false) == .reported)
        #expect(first.event.state == .handled)
        #expect(first.event.level == 1)
        #expect(first.event.handlerID == F.workerID)
        #expect(first.event.handlingDeadline?.dueDay == F.day("2026-03-06"))
        // Verification is due the next working day: Fri → Mon.
        #expect(first.event.deadline?.dueDay == F.day("2026-03-09"))
        #expect(first.entry.from == nil)
        #expect(first.notifications == [EventNotice(
            eventID: F.eventID, recipient: .unit(F.community, roles: [.communityOperator, .gridHead]), kind: .verificationRequested)])

        // 采办分离: the reporter handled it, so may not verify it.
        #expect(F.refusal(.verify(passed: true, note: ""), to: first.event, by: F.worker) == .conflict(.verify, .ownHandling))
        let verified = try F.apply(.verify(passed: true, note: ""), to: first.event, by: F.communityOperator)
        #expect(verified.event.state == .verified)
        #expect(verified.notifications == [EventNotice(
            eventID: F.eventID, recipient: .unit(F.community, roles: [.communityOperator, .gridHead]), kind: .verified)])
        let closed = try F.apply(.close(note: ""), to: verified.event, by: F.communityOperator)
        #expect(closed.event.state == .closed)
        #expect(closed.entry.note == nil)
        #expect(closed.notifications == [EventNotice(eventID: F.eventID, recipient: .user(F.workerID), kind: .closed)])
        #expect(closed.event.handlingTimeliness(calendar: F.calendar) == .onTime)
    }

    @Test("the community handles a level-2 event itself: take, handle, verified by the reporter, closed")
    func communityHandlesItself() throws {
        var event = F.event(.reported)
        for (action, actor, state) in [
            (EventAction.accept(level: 2), F.communityOperator, EventState.accepted),
            (.take, F.communityOperator, .inProgress),
            (.handle(feedback: "已协调物业清运", photos: []), F.communityOperator, .handled),
            (.verify(passed: true, note: ""), F.worker, .verified),
            (.close(note: ""), F.communityOperator, .closed),
        ] {
            event = try F.apply(action, to: event, by: actor).event
            #expect(event.state == state)
        }
        #expect(event.handlingUnit == nil)
        #expect(event.handlerID == F.communityOperator.userID)
    }
}
