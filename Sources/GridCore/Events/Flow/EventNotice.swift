import Foundation

/// Someone to tell about a step (消息提醒). The machine says who and why; the server resolves a
/// unit and roles to users and delivers (app push, SMS, console badge). Answers the pain point
/// "reporters never heard back after escalation": the reporter hears of every step that concerns them.
public struct EventNotice: Sendable, Hashable, Codable {
    /// Who is told. Wire form: `{"user": "<uuid>"}` or `{"unit": "/510117/…/", "roles": ["street_operator"]}`.
    public enum Recipient: Sendable, Hashable, Codable {
        /// One person: the reporter, a requester.
        case user(UUID)
        /// The users holding one of `roles` at exactly the unit `path` (e.g. the lead department's handlers).
        case unit(UnitPath, roles: Set<Role>)

        private enum CodingKeys: String, CodingKey { case user, unit, roles }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let user = try container.decodeIfPresent(UUID.self, forKey: .user) {
                self = .user(user)
            } else {
                self = .unit(
                    try container.decode(UnitPath.self, forKey: .unit),
                    roles: try container.decode(Set<Role>.self, forKey: .roles))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .user(let id):
                try container.encode(id, forKey: .user)
            case .unit(let path, let roles):
                try container.encode(path, forKey: .unit)
                try container.encode(roles.sorted(), forKey: .roles)
            }
        }
    }

    /// What happened, from the recipient's side. Raw values are stable.
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        /// To the owner: a new report to triage.
        case reported
        case accepted
        case rejected
        /// To the grid: please confirm this report (核实).
        case checkRequested = "check_requested"
        /// To the reporter: sent to a handling unit.
        case dispatched
        /// To the lead unit: a new task (新派遣).
        case assigned
        /// To a co-handler (协办).
        case coAssigned = "co_assigned"
        /// To the dispatcher: the unit refused the dispatch.
        case returned
        /// To a reporter who does not verify: the handling is done.
        case handled
        /// To whoever verifies: please check the fix (核查).
        case verificationRequested = "verification_requested"
        /// To the handling unit: verification failed, do it again (返工).
        case rework
        /// To the owner: verified, ready to close.
        case verified
        case closed
        case reopened
        case escalated
        case urged
        case supervised
        case extensionRequested = "extension_requested"
        case extensionApproved = "extension_approved"
        case extensionDenied = "extension_denied"
        case voidRequested = "void_requested"
        case voidApproved = "void_approved"
        case voidDenied = "void_denied"
        case parkRequested = "park_requested"
        case parkApproved = "park_approved"
        case parkDenied = "park_denied"
        case resumed
        /// The event was closed as a duplicate of another.
        case merged
        /// To the district's leaders and centre: a major risk (重大风险预警), see `RiskAssessment`.
        case riskMajor = "risk.major"

        public var message: LocalizedText {
            switch self {
            case .reported: LocalizedText(zh: "有新上报的事件待受理", en: "A new report awaits triage")
            case .accepted: LocalizedText(zh: "您上报的事件已立案", en: "Your report was accepted")
            case .rejected: LocalizedText(zh: "您上报的事件不予立案", en: "Your report was not accepted")
            case .checkRequested: LocalizedText(zh: "请核实该事件是否属实", en: "Please check whether this report is real")
            case .dispatched: LocalizedText(zh: "您上报的事件已派遣至处置单位", en: "Your report was sent to a handling unit")
            case .assigned: LocalizedText(zh: "有新派遣的事件待接收", en: "A new event was dispatched to your unit")
            case .coAssigned: LocalizedText(zh: "有事件需要您单位协办", en: "Your unit is asked to help with an event")
            case .returned: LocalizedText(zh: "派遣的事件被退回", en: "A dispatched event was returned")
            case .handled: LocalizedText(zh: "您上报的事件已处置", en: "Your report was handled")
            case .verificationRequested: LocalizedText(zh: "事件已处置，请核查", en: "An event was handled; please verify")
            case .rework: LocalizedText(zh: "核查未通过，请重新处置", en: "Verification failed; please handle it again")
            case .verified: LocalizedText(zh: "事件核查通过，请结案", en: "An event was verified; please close it")
            case .closed: LocalizedText(zh: "您上报的事件已结案", en: "Your report was closed")
            case .reopened: LocalizedText(zh: "您上报的事件已重新办理", en: "Your report was reopened")
            case .escalated: LocalizedText(zh: "事件已上报上级处理", en: "An event was escalated")
            case .urged: LocalizedText(zh: "事件被催办，请尽快处理", en: "An event was urged; please act soon")
            case .supervised: LocalizedText(zh: "事件已列入督办", en: "An event is under supervision")
            case .extensionRequested: LocalizedText(zh: "有延期申请待审批", en: "An extension request awaits approval")
            case .extensionApproved: LocalizedText(zh: "延期申请已批准", en: "The extension was approved")
            case .extensionDenied: LocalizedText(zh: "延期申请被驳回", en: "The extension was denied")
            case .voidRequested: LocalizedText(zh: "有作废申请待审批", en: "A void request awaits approval")
            case .voidApproved: LocalizedText(zh: "事件已作废", en: "The event was voided")
            case .voidDenied: LocalizedText(zh: "作废申请被驳回", en: "The void request was denied")
            case .parkRequested: LocalizedText(zh: "有挂账申请待审批", en: "A park request awaits approval")
            case .parkApproved: LocalizedText(zh: "事件已挂账", en: "The event was parked")
            case .parkDenied: LocalizedText(zh: "挂账申请被驳回", en: "The park request was denied")
            case .resumed: LocalizedText(zh: "挂账事件已恢复办理", en: "A parked event was resumed")
            case .merged: LocalizedText(zh: "事件已合并到其他事件办理", en: "The event was merged into another")
            case .riskMajor: LocalizedText(zh: "重大风险预警：请立即研判并启动应急预案", en: "Major risk warning: assess it now and start the response plan")
            }
        }
    }

    public let eventID: UUID
    public let recipient: Recipient
    public let kind: Kind

    public init(eventID: UUID, recipient: Recipient, kind: Kind) {
        self.eventID = eventID
        self.recipient = recipient
        self.kind = kind
    }

    public var message: LocalizedText { kind.message }
}
