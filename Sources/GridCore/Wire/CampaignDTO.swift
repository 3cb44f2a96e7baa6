import Foundation

/// `POST /api/v1/campaigns`: a special rectification (专项整治). `id` is made by the client, so a
/// repeated submission returns the first campaign.
public struct CreateCampaignRequestDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var description: String?
    /// The lead department (牵头单位), id or code.
    public var leadUnit: String
    /// The territory, id or code; the caller's own unit when absent.
    public var scopeUnit: String?
    public var eventTypes: [String]?
    /// `YYYY-MM-DD`; today when absent.
    public var start: String?
    /// `YYYY-MM-DD`, the last day.
    public var due: String

    public init(
        id: UUID, name: String, description: String? = nil, leadUnit: String, scopeUnit: String? = nil, eventTypes: [String]? = nil,
        start: String? = nil, due: String
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.leadUnit = leadUnit
        self.scopeUnit = scopeUnit
        self.eventTypes = eventTypes
        self.start = start
        self.due = due
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, start, due
        case leadUnit = "lead_unit"
        case scopeUnit = "scope_unit"
        case eventTypes = "event_types"
    }
}

/// `POST /api/v1/campaigns/{id}/events`: events to bring under the campaign (all or none).
public struct CampaignMembersRequestDTO: Codable, Sendable, Equatable {
    public var events: [UUID]

    public init(events: [UUID]) {
        self.events = events
    }
}

/// `POST /api/v1/campaigns/{id}/close`: the lead's closing summary.
public struct CloseCampaignRequestDTO: Codable, Sendable, Equatable {
    public var note: String

    public init(note: String) {
        self.note = note
    }
}

/// Progress of a campaign: member events by where they stand, and the campaign against its due day.
public struct CampaignProgressDTO: Codable, Sendable, Equatable {
    public var total: Int
    public var resolved: Int
    public var awaitingVerification: Int
    public var inHand: Int
    public var overdue: Int
    public var byState: [String: Int]
    public var workingDaysLeft: Int
    public var status: String
    public var statusLabel: String
    /// Percent of member events finished, one decimal.
    public var resolvedPercent: Double

    public init(_ progress: CampaignProgress, language: Language) {
        total = progress.total
        resolved = progress.resolved
        awaitingVerification = progress.awaitingVerification
        inHand = progress.inHand
        overdue = progress.overdue
        byState = progress.byState
        workingDaysLeft = progress.workingDaysLeft
        status = progress.status.rawValue
        statusLabel = progress.status.label.text(in: language)
        resolvedPercent = (progress.resolvedShare * 1000).rounded() / 10
    }

    enum CodingKeys: String, CodingKey {
        case total, resolved, overdue, status
        case awaitingVerification = "awaiting_verification"
        case inHand = "in_hand"
        case byState = "by_state"
        case workingDaysLeft = "working_days_left"
        case statusLabel = "status_label"
        case resolvedPercent = "resolved_percent"
    }
}

/// A special rectification as the API shows it.
public struct CampaignDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var description: String
    public var lead: UnitSummaryDTO?
    public var scope: UnitSummaryDTO?
    public var eventTypes: [String]
    public var start: String
    public var due: String
    public var closedAt: Date?
    public var closingNote: String?
    public var createdBy: String
    public var createdAt: Date
    public var progress: CampaignProgressDTO

    public init(
        campaign: Campaign, lead: UnitSummaryDTO?, scope: UnitSummaryDTO?, createdBy: String, createdAt: Date, progress: CampaignProgressDTO
    ) {
        id = campaign.id
        name = campaign.name
        description = campaign.summary
        self.lead = lead
        self.scope = scope
        eventTypes = campaign.typeCodes
        start = campaign.startsOn.description
        due = campaign.dueOn.description
        closedAt = campaign.closedAt
        closingNote = campaign.closingNote
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.progress = progress
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, lead, scope, start, due, progress
        case eventTypes = "event_types"
        case closedAt = "closed_at"
        case closingNote = "closing_note"
        case createdBy = "created_by"
        case createdAt = "created_at"
    }
}
