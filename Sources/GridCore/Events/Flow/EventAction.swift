import Foundation

/// One step a person takes on an event (事件操作), with its inputs. `EventMachine.apply` decides
/// whether it is allowed and what it does; the API's `POST /events/{id}/actions/{name}` builds one.
///
/// Free-text inputs are judged after trimming: a reason that is only spaces is missing.
public enum EventAction: Sendable, Hashable {
    /// 立案, optionally at another level than the reported one (1–4).
    case accept(level: Int?)
    /// 不予立案.
    case reject(reason: String)
    /// 申请核实: ask the grid to confirm the report before 立案.
    case requestCheck(note: String)
    /// 核实结果: real (back to triage) or not (rejected; `note` then required).
    case confirmCheck(real: Bool, note: String)
    /// 派遣 to a lead unit, with co-handlers.
    case dispatch(lead: HandlingUnitRef, coHandlers: [HandlingUnitRef], note: String)
    /// 接收: the handling unit (or the community handling it itself) takes the event.
    case take
    /// 退回: the unit refuses the dispatch.
    case returnDispatch(reason: String)
    /// 处置反馈, with photo references.
    case handle(feedback: String, photos: [String])
    /// 核查: passed, or failed (返工; `note` then required).
    case verify(passed: Bool, note: String)
    /// 结案.
    case close(note: String)
    /// 重新办理: a closed event found unsolved goes back to `accepted`.
    case reopen(reason: String)
    /// 上报上级: the owner moves up one territorial level and the level rises by one.
    case escalate(reason: String)
    /// 催办.
    case urge(note: String)
    /// 督办.
    case supervise(note: String)
    /// 延期申请 for `days` working days (1–30).
    case requestExtension(days: Int, reason: String)
    case approveExtension
    case denyExtension(reason: String)
    /// 作废申请.
    case requestVoid(reason: String)
    case approveVoid
    case denyVoid(reason: String)
    /// 挂账申请.
    case requestPark(reason: String)
    case approvePark
    case denyPark(reason: String)
    /// 恢复: a parked event carries on.
    case resume(note: String)
    /// 合并: close this event as a duplicate of `target`.
    case mergeInto(target: UUID)
    /// 归档.
    case archive

    public var name: Name {
        switch self {
        case .accept: .accept
        case .reject: .reject
        case .requestCheck: .requestCheck
        case .confirmCheck: .confirmCheck
        case .dispatch: .dispatch
        case .take: .take
        case .returnDispatch: .returnDispatch
        case .handle: .handle
        case .verify: .verify
        case .close: .close
        case .reopen: .reopen
        case .escalate: .escalate
        case .urge: .urge
        case .supervise: .supervise
        case .requestExtension: .requestExtension
        case .approveExtension: .approveExtension
        case .denyExtension: .denyExtension
        case .requestVoid: .requestVoid
        case .approveVoid: .approveVoid
        case .denyVoid: .denyVoid
        case .requestPark: .requestPark
        case .approvePark: .approvePark
        case .denyPark: .denyPark
        case .resume: .resume
        case .mergeInto: .merge
        case .archive: .archive
        }
    }
}
