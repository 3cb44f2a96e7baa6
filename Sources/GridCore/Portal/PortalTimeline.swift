import Foundation

/// One step of a report's timeline as a resident may see it (公开办理过程): when, what happened in
/// plain words, and the note only where the note is the answer to the resident (the reason for
/// not taking it up, the handling result, the closing note). Never who acted.
public struct PortalStep: Sendable, Equatable, Codable {
    public var at: Date
    public var action: String
    public var label: LocalizedText
    public var note: String?

    public init(at: Date, action: String, label: LocalizedText, note: String?) {
        self.at = at
        self.action = action
        self.label = label
        self.note = note
    }
}

/// Which timeline entries are public and how they read.
public enum PortalTimeline {
    /// The public steps of `entries`, oldest first. Internal steps (urging, supervision,
    /// extension and void requests, returns between offices, ratings) are left out.
    public static func publicSteps(_ entries: [TimelineEntry]) -> [PortalStep] {
        entries.sorted { $0.at < $1.at }.compactMap { entry in
            guard let label = label(entry) else { return nil }
            let note = noteIsPublic(entry.action) ? entry.note.flatMap { $0.isEmpty ? nil : $0 } : nil
            return PortalStep(at: entry.at, action: entry.action.rawValue, label: label, note: note)
        }
    }

    /// What the outcome box says: the latest handling result, else the reason it was not taken
    /// up, else the closing note.
    public static func outcome(_ entries: [TimelineEntry]) -> String? {
        let ordered = entries.sorted { $0.at < $1.at }
        for action in [EventAction.Name.handle, .reject, .close] {
            if let note = ordered.last(where: { $0.action == action && !($0.note ?? "").isEmpty })?.note { return note }
        }
        return nil
    }

    static func noteIsPublic(_ action: EventAction.Name) -> Bool {
        [.reject, .handle, .close].contains(action)
    }

    static func label(_ entry: TimelineEntry) -> LocalizedText? {
        switch entry.action {
        case .report: LocalizedText(zh: "您反映的问题已提交", en: "You reported the problem")
        case .accept: LocalizedText(zh: "社区已受理", en: "The community accepted it")
        case .reject: LocalizedText(zh: "未予受理", en: "Not taken up")
        case .dispatch: LocalizedText(zh: "已交办处置单位", en: "Sent to the unit that handles it")
        case .escalate: LocalizedText(zh: "已提交上级统筹处理", en: "Passed up for handling")
        case .take: LocalizedText(zh: "处置单位已接手", en: "The handling unit took it")
        case .handle: LocalizedText(zh: "处置单位反馈了处理结果", en: "The handling unit reported the result")
        case .verify:
            entry.to == .verified
                ? LocalizedText(zh: "社区已核查处理结果", en: "The community checked the result")
                : LocalizedText(zh: "核查未通过，重新处理", en: "The check failed; handled again")
        case .close: LocalizedText(zh: "已办结", en: "Closed")
        case .reopen: LocalizedText(zh: "重新办理", en: "Reopened")
        case .approveVoid: LocalizedText(zh: "经审核不予办理", en: "Voided after review")
        case .merge: LocalizedText(zh: "已与同一问题的其他反映合并办理", en: "Merged with another report of the same problem")
        case .archive: LocalizedText(zh: "已归档", en: "Archived")
        default: nil
        }
    }
}
