/// Where a self-declaration stands in the grid worker's review (审核状态).
public enum DeclarationState: String, BasicDataEnum {
    /// 待审核: waiting in the grid's review queue.
    case pending
    /// 已采纳: accepted; the change was applied to the registry.
    case accepted
    /// 已退回: rejected, with a reason the declarant can read.
    case rejected

    public var label: LocalizedText {
        switch self {
        case .pending: LocalizedText(zh: "待审核", en: "pending")
        case .accepted: LocalizedText(zh: "已采纳", en: "accepted")
        case .rejected: LocalizedText(zh: "已退回", en: "rejected")
        }
    }
}
