import Foundation

/// `GET /api/v1/stats/indicators`: the indicators of a unit for a period (考核指标), with every
/// numerator and denominator given apart, for the unit as a whole and for each row of the
/// breakdown asked for. The dashboard, the rankings and the CSV export read the same figures.
public struct IndicatorReportDTO: Codable, Sendable, Equatable {
    /// One indicator's meaning.
    public struct Definition: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var definition: String
        /// "count", "rate" (a fraction, 0–1) or "mean".
        public var kind: String
        /// The measure counted or divided.
        public var numerator: String
        /// The measure divided by; nil for counts.
        public var denominator: String?
        /// The unit of a mean ("小时", "星").
        public var unit: String?

        public init(id: String, name: String, definition: String, kind: String, numerator: String, denominator: String?, unit: String?) {
            self.id = id
            self.name = name
            self.definition = definition
            self.kind = kind
            self.numerator = numerator
            self.denominator = denominator
            self.unit = unit
        }
    }

    /// The figures of the unit, or of one row of the breakdown.
    public struct Row: Codable, Sendable, Equatable {
        /// The unit's code, the type's code, the period, the worker's id or the department's code.
        public var key: String
        public var name: String
        /// Every measure's count (the parts every rate is made of).
        public var measures: [String: Int]
        /// Each indicator's value; null when its denominator is zero.
        public var values: [String: Double?]

        public init(key: String, name: String, measures: [String: Int], values: [String: Double?]) {
            self.key = key
            self.name = name
            self.measures = measures
            self.values = values
        }
    }

    public var unitCode: String
    public var unitName: String
    /// The period as asked, e.g. "2026-11", and its first and last days.
    public var period: String
    public var from: String
    public var through: String
    public var type: String?
    /// "none", "unit", "type", "period", "worker" or "department".
    public var by: String
    public var indicators: [Definition]
    public var total: Row
    public var rows: [Row]
    /// Open events past their current stage's deadline now (超期未办), whenever reported: a
    /// figure of the moment, not of the period.
    public var overdueNow: Int

    enum CodingKeys: String, CodingKey {
        case period, from, through, type, by, indicators, total, rows
        case unitCode = "unit_code"
        case unitName = "unit_name"
        case overdueNow = "overdue_now"
    }

    public init(
        unitCode: String, unitName: String, period: String, from: String, through: String, type: String?, by: String,
        indicators: [Definition], total: Row, rows: [Row], overdueNow: Int
    ) {
        self.unitCode = unitCode
        self.unitName = unitName
        self.period = period
        self.from = from
        self.through = through
        self.type = type
        self.by = by
        self.indicators = indicators
        self.total = total
        self.rows = rows
        self.overdueNow = overdueNow
    }
}
