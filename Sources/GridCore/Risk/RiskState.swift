import Foundation

/// Where a risk stands in its unit's register (风险状态). It follows its event: closed when the
/// event is closed, rejected or archived; reopened with it.
public enum RiskState: String, Sendable, Codable, CaseIterable, Hashable {
    /// 待管控: assessed, no measures recorded yet.
    case open
    /// 管控中: measures (and for a major risk, a plan) recorded, the event still open.
    case controlled
    /// 已销号: the event ended.
    case closed

    public var label: LocalizedText {
        switch self {
        case .open: LocalizedText(zh: "待管控", en: "Open")
        case .controlled: LocalizedText(zh: "管控中", en: "Controlled")
        case .closed: LocalizedText(zh: "已销号", en: "Closed")
        }
    }

    /// The state of a risk whose event is in `eventState`, with or without measures recorded.
    public static func following(_ eventState: EventState, hasMeasures: Bool) -> RiskState {
        guard eventState.isOpen else { return .closed }
        return hasMeasures ? .controlled : .open
    }
}
