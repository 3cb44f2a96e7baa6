/// The handling nature of an event (事件性质), Kuiyong's first classification: the community
/// "按服务类、管理类、执法类事件分拨". It decides who usually handles: services stay with the
/// community or a social department, management goes to the administrative owner, enforcement to
/// an enforcement body (综合执法, 市场监管, 公安…).
public enum EventClass: String, Sendable, Codable, CaseIterable, Hashable {
    /// 服务类: a resident needs help (困难帮扶, 政策咨询…).
    case service
    /// 管理类: something is out of order and an administration must put it right.
    case management
    /// 执法类: a rule was broken and an enforcement body must act.
    case enforcement

    public var label: LocalizedText {
        switch self {
        case .service: LocalizedText(zh: "服务类", en: "Service")
        case .management: LocalizedText(zh: "管理类", en: "Management")
        case .enforcement: LocalizedText(zh: "执法类", en: "Enforcement")
        }
    }

    /// Reads the class as an administrator types it: `服务类`, `服务`, or the raw value.
    public init?(label text: String) {
        let key = text.trimmingCharacters(in: .whitespaces)
        if let match = EventClass(rawValue: key.lowercased()) {
            self = match
            return
        }
        guard let match = EventClass.allCases.first(where: {
            $0.label.zhHans == key || String($0.label.zhHans.dropLast()) == key
        }) else { return nil }
        self = match
    }
}
