import FluentKit
import Foundation
import GridCore
import SQLKit

/// Assessment schemes and runs. A run is kept per scheme, unit and period: re-running a draft
/// replaces it; a published run is frozen (its scheme and results are stored with it, so a later
/// change to the scheme never rewrites what pay was based on).
public enum AssessmentStore {
    static let schemes = "assessment_schemes"
    static let runs = "assessment_runs"

    /// The default schemes' fixed ids.
    public static let defaultWorkerID = UUID(uuid: (0x6a, 0x55, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 1))
    public static let defaults = [
        AssessmentScheme.defaultWorker(id: defaultWorkerID),
        AssessmentScheme.defaultCommunity(id: UUID(uuid: (0x6a, 0x55, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 2))),
        AssessmentScheme.defaultDepartment(id: UUID(uuid: (0x6a, 0x55, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 3))),
    ]

    /// A stored run.
    public struct StoredRun: Sendable {
        public var id: UUID
        public var schemeID: UUID
        public var unitPath: UnitPath
        public var period: String
        public var published: Bool
        public var scheme: AssessmentScheme
        public var bonuses: [AssessmentRun.Bonus]
        public var results: [AssessmentRun.Result]
        public var computedAt: Date
        public var publishedAt: Date?
        public var publishedBy: String?

        public init(
            id: UUID, schemeID: UUID, unitPath: UnitPath, period: String, published: Bool, scheme: AssessmentScheme,
            bonuses: [AssessmentRun.Bonus], results: [AssessmentRun.Result], computedAt: Date, publishedAt: Date?, publishedBy: String?
        ) {
            self.id = id
            self.schemeID = schemeID
            self.unitPath = unitPath
            self.period = period
            self.published = published
            self.scheme = scheme
            self.bonuses = bonuses
            self.results = results
            self.computedAt = computedAt
            self.publishedAt = publishedAt
            self.publishedBy = publishedBy
        }
    }

    /// Creates or replaces a scheme.
    public static func save(_ scheme: AssessmentScheme, on db: any Database, now: Date) async throws {
        let sql = try db.sql
        try await sql.raw("""
            INSERT INTO \(ident: schemes) (id, name, subject, definition, updated_at)
            VALUES (\(bind: scheme.id), \(bind: scheme.name), \(bind: scheme.subject.rawValue), \(bind: try StoreJSON.text(scheme)), \(bind: now))
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, subject = excluded.subject, definition = excluded.definition,
              updated_at = excluded.updated_at
            """).run()
    }

    public static func schemeList(on db: any Database) async throws -> [AssessmentScheme] {
        try await (try db.sql).raw("SELECT definition FROM \(ident: schemes) ORDER BY name").all().map {
            try StoreJSON.decode(AssessmentScheme.self, from: try $0.decode(column: "definition", as: String.self))
        }
    }

    public static func scheme(_ id: UUID, on db: any Database) async throws -> AssessmentScheme? {
        try await (try db.sql).raw("SELECT definition FROM \(ident: schemes) WHERE id = \(bind: id)").first().map {
            try StoreJSON.decode(AssessmentScheme.self, from: try $0.decode(column: "definition", as: String.self))
        }
    }

    public static func run(scheme: UUID, unit: UnitPath, period: String, on db: any Database) async throws -> StoredRun? {
        try await (try db.sql).raw("""
            SELECT * FROM \(ident: runs) WHERE scheme_id = \(bind: scheme) AND unit_path = \(bind: unit.rawValue) AND period = \(bind: period)
            """).first().map(decode)
    }

    public static func run(_ id: UUID, on db: any Database) async throws -> StoredRun? {
        try await (try db.sql).raw("SELECT * FROM \(ident: runs) WHERE id = \(bind: id)").first().map(decode)
    }

    /// The runs at or below `path`, newest first.
    public static func runs(under path: UnitPath, limit: Int = 50, on db: any Database) async throws -> [StoredRun] {
        try await (try db.sql).raw("""
            SELECT * FROM \(ident: runs) WHERE unit_path >= \(bind: path.rawValue) AND unit_path < \(bind: path.subtreeUpperBound)
            ORDER BY computed_at DESC LIMIT \(unsafeRaw: String(limit))
            """).all().map(decode)
    }

    /// Writes a draft run, replacing the draft of the same scheme, unit and period; false when
    /// that run is already published (frozen).
    public static func saveDraft(_ run: StoredRun, on db: any Database) async throws -> Bool {
        let row = try await (try db.sql).raw("""
            INSERT INTO \(ident: runs) (id, scheme_id, unit_path, period, state, scheme, bonuses, results, computed_at)
            VALUES (\(bind: run.id), \(bind: run.schemeID), \(bind: run.unitPath.rawValue), \(bind: run.period), 'draft',
              \(bind: try StoreJSON.text(run.scheme)), \(bind: try StoreJSON.text(run.bonuses)), \(bind: try StoreJSON.text(run.results)),
              \(bind: run.computedAt))
            ON CONFLICT (scheme_id, unit_path, period) DO UPDATE SET scheme = excluded.scheme, bonuses = excluded.bonuses,
              results = excluded.results, computed_at = excluded.computed_at
            WHERE \(ident: runs).state = 'draft'
            RETURNING id
            """).first()
        return row != nil
    }

    /// Publishes (freezes) a draft; false when it was not a draft.
    public static func publish(_ id: UUID, by name: String, on db: any Database, now: Date) async throws -> Bool {
        try await (try db.sql).raw("""
            UPDATE \(ident: runs) SET state = 'published', published_at = \(bind: now), published_by = \(bind: name)
            WHERE id = \(bind: id) AND state = 'draft' RETURNING id
            """).first() != nil
    }

    static func decode(_ row: any SQLRow) throws -> StoredRun {
        let rawPath = try row.decode(column: "unit_path", as: String.self)
        guard let path = UnitPath(rawValue: rawPath) else { throw StoreError.corruptRow(table: runs, id: rawPath) }
        return StoredRun(
            id: try row.decode(column: "id", as: UUID.self), schemeID: try row.decode(column: "scheme_id", as: UUID.self), unitPath: path,
            period: try row.decode(column: "period", as: String.self), published: try row.decode(column: "state", as: String.self) == "published",
            scheme: try StoreJSON.decode(AssessmentScheme.self, from: try row.decode(column: "scheme", as: String.self)),
            bonuses: try StoreJSON.decode([AssessmentRun.Bonus].self, from: try row.decode(column: "bonuses", as: String.self)),
            results: try StoreJSON.decode([AssessmentRun.Result].self, from: try row.decode(column: "results", as: String.self)),
            computedAt: try row.decode(column: "computed_at", as: Date.self), publishedAt: try row.decode(column: "published_at", as: Date?.self),
            publishedBy: try row.decode(column: "published_by", as: String?.self))
    }
}
