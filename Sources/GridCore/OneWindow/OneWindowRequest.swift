import Foundation

/// Where a desk request stands (一窗式受理办理状态).
public enum OneWindowState: String, Sendable, Codable, CaseIterable {
    /// 已登记: taken at the front desk.
    case registered
    /// 后台办理中: handed to the back office, running against its deadline.
    case inBackOffice = "in_back_office"
    /// 已办结
    case completed
    /// 不予办理, with the reason.
    case rejected

    public var label: LocalizedText {
        switch self {
        case .registered: LocalizedText(zh: "已登记，等待转后台", en: "Registered at the desk")
        case .inBackOffice: LocalizedText(zh: "后台办理中", en: "With the back office")
        case .completed: LocalizedText(zh: "已办结", en: "Completed")
        case .rejected: LocalizedText(zh: "不予办理", en: "Declined")
        }
    }

    public var isOpen: Bool { self == .registered || self == .inBackOffice }
}

/// A resident's request at the one-window desk (一窗式受理件): the service, the person (masked
/// here; sealed in the store), the front desk's note, and the back office's deadline and outcome.
public struct OneWindowRequest: Sendable, Equatable {
    public var id: UUID
    /// The ticket the resident keeps, `W` + day + serial (`W2612030001`).
    public var number: String
    /// The desk's unit (a community).
    public var unitPath: UnitPath
    public var serviceCode: String
    public var applicantMasked: String
    public var phoneMasked: String
    public var note: String
    public var state: OneWindowState
    public var registeredBy: String
    public var registeredAt: Date
    public var handedAt: Date?
    /// The last working day for completion, set at the hand-over.
    public var dueOn: CalendarDay?
    public var completedBy: String?
    public var completedAt: Date?
    /// The completion note or the reason for declining: what the resident reads.
    public var outcome: String?
    public var version: Int

    public init(
        id: UUID, number: String, unitPath: UnitPath, serviceCode: String, applicantMasked: String, phoneMasked: String, note: String,
        state: OneWindowState = .registered, registeredBy: String, registeredAt: Date, handedAt: Date? = nil, dueOn: CalendarDay? = nil,
        completedBy: String? = nil, completedAt: Date? = nil, outcome: String? = nil, version: Int = 1
    ) {
        self.id = id
        self.number = number
        self.unitPath = unitPath
        self.serviceCode = serviceCode
        self.applicantMasked = applicantMasked
        self.phoneMasked = phoneMasked
        self.note = note
        self.state = state
        self.registeredBy = registeredBy
        self.registeredAt = registeredAt
        self.handedAt = handedAt
        self.dueOn = dueOn
        self.completedBy = completedBy
        self.completedAt = completedAt
        self.outcome = outcome
        self.version = version
    }

    /// Overdue: still open after its deadline day.
    public func isOverdue(today: CalendarDay) -> Bool {
        guard state.isOpen, let dueOn else { return false }
        return today > dueOn
    }
}
