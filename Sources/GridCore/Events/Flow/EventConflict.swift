/// Why an action that the state and the role allow cannot happen to this event now: a side flow
/// is in the way, or a rule of the loop (属地优先, 采办分离, four eyes) forbids it. The API answers
/// these like an illegal state, HTTP 409.
public enum EventConflict: Sendable, Hashable {
    /// 待核实: confirm or refute the check before 立案.
    case awaitingCheck
    /// No check was requested.
    case notAwaitingCheck
    /// 已挂账: resume it first.
    case parked
    /// Only a parked event can be resumed.
    case notParked
    /// A request is already waiting for approval (one at a time; void and park requests also hold the work).
    case requestPending(EventRequestKind)
    /// There is no such request to approve or deny.
    case noPendingRequest(EventRequestKind)
    /// 属地优先: a street or district may dispatch an event only after its community escalated
    /// it, unless it is a city component (部件), which goes to its owner department directly.
    case territoryFirst
    /// The community handles levels 1–2 itself; a higher level must be escalated.
    case beyondCommunity(level: Int)
    /// 采办分离: whoever recorded the handling may not verify it.
    case ownHandling
    /// Four eyes: a requester may not decide their own request.
    case ownRequest
    /// The owner is already the top territorial level.
    case noHigherLevel
    /// Only a resolved event can be reopened; a voided or merged one stays closed.
    case notReopenable(EventOutcome)

    public var reason: LocalizedText {
        switch self {
        case .awaitingCheck:
            LocalizedText(zh: "事件正在核实中", en: "the report is awaiting a check")
        case .notAwaitingCheck:
            LocalizedText(zh: "事件未申请核实", en: "no check was requested")
        case .parked:
            LocalizedText(zh: "事件已挂账，请先恢复", en: "the event is parked; resume it first")
        case .notParked:
            LocalizedText(zh: "事件未挂账", en: "the event is not parked")
        case .requestPending(let kind):
            LocalizedText(zh: "已有待审批的\(kind.label.zhHans)", en: "an \(kind.label.en) is awaiting approval")
        case .noPendingRequest(let kind):
            LocalizedText(zh: "没有待审批的\(kind.label.zhHans)", en: "there is no \(kind.label.en) awaiting approval")
        case .territoryFirst:
            LocalizedText(
                zh: "属地优先：非部件事件须由社区上报街道后才能派遣",
                en: "territory first: an event that is not a city component is dispatched only after its community escalated it")
        case .beyondCommunity(let level):
            LocalizedText(
                zh: "\(level) 级事件超出社区处置范围，请上报街道",
                en: "a level-\(level) event is beyond the community; escalate it to the street")
        case .ownHandling:
            LocalizedText(zh: "采办分离：处置人不能核查自己的处置", en: "whoever handled the event may not verify it")
        case .ownRequest:
            LocalizedText(zh: "申请人不能审批自己的申请", en: "a requester may not decide their own request")
        case .noHigherLevel:
            LocalizedText(zh: "已是最高层级，不能再上报", en: "the owner is already the top level")
        case .notReopenable(let outcome):
            LocalizedText(
                zh: "以“\(outcome.label.zhHans)”方式结案的事件不能重新办理",
                en: "an event closed as \(outcome.label.en) cannot be reopened")
        }
    }
}
