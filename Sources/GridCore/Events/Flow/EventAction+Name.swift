extension EventAction {
    /// The name of an action as stored in the timeline and used in the API path
    /// (`/events/{id}/actions/{rawValue}`). `report` and `rate` name timeline entries that are not
    /// `EventAction`s (the first entry, and the rating). Never rename a raw value.
    public enum Name: String, Sendable, Codable, CaseIterable, Hashable {
        case report
        case accept
        case reject
        case requestCheck = "request_check"
        case confirmCheck = "confirm_check"
        case dispatch
        case take
        case returnDispatch = "return"
        case handle
        case verify
        case close
        case reopen
        case escalate
        case urge
        case supervise
        case requestExtension = "request_extension"
        case approveExtension = "approve_extension"
        case denyExtension = "deny_extension"
        case requestVoid = "request_void"
        case approveVoid = "approve_void"
        case denyVoid = "deny_void"
        case requestPark = "request_park"
        case approvePark = "approve_park"
        case denyPark = "deny_park"
        case resume
        case merge
        case archive
        case rate

        public var label: LocalizedText {
            switch self {
            case .report: LocalizedText(zh: "上报", en: "report")
            case .accept: LocalizedText(zh: "立案", en: "accept")
            case .reject: LocalizedText(zh: "不予立案", en: "reject")
            case .requestCheck: LocalizedText(zh: "申请核实", en: "request a check")
            case .confirmCheck: LocalizedText(zh: "核实", en: "confirm the check")
            case .dispatch: LocalizedText(zh: "派遣", en: "dispatch")
            case .take: LocalizedText(zh: "接收", en: "take")
            case .returnDispatch: LocalizedText(zh: "退回", en: "return")
            case .handle: LocalizedText(zh: "处置反馈", en: "report handling")
            case .verify: LocalizedText(zh: "核查", en: "verify")
            case .close: LocalizedText(zh: "结案", en: "close")
            case .reopen: LocalizedText(zh: "重新办理", en: "reopen")
            case .escalate: LocalizedText(zh: "上报上级", en: "escalate")
            case .urge: LocalizedText(zh: "催办", en: "urge")
            case .supervise: LocalizedText(zh: "督办", en: "supervise")
            case .requestExtension: LocalizedText(zh: "申请延期", en: "request an extension")
            case .approveExtension: LocalizedText(zh: "批准延期", en: "approve the extension")
            case .denyExtension: LocalizedText(zh: "驳回延期", en: "deny the extension")
            case .requestVoid: LocalizedText(zh: "申请作废", en: "request voiding")
            case .approveVoid: LocalizedText(zh: "批准作废", en: "approve voiding")
            case .denyVoid: LocalizedText(zh: "驳回作废", en: "deny voiding")
            case .requestPark: LocalizedText(zh: "申请挂账", en: "request parking")
            case .approvePark: LocalizedText(zh: "批准挂账", en: "approve parking")
            case .denyPark: LocalizedText(zh: "驳回挂账", en: "deny parking")
            case .resume: LocalizedText(zh: "恢复", en: "resume")
            case .merge: LocalizedText(zh: "合并", en: "merge")
            case .archive: LocalizedText(zh: "归档", en: "archive")
            case .rate: LocalizedText(zh: "评价", en: "rate")
            }
        }
    }
}
