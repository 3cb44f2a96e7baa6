import Foundation

/// A risk of the register as the API shows it (`GET /api/v1/risks/{id}`). The id is the event's.
public struct RiskDTO: Codable, Sendable, Equatable {
    public struct Fact: Codable, Sendable, Equatable {
        public var code: String
        public var count: Int?
        public var likelihood: Int
        public var severity: Int
        public var label: String

        public init(code: String, count: Int?, likelihood: Int, severity: Int, label: String) {
            self.code = code
            self.count = count
            self.likelihood = likelihood
            self.severity = severity
            self.label = label
        }
    }

    public var id: UUID
    public var eventNumber: String
    public var type: String
    public var kind: String
    public var kindLabel: String
    public var category: String
    public var gridPath: String
    public var likelihood: Int
    public var severity: Int
    public var score: Int
    public var level: String
    public var levelLabel: String
    public var facts: [Fact]
    public var adjustments: [RiskAdjustment]
    public var measures: String?
    public var responsibleUnit: String?
    public var responsibleUnitName: String?
    public var responsiblePerson: String?
    public var plan: String?
    public var state: String
    public var reportedAt: Date
    public var warnedAt: Date?
    public var updatedAt: Date

    public init(
        id: UUID, eventNumber: String, type: String, kind: String, kindLabel: String, category: String, gridPath: String,
        likelihood: Int, severity: Int, score: Int, level: String, levelLabel: String, facts: [Fact], adjustments: [RiskAdjustment],
        measures: String?, responsibleUnit: String?, responsibleUnitName: String?, responsiblePerson: String?, plan: String?,
        state: String, reportedAt: Date, warnedAt: Date?, updatedAt: Date
    ) {
        self.id = id
        self.eventNumber = eventNumber
        self.type = type
        self.kind = kind
        self.kindLabel = kindLabel
        self.category = category
        self.gridPath = gridPath
        self.likelihood = likelihood
        self.severity = severity
        self.score = score
        self.level = level
        self.levelLabel = levelLabel
        self.facts = facts
        self.adjustments = adjustments
        self.measures = measures
        self.responsibleUnit = responsibleUnit
        self.responsibleUnitName = responsibleUnitName
        self.responsiblePerson = responsiblePerson
        self.plan = plan
        self.state = state
        self.reportedAt = reportedAt
        self.warnedAt = warnedAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, type, kind, category, likelihood, severity, score, level, facts, adjustments, measures, plan, state
        case eventNumber = "event_number"
        case kindLabel = "kind_label"
        case gridPath = "grid_path"
        case levelLabel = "level_label"
        case responsibleUnit = "responsible_unit"
        case responsibleUnitName = "responsible_unit_name"
        case responsiblePerson = "responsible_person"
        case reportedAt = "reported_at"
        case warnedAt = "warned_at"
        case updatedAt = "updated_at"
    }
}

/// `POST /api/v1/risks/{id}/adjust`: new likelihood and severity with the reason (required).
public struct AdjustRiskRequestDTO: Codable, Sendable, Equatable {
    public var likelihood: Int?
    public var severity: Int?
    public var reason: String?

    public init(likelihood: Int?, severity: Int?, reason: String?) {
        self.likelihood = likelihood
        self.severity = severity
        self.reason = reason
    }
}

/// `POST /api/v1/risks/{id}/measures`: control measures, the responsible unit (id or code) and
/// person, and the response plan (required for a major risk).
public struct RiskMeasuresRequestDTO: Codable, Sendable, Equatable {
    public var measures: String?
    public var responsibleUnit: String?
    public var responsiblePerson: String?
    public var plan: String?

    public init(measures: String?, responsibleUnit: String?, responsiblePerson: String?, plan: String? = nil) {
        self.measures = measures
        self.responsibleUnit = responsibleUnit
        self.responsiblePerson = responsiblePerson
        self.plan = plan
    }

    enum CodingKeys: String, CodingKey {
        case measures, plan
        case responsibleUnit = "responsible_unit"
        case responsiblePerson = "responsible_person"
    }
}
