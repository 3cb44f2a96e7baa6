import Foundation
import GridCore

/// What the console's form for one action asks for. The inputs mirror what `EventService.act`
/// reads for that action, so a form never lacks a field the server requires.
enum EventActionInput: String, Encodable, Sendable {
    /// A button, nothing to fill in (take, approvals, archive).
    case plain
    /// An optional note (close, urge, supervise, resume, request a check).
    case note
    /// A required reason (reject, return, escalate, reopen, denials, void and park requests).
    case reason
    /// accept: the level decided at triage.
    case accept
    /// dispatch: the lead unit, with each unit's load, and a note.
    case dispatch
    /// handle: the feedback (required) and photos of the result.
    case handle
    /// verify: passed or rework, with a note (required on rework).
    case verify
    /// confirm_check: real or not.
    case confirm
    /// request_extension: working days and a reason.
    case `extension`
    /// merge: the ticket number of the event this one duplicates.
    case merge

    init(_ name: EventAction.Name) {
        switch name {
        case .take, .approveExtension, .approveVoid, .approvePark, .archive, .report, .rate: self = .plain
        case .requestCheck, .close, .urge, .supervise, .resume: self = .note
        case .reject, .returnDispatch, .escalate, .reopen, .denyExtension, .denyVoid, .denyPark, .requestVoid, .requestPark:
            self = .reason
        case .accept: self = .accept
        case .dispatch: self = .dispatch
        case .handle: self = .handle
        case .verify: self = .verify
        case .confirmCheck: self = .confirm
        case .requestExtension: self = .extension
        case .merge: self = .merge
        }
    }

    /// Actions that move the event on (shown first and highlighted); the rest are side flows.
    static func isMainStep(_ name: EventAction.Name) -> Bool {
        [.accept, .dispatch, .take, .handle, .verify, .close, .confirmCheck, .approveExtension, .approveVoid, .approvePark].contains(name)
    }
}
