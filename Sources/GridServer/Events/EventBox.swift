import Foundation
import GridCore
import GridStore

/// The work queues of the event loop (待办箱): what waits for the signed-in person at their level.
/// One definition serves the API (`GET /api/v1/events?box=`) and the console's inboxes, so the
/// counts on the console's tabs are the lists the API returns.
enum EventBox: String, CaseIterable, Sendable {
    /// 待受理: fresh reports owned by the caller's unit.
    case toAccept = "to_accept"
    /// 待派遣: accepted or returned events the caller's centre must dispatch.
    case toDispatch = "to_dispatch"
    /// 待处置: dispatched to the caller's department, or a community's own level 1–2 events.
    case toHandle = "to_handle"
    /// 待核查: handled events of the caller's community, or of the grid worker's own reports.
    case toVerify = "to_verify"
    /// 待结案: verified events owned by the caller's unit.
    case toClose = "to_close"
    /// 已超期: anything open past its deadline in the caller's scope.
    case overdue
    /// 我发起的: what the caller reported.
    case mine

    var label: LocalizedText {
        switch self {
        case .toAccept: LocalizedText(zh: "待受理", en: "To accept")
        case .toDispatch: LocalizedText(zh: "待派遣", en: "To dispatch")
        case .toHandle: LocalizedText(zh: "待处置", en: "To handle")
        case .toVerify: LocalizedText(zh: "待核查", en: "To verify")
        case .toClose: LocalizedText(zh: "待结案", en: "To close")
        case .overdue: LocalizedText(zh: "已超期", en: "Overdue")
        case .mine: LocalizedText(zh: "我发起的", en: "Reported by me")
        }
    }

    /// The action whose roles make this box someone's work (nil: everyone's).
    private var action: EventAction.Name? {
        switch self {
        case .toAccept: .accept
        case .toDispatch: .dispatch
        case .toHandle: .handle
        case .toVerify: .verify
        case .toClose: .close
        case .overdue: nil
        case .mine: .report
        }
    }

    /// The boxes worth a tab for these roles, in loop order.
    static func boxes(for roles: [Role]) -> [EventBox] {
        allCases.filter { box in
            guard let action = box.action else { return true }
            return !Set(roles).isDisjoint(with: EventMachine.roles(for: action))
        }
    }

    /// The list filter of this box for `principal` at `now`.
    func filter(for principal: Principal, now: Date) -> EventStore.Filter {
        var filter = EventStore.Filter()
        filter.visibleTo = principal.unitPath
        let roles = Set(principal.account.roles)
        switch self {
        case .toAccept:
            filter.states = [.reported]
            filter.ownerIs = principal.unitPath
        case .toDispatch:
            filter.states = [.accepted, .returned]
            filter.ownerIs = principal.unitPath
        case .toHandle:
            filter.states = [.dispatched, .inProgress]
            if roles.contains(.departmentHandler) {
                filter.handlerUnder = principal.unitPath
            } else {
                // The community handling its own (自处理) once accepted.
                filter.states = [.accepted, .inProgress]
                filter.ownerIs = principal.unitPath
                filter.undispatched = true
            }
        case .toVerify:
            filter.states = [.handled]
            if roles.isDisjoint(with: [.communityOperator, .gridHead]) { filter.reporterID = principal.id }
        case .toClose:
            filter.states = [.verified]
            filter.ownerIs = principal.unitPath
        case .overdue:
            filter.overdueAt = now
        case .mine:
            filter.reporterID = principal.id
        }
        return filter
    }
}
