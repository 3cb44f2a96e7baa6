import Foundation

/// `GET /api/v1/assessments/schemes`.
public struct AssessmentSchemeListDTO: Codable, Sendable, Equatable {
    public var items: [AssessmentScheme]

    public init(items: [AssessmentScheme]) {
        self.items = items
    }
}

/// `POST /api/v1/assessments/runs`: score a scheme for a unit and a period (a draft until published).
public struct AssessmentRunRequestDTO: Codable, Sendable, Equatable {
    public var schemeID: UUID
    /// Unit id or code; the caller's unit when absent.
    public var unit: String?
    /// A `StatPeriod`: 2026-11, 2026-Q4, 2026…
    public var period: String
    public var bonuses: [AssessmentRun.Bonus]?

    enum CodingKeys: String, CodingKey {
        case unit, period, bonuses
        case schemeID = "scheme_id"
    }

    public init(schemeID: UUID, unit: String? = nil, period: String, bonuses: [AssessmentRun.Bonus]? = nil) {
        self.schemeID = schemeID
        self.unit = unit
        self.period = period
        self.bonuses = bonuses
    }
}

/// A scored run: each subject's rank, total, grade and the points of every item with the
/// numerator and denominator behind them.
public struct AssessmentRunDTO: Codable, Sendable, Equatable {
    /// Nil for a report computed on the spot and not kept (the ten best workers).
    public var id: UUID?
    public var schemeID: UUID
    public var schemeName: String
    public var subject: String
    public var unitPath: String
    public var period: String
    /// "draft", "published" or "live".
    public var state: String
    public var computedAt: Date
    public var publishedAt: Date?
    public var items: [AssessmentScheme.Item]
    public var results: [AssessmentRun.Result]

    enum CodingKeys: String, CodingKey {
        case id, subject, period, state, items, results
        case schemeID = "scheme_id"
        case schemeName = "scheme_name"
        case unitPath = "unit_path"
        case computedAt = "computed_at"
        case publishedAt = "published_at"
    }

    public init(
        id: UUID?, schemeID: UUID, schemeName: String, subject: String, unitPath: String, period: String, state: String,
        computedAt: Date, publishedAt: Date?, items: [AssessmentScheme.Item], results: [AssessmentRun.Result]
    ) {
        self.id = id
        self.schemeID = schemeID
        self.schemeName = schemeName
        self.subject = subject
        self.unitPath = unitPath
        self.period = period
        self.state = state
        self.computedAt = computedAt
        self.publishedAt = publishedAt
        self.items = items
        self.results = results
    }
}
