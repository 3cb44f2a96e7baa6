import Foundation

/// `GET /api/v1/assessments/runs/{id}/trace?subject=&item=`: what is behind one item of one
/// subject's score — the events, patrols or visits that add to its numerator and denominator,
/// with what each adds, re-derived now by the code that fills the indicator tables.
public struct AssessmentTraceDTO: Codable, Sendable, Equatable {
    /// Counts of a numerator and its denominator (nil for counts and amounts).
    public struct Parts: Codable, Sendable, Equatable {
        public var numerator: Int
        public var denominator: Int?

        public init(numerator: Int, denominator: Int?) {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// One event, patrol or visit and what it adds.
    public struct Row: Codable, Sendable, Equatable {
        /// "event", "patrol" or "visit".
        public var kind: String
        public var id: UUID
        /// The event's number; the patrol's or visit's worker.
        public var label: String
        /// The event type's code and name; the grid's code for patrols and visits.
        public var typeCode: String?
        public var typeName: String?
        /// The event's state label; empty for patrols and visits.
        public var state: String
        /// Reported, started or visited.
        public var at: Date
        /// The handling deadline, or the patrol's end.
        public var until: Date?
        public var numerator: Int
        public var denominator: Int?

        enum CodingKeys: String, CodingKey {
            case kind, id, label, state, at, until, numerator, denominator
            case typeCode = "type_code"
            case typeName = "type_name"
        }

        public init(
            kind: String, id: UUID, label: String, typeCode: String?, typeName: String?, state: String, at: Date, until: Date?,
            numerator: Int, denominator: Int?
        ) {
            (self.kind, self.id, self.label, self.typeCode, self.typeName, self.state) = (kind, id, label, typeCode, typeName, state)
            (self.at, self.until, self.numerator, self.denominator) = (at, until, numerator, denominator)
        }
    }

    public var runID: UUID
    public var subject: String
    public var subjectName: String
    public var item: String
    public var itemName: String
    public var definition: String
    public var period: String
    /// "events", "patrols", "visits" or "register" (`IndicatorTrace.Source`) for the numerator…
    public var source: String
    /// …and for the denominator, when there is one.
    public var denominatorSource: String?
    /// What the run recorded (frozen when published)…
    public var recorded: Parts
    /// …and what everything traced adds up to now (with the register's part of a denominator).
    public var traced: Parts
    public var page: Int
    public var per: Int
    /// Rows that add something, over all pages.
    public var total: Int
    public var rows: [Row]

    enum CodingKeys: String, CodingKey {
        case subject, item, definition, period, source, recorded, traced, page, per, total, rows
        case runID = "run_id"
        case subjectName = "subject_name"
        case itemName = "item_name"
        case denominatorSource = "denominator_source"
    }

    public init(
        runID: UUID, subject: String, subjectName: String, item: String, itemName: String, definition: String, period: String,
        source: String, denominatorSource: String?, recorded: Parts, traced: Parts, page: Int, per: Int, total: Int, rows: [Row]
    ) {
        (self.runID, self.subject, self.subjectName, self.item, self.itemName) = (runID, subject, subjectName, item, itemName)
        (self.definition, self.period, self.source, self.denominatorSource) = (definition, period, source, denominatorSource)
        (self.recorded, self.traced, self.page, self.per, self.total, self.rows) = (recorded, traced, page, per, total, rows)
    }
}
