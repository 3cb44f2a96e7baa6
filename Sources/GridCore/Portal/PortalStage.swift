import Foundation

/// Where a resident's report stands (办理进度), in the plain words the portal shows a resident
/// rather than the state machine's terms: received, accepted, being handled, handled and
/// awaiting the check, done, or not taken up.
public enum PortalStage: String, Sendable, CaseIterable, Codable {
    /// 已收到: waiting for the community to take it up.
    case received
    /// 已受理: accepted, being arranged or sent to the unit that will handle it.
    case accepted
    /// 正在处理: the handling unit has taken it.
    case handling
    /// 已处理: the unit reports it handled; the community checks the result.
    case handled
    /// 已办结: checked and closed.
    case done
    /// 未予受理: rejected, voided or merged into another report of the same problem.
    case notTakenUp = "not_taken_up"

    /// The stage of an event, from its state and outcome.
    public static func of(_ event: EventSnapshot) -> PortalStage {
        switch event.outcome {
        case .voided?, .rejected?, .merged?: return .notTakenUp
        case .resolved?, nil: break
        }
        switch event.state {
        case .reported: return .received
        case .accepted, .dispatched, .returned: return .accepted
        case .inProgress: return .handling
        case .handled: return .handled
        case .verified, .closed, .archived: return .done
        case .rejected: return .notTakenUp
        }
    }

    public var label: LocalizedText {
        switch self {
        case .received: LocalizedText(zh: "已收到，等待社区受理", en: "Received, waiting for the community")
        case .accepted: LocalizedText(zh: "已受理，正在安排处理", en: "Accepted, being arranged")
        case .handling: LocalizedText(zh: "正在处理", en: "Being handled")
        case .handled: LocalizedText(zh: "已处理，等待社区核查", en: "Handled, the community is checking the result")
        case .done: LocalizedText(zh: "已办结", en: "Done")
        case .notTakenUp: LocalizedText(zh: "未予受理", en: "Not taken up")
        }
    }

    /// The step number on the progress bar (1–4); a report not taken up stops at 1.
    public var step: Int {
        switch self {
        case .received, .notTakenUp: 1
        case .accepted: 2
        case .handling, .handled: 3
        case .done: 4
        }
    }
}
