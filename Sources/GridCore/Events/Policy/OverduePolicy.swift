import Foundation

/// What the platform does on its own when a stage's deadline passes (超期自动处置策略).
/// Districts differ: Kuiyong sends stalled reports up a level ("超出…上报至新区网格中心"),
/// others only urge (催办) or put the event under supervision (督办). Each overdue deadline is
/// acted on once; a new deadline (after escalation, extension, rework) may be acted on again.
public struct OverduePolicy: Sendable, Hashable {
    /// The stages a deadline belongs to.
    public enum Stage: String, Sendable, Hashable, Codable, CaseIterable {
        /// 受理/派遣: reported, accepted or returned, waiting for the owner.
        case triage
        /// 处置: dispatched or in progress.
        case handling
        /// 核查: handled, waiting for verification.
        case verification
        /// 结案: verified, waiting to be closed.
        case closing

        /// The stage of an event in `state`; nil when no deadline runs.
        public init?(state: EventState) {
            switch state {
            case .reported, .accepted, .returned: self = .triage
            case .dispatched, .inProgress: self = .handling
            case .handled: self = .verification
            case .verified: self = .closing
            case .rejected, .closed, .archived: return nil
            }
        }

        public var states: [EventState] {
            EventState.allCases.filter { Stage(state: $0) == self }
        }

        public var label: LocalizedText {
            switch self {
            case .triage: LocalizedText(zh: "受理派遣", en: "triage and dispatch")
            case .handling: LocalizedText(zh: "处置", en: "handling")
            case .verification: LocalizedText(zh: "核查", en: "verification")
            case .closing: LocalizedText(zh: "结案", en: "closing")
            }
        }

        /// The responses that make sense at this stage: only waiting reports go up a level
        /// (the machine escalates before dispatch), later stages are urged or supervised.
        public var allowedResponses: [Response] {
            switch self {
            case .triage: [.escalate, .supervise, .urge, .none]
            case .handling: [.supervise, .urge, .none]
            case .verification, .closing: [.urge, .none]
            }
        }
    }

    /// The platform's response to an overdue stage.
    public enum Response: String, Sendable, Hashable, Codable, CaseIterable {
        /// 上报上级: one level up; the new owner gets a fresh triage deadline.
        case escalate
        /// 督办: marked supervised; owner and handler are told.
        case supervise
        /// 催办: counted; owner and handler are told.
        case urge
        /// Only shown as overdue (红灯) in lists and statistics.
        case none

        public var label: LocalizedText {
            switch self {
            case .escalate: LocalizedText(zh: "自动上报上级", en: "escalate one level")
            case .supervise: LocalizedText(zh: "自动督办", en: "put under supervision")
            case .urge: LocalizedText(zh: "自动催办", en: "urge")
            case .none: LocalizedText(zh: "仅标记超期", en: "flag as overdue only")
            }
        }
    }

    public private(set) var responses: [Stage: Response]

    /// The default: stalled reports go up a level, everything later is urged.
    public static let standard = OverduePolicy(uncheckedResponses: [
        .triage: .escalate, .handling: .urge, .verification: .urge, .closing: .urge,
    ])

    private init(uncheckedResponses: [Stage: Response]) {
        self.responses = uncheckedResponses
    }

    /// A policy from stage → response; stages left out keep the standard response. Every
    /// unknown stage, unknown response or response not allowed at its stage is reported, by field.
    public init(_ settings: [String: String]) throws(ValidationFailures) {
        var responses = Self.standard.responses
        var failures: [ValidationFailure] = []
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            guard let stage = Stage(rawValue: key) else {
                failures.append(ValidationFailure(
                    field: key, zh: "未知的环节，可用：\(Self.stageList)", en: "unknown stage; use one of \(Self.stageList)"))
                continue
            }
            let allowed = stage.allowedResponses
            guard let response = Response(rawValue: value), allowed.contains(response) else {
                let list = allowed.map(\.rawValue).joined(separator: ", ")
                failures.append(ValidationFailure(
                    field: key,
                    zh: "“\(value)”不适用于\(stage.label.zhHans)环节，可用：\(list)",
                    en: "“\(value)” is not a response for the \(stage.label.en) stage; use one of \(list)"))
                continue
            }
            responses[stage] = response
        }
        guard failures.isEmpty else { throw ValidationFailures(failures) }
        self.responses = responses
    }

    private static let stageList = Stage.allCases.map(\.rawValue).joined(separator: ", ")

    public func response(for stage: Stage) -> Response {
        responses[stage] ?? Self.standard.responses[stage] ?? .none
    }

    /// The states the sweep must look at: those whose stage has a response.
    public var sweptStates: [EventState] {
        Stage.allCases.filter { response(for: $0) != .none }.flatMap(\.states)
    }

    /// The action the platform takes on `event` once its current deadline has passed; nil
    /// when the policy only flags it or no deadline runs.
    public func action(for event: EventSnapshot) -> EventAction? {
        guard let stage = Stage(state: event.state) else { return nil }
        switch response(for: stage) {
        case .escalate: return .escalate(reason: "超过\(stage.label.zhHans)时限未处理，系统自动上报上级")
        case .supervise: return .supervise(note: "超过\(stage.label.zhHans)时限，系统自动督办")
        case .urge: return .urge(note: "已超过\(stage.label.zhHans)时限，系统自动催办")
        case .none: return nil
        }
    }

    /// The wire form: stage → response raw values.
    public var settings: [String: String] {
        Dictionary(uniqueKeysWithValues: Stage.allCases.map { ($0.rawValue, response(for: $0).rawValue) })
    }
}
