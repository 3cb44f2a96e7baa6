/// Where an event stands in the closed loop (事件流转, domain.md §4):
/// 发现上报 → 指挥派遣 → 处置反馈 → 任务核查 → 考核评价 → 结案存档.
///
/// Side flows of the digital-city-management standard (核实, 挂账, 延期, 作废 requests) are flags
/// on `EventSnapshot`, not states, so that the main path stays the one every report shares and
/// the statistics count the same states everywhere. The raw values are stored and served; never
/// rename one.
public enum EventState: String, Sendable, Codable, CaseIterable, Hashable {
    /// 已上报: waiting for triage by the owner.
    case reported
    /// 已立案: accepted; the handling deadline runs.
    case accepted
    /// 不予立案: refused as invalid, duplicate or out of scope. Final.
    case rejected
    /// 已派遣: sent to a handling unit that has not yet taken it.
    case dispatched
    /// 处置中: taken by the handling unit (or the community itself).
    case inProgress = "in_progress"
    /// 已退回: the unit refused the dispatch; back with the dispatcher.
    case returned
    /// 已处置: feedback given, waiting for verification (核查).
    case handled
    /// 已核查: the fix is confirmed; waiting to be closed.
    case verified
    /// 已结案: done — resolved, voided or merged (`EventOutcome`).
    case closed
    /// 已归档: kept for the record; nothing more happens.
    case archived

    public var label: LocalizedText {
        switch self {
        case .reported: LocalizedText(zh: "已上报", en: "reported")
        case .accepted: LocalizedText(zh: "已立案", en: "accepted")
        case .rejected: LocalizedText(zh: "不予立案", en: "rejected")
        case .dispatched: LocalizedText(zh: "已派遣", en: "dispatched")
        case .inProgress: LocalizedText(zh: "处置中", en: "in progress")
        case .returned: LocalizedText(zh: "已退回", en: "returned")
        case .handled: LocalizedText(zh: "已处置", en: "handled")
        case .verified: LocalizedText(zh: "已核查", en: "verified")
        case .closed: LocalizedText(zh: "已结案", en: "closed")
        case .archived: LocalizedText(zh: "已归档", en: "archived")
        }
    }

    /// Not yet closed, rejected or archived: someone still has to act.
    public var isOpen: Bool {
        switch self {
        case .rejected, .closed, .archived: false
        default: true
        }
    }

    /// Accepted and not yet handled: the handling deadline is the stage's deadline (办理阶段).
    public var isHandlingStage: Bool {
        switch self {
        case .accepted, .dispatched, .inProgress, .returned: true
        default: false
        }
    }
}
