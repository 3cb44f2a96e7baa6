import Foundation
import Testing
@testable import GridCore

/// One event per state (two where the owner matters: the community's own, or escalated to the
/// street), as the transition table enumerates them.
enum TableFixture: String, CaseIterable, Sendable {
    case reportedC, acceptedC, acceptedS, rejectedC, dispatchedS, inProgressS, inProgressC, returnedS
    case handledS, handledC, verifiedC, verifiedS, closedS, archivedS

    var snapshot: EventSnapshot {
        typealias F = EventFixtures
        switch self {
        case .reportedC:
            return F.event(.reported)
        case .acceptedC:
            return F.event(.accepted)
        case .acceptedS:
            return F.event(.accepted, owner: .street, level: 3)
        case .rejectedC:
            var event = F.event(.rejected)
            event.outcome = .rejected
            return event
        case .dispatchedS, .inProgressS:
            var event = F.event(self == .dispatchedS ? .dispatched : .inProgress, owner: .street, level: 3)
            event.handlingUnit = F.zf
            event.dispatcherPath = F.street
            return event
        case .inProgressC:
            return F.event(.inProgress)
        case .returnedS:
            var event = F.event(.returned, owner: .street, level: 3)
            event.dispatcherPath = F.street
            event.returnCount = 1
            return event
        case .handledS:
            var event = F.event(.handled, owner: .street, level: 3)
            event.handlingUnit = F.zf
            event.dispatcherPath = F.street
            event.handlerID = F.zfColleagueID
            event.handledAt = F.reportedAt
            return event
        case .handledC:
            var event = F.event(.handled)
            event.handlerID = F.communityColleagueID
            event.handledAt = F.reportedAt
            return event
        case .verifiedC:
            return F.event(.verified)
        case .verifiedS:
            var event = F.event(.verified, owner: .street, level: 3)
            event.handlingUnit = F.zf
            event.dispatcherPath = F.street
            return event
        case .closedS, .archivedS:
            var event = F.event(self == .closedS ? .closed : .archived, owner: .street, level: 3)
            event.outcome = .resolved
            return event
        }
    }
}

/// A sample of every action with valid inputs, so that only the rules decide.
enum SampleAction {
    static func action(_ name: EventAction.Name) -> EventAction? {
        switch name {
        case .accept: .accept(level: nil)
        case .reject: .reject(reason: "重复上报")
        case .requestCheck: .requestCheck(note: "请现场核实")
        case .confirmCheck: .confirmCheck(real: true, note: "属实")
        case .dispatch: .dispatch(lead: EventFixtures.zf, coHandlers: [], note: "请处置")
        case .take: .take
        case .returnDispatch: .returnDispatch(reason: "非本部门职责")
        case .handle: .handle(feedback: "已清理", photos: ["after.jpg"])
        case .verify: .verify(passed: true, note: "已整改")
        case .close: .close(note: "结案")
        case .reopen: .reopen(reason: "群众反映问题反弹")
        case .escalate: .escalate(reason: "超出本级职能")
        case .urge: .urge(note: "请加快办理")
        case .supervise: .supervise(note: "列入督办")
        case .requestExtension: .requestExtension(days: 3, reason: "需采购材料")
        case .approveExtension: .approveExtension
        case .denyExtension: .denyExtension(reason: "理由不充分")
        case .requestVoid: .requestVoid(reason: "重复事件")
        case .approveVoid: .approveVoid
        case .denyVoid: .denyVoid(reason: "事件属实")
        case .requestPark: .requestPark(reason: "需列入年度改造计划")
        case .approvePark: .approvePark
        case .denyPark: .denyPark(reason: "近期可以解决")
        case .resume: .resume(note: "条件已具备")
        case .merge: .mergeInto(target: EventFixtures.otherEventID)
        case .archive: .archive
        case .report, .rate: nil
        }
    }

    /// Every name an `EventAction` has.
    static let names: [EventAction.Name] = EventAction.Name.allCases.filter { action($0) != nil }
}

/// One (fixture, action, role) triple of the table.
struct TransitionCase: Sendable, CustomTestStringConvertible {
    let fixture: TableFixture
    let name: EventAction.Name
    let role: Role

    var testDescription: String { "\(fixture.rawValue) \(name.rawValue) by \(role.rawValue)" }

    static let all: [TransitionCase] = TableFixture.allCases.flatMap { fixture in
        SampleAction.names.flatMap { name in Role.allCases.map { TransitionCase(fixture: fixture, name: name, role: $0) } }
    }
}

/// What the table expects of one triple.
enum TransitionExpectation: Sendable, Hashable {
    case to(EventState)
    case illegal
    case notPermitted
    case outOfScope
    case conflict(EventConflict)
}
