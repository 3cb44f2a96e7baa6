/// Why `EventMachine` refused an action, in both languages. The API maps the cases to HTTP
/// statuses: `illegalInState` and `conflict` 409 (with the current event), `notPermitted` 403,
/// `outOfScope` 403 (the event is visible, it is just not this user's business), `missingReason` and
/// `invalidInput` 422 with the field.
///
/// The checks run in this order, so the answer is stable: the actor's roles may ever take the
/// action (`notPermitted`), the state allows it (`illegalInState`), no side flow is in the way
/// (`conflict`), the actor may act on this event in one of their roles (`outOfScope`,
/// `notPermitted`, `conflict`), then the inputs (`missingReason`, `invalidInput`).
public enum EventRefusal: UserFacingError, Hashable {
    case illegalInState(EventAction.Name, EventState)
    /// The role is nil for a user without any role.
    case notPermitted(EventAction.Name, Role?)
    case outOfScope
    /// A required text (reason, note, feedback) is empty; `field` is its input name.
    case missingReason(field: String)
    case invalidInput(field: String, reason: LocalizedText)
    case conflict(EventAction.Name, EventConflict)

    public var field: String? {
        switch self {
        case .missingReason(let field), .invalidInput(let field, _): field
        default: nil
        }
    }

    public var reason: LocalizedText {
        switch self {
        case .illegalInState(let action, let state):
            LocalizedText(
                zh: "当前状态“\(state.label.zhHans)”不能执行“\(action.label.zhHans)”",
                en: "cannot \(action.label.en) an event that is \(state.label.en)")
        case .notPermitted(let action, let role):
            LocalizedText(
                zh: "\(role.map { "角色“\($0.label.zhHans)”" } ?? "未分配角色的用户")无权执行“\(action.label.zhHans)”",
                en: "\(role.map { "the role \($0.label.en)" } ?? "a user without a role") may not \(action.label.en) this event")
        case .outOfScope:
            LocalizedText(zh: "该事件不在您的管辖或承办范围内", en: "this event is outside your unit's responsibility")
        case .missingReason(let field):
            LocalizedText(zh: "请填写\(EventRefusal.fieldLabel(field).zhHans)", en: "\(EventRefusal.fieldLabel(field).en) is required")
        case .invalidInput(_, let reason):
            reason
        case .conflict(let action, let conflict):
            LocalizedText(
                zh: "不能执行“\(action.label.zhHans)”：\(conflict.reason.zhHans)",
                en: "cannot \(action.label.en): \(conflict.reason.en)")
        }
    }

    /// The name of a required text input.
    static func fieldLabel(_ field: String) -> LocalizedText {
        switch field {
        case "reason": LocalizedText(zh: "理由", en: "a reason")
        case "note": LocalizedText(zh: "说明", en: "a note")
        case "feedback": LocalizedText(zh: "处置反馈", en: "the handling feedback")
        case "description": LocalizedText(zh: "事件描述", en: "a description")
        default: LocalizedText(zh: "“\(field)”", en: field)
        }
    }
}
