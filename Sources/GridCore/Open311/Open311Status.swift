import Foundation

/// The two statuses of an Open311 service request (诉求状态): `open` while someone still has to
/// act on the event (上报、立案、派遣、处置、核查), `closed` once it is closed, refused or archived.
/// The fine-grained stage goes into `status_notes`.
public enum Open311Status: String, Sendable, CaseIterable, Hashable {
    case open
    case closed

    public init(_ state: EventState) {
        self = state.isOpen ? .open : .closed
    }

    /// The event states that map to this status (for filtering lists).
    public var states: [EventState] {
        EventState.allCases.filter { Open311Status($0) == self }
    }

    /// `status_notes`: the stage in words, with how a closed event ended and the last note a
    /// resident may read (the handler's feedback, a refusal's reason), e.g.
    /// "已结案（办结）：杂物已清理".
    public static func notes(state: EventState, outcome: EventOutcome?, lastNote: String?, in language: Language) -> String {
        var text = state.label.text(in: language)
        if let outcome, !state.isOpen {
            text += language == .zhHans ? "（\(outcome.label.zhHans)）" : " (\(outcome.label.en))"
        }
        if let note = lastNote?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty {
            text += (language == .zhHans ? "：" : ": ") + note
        }
        return text
    }
}
