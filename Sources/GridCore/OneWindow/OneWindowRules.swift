import Foundation

/// What the desk and the back office do to a request.
public enum OneWindowAction: Sendable, Equatable {
    /// 转后台: the front desk hands it over; the deadline starts.
    case handOver
    /// 办结: the back office completes it, saying what was done.
    case complete(outcome: String)
    /// 不予办理: declined, with the reason the resident will read.
    case reject(reason: String)

    public var name: String {
        switch self {
        case .handOver: "hand_over"
        case .complete: "complete"
        case .reject: "reject"
        }
    }
}

/// A step that cannot be taken in the request's state (409).
public struct OneWindowRefusal: UserFacingError, Equatable {
    public let state: OneWindowState
    public let action: String

    public init(state: OneWindowState, action: String) {
        self.state = state
        self.action = action
    }

    public var reason: LocalizedText {
        LocalizedText(zh: "当前状态“\(state.label.zhHans)”不能执行该操作", en: "a request that is \(state.label.en.lowercased()) cannot be \(action)")
    }
}

/// What the front desk registers, checked.
public struct OneWindowDraft: Sendable, Equatable {
    public var item: OneWindowItem
    public var applicantName: String
    public var phone: MobileNumber
    public var note: String
}

/// The desk's rules (一窗式受理规则), pure: checking a registration, and each step's effect.
public enum OneWindowRules {
    public static let maximumNote = 500

    /// Checks what the front desk typed.
    /// - Throws: `ValidationFailures` naming `service`, `applicant_name`, `phone` or `note`.
    public static func draft(service: String, applicantName: String, phone: String, note: String) throws(ValidationFailures) -> OneWindowDraft {
        var failures: [ValidationFailure] = []
        let item = OneWindowCatalog.item(service.trimmingCharacters(in: .whitespaces))
        if item == nil { failures.append(ValidationFailure(field: "service", zh: "请从目录中选择服务事项", en: "choose a service from the catalogue")) }
        let name = applicantName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 50 {
            failures.append(ValidationFailure(field: "applicant_name", zh: "请填写申请人姓名（最多 50 字）", en: "give the applicant's name (at most 50 characters)"))
        }
        var mobile: MobileNumber?
        do { mobile = try MobileNumber(phone, field: "phone") } catch { failures.append(ValidationFailure(field: "phone", reason: error.reason)) }
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > maximumNote {
            failures.append(ValidationFailure(field: "note", zh: "备注最多 \(maximumNote) 字", en: "at most \(maximumNote) characters"))
        }
        guard failures.isEmpty, let item, let mobile else { throw ValidationFailures(failures) }
        return OneWindowDraft(item: item, applicantName: name, phone: mobile, note: text)
    }

    /// The request after `action` by `actor` at `now`; the hand-over sets the deadline
    /// `item.workingDays` working days after the hand-over day.
    public static func apply(
        _ action: OneWindowAction, to request: OneWindowRequest, by actor: String, now: Date, calendar: WorkingCalendar
    ) throws -> OneWindowRequest {
        var next = request
        next.version += 1
        switch action {
        case .handOver:
            guard request.state == .registered else { throw OneWindowRefusal(state: request.state, action: "handed over") }
            let days = OneWindowCatalog.item(request.serviceCode)?.workingDays ?? 5
            next.state = .inBackOffice
            next.handedAt = now
            next.dueOn = calendar.addingWorkingDays(days, to: calendar.day(of: now))
        case let .complete(outcome):
            guard request.state == .inBackOffice else { throw OneWindowRefusal(state: request.state, action: "completed") }
            let text = outcome.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, text.count <= maximumNote else {
                throw ValidationFailure(field: "outcome", zh: "请填写办理结果（最多 \(maximumNote) 字）", en: "say what was done (at most \(maximumNote) characters)")
            }
            next.state = .completed
            next.completedBy = actor
            next.completedAt = now
            next.outcome = text
        case let .reject(reason):
            guard request.state.isOpen else { throw OneWindowRefusal(state: request.state, action: "declined") }
            let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, text.count <= maximumNote else {
                throw ValidationFailure(field: "reason", zh: "请填写不予办理的理由", en: "give the reason for declining")
            }
            next.state = .rejected
            next.completedBy = actor
            next.completedAt = now
            next.outcome = text
        }
        return next
    }
}
