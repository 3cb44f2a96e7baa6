import FluentKit
import Foundation
import GridCore
import SQLKit

/// Self-declarations (自主申报): the whole declaration is kept sealed (it holds ID numbers and
/// phones); beside it, what the review queue filters on — state, grid, time — and masked or
/// hashed identifiers only.
public enum DeclarationStore {
    public struct Filter: Sendable {
        public var under: UnitPath
        public var state: DeclarationState?

        public init(under: UnitPath, state: DeclarationState? = nil) {
            self.under = under
            self.state = state
        }
    }

    public static func insert(_ declaration: Declaration, keyRing: KeyRing, on db: any Database) async throws {
        let content = declaration.content
        try await (try db.sql).raw("""
            INSERT INTO declarations (id, receipt, kind, state, grid_path, room_id, organization_id, person_id, declarant_name,
              declarant_phone_hash, person_name, id_hash, id_masked, content_sealed, submitted_at, submitted_by, version)
            VALUES (\(bind: declaration.id), \(bind: declaration.receipt), \(bind: declaration.kind.rawValue), \(bind: declaration.state.rawValue),
              \(bind: declaration.gridPath.rawValue), \(bind: declaration.roomID), \(bind: declaration.organizationID), \(bind: declaration.personID),
              \(bind: content.declarantName), \(bind: keyRing.searchHash(content.declarantPhone.value)), \(bind: content.personName),
              \(bind: keyRing.searchHash(content.idNumber)), \(bind: Masking.maskIDNumber(content.idNumber)),
              \(bind: try keyRing.seal(try StoreJSON.text(declaration))), \(bind: declaration.submittedAt), \(bind: declaration.submittedBy), 1)
            """).run()
    }

    /// Writes a reviewed declaration over version `expectedVersion`; false when someone reviewed it first.
    public static func update(_ declaration: Declaration, expectedVersion: Int, keyRing: KeyRing, on db: any Database) async throws -> Bool {
        try await (try db.sql).raw("""
            UPDATE declarations SET state = \(bind: declaration.state.rawValue), person_id = \(bind: declaration.personID),
              reviewed_at = \(bind: declaration.reviewedAt), reviewed_by = \(bind: declaration.reviewedBy),
              rejection_reason = \(bind: declaration.rejectionReason), content_sealed = \(bind: try keyRing.seal(try StoreJSON.text(declaration))),
              version = \(bind: expectedVersion + 1)
            WHERE id = \(bind: declaration.id) AND version = \(bind: expectedVersion)
            RETURNING id
            """).first() != nil
    }

    public static func find(_ id: UUID, keyRing: KeyRing, on db: any Database) async throws -> BasicDataRecords.Versioned<Declaration>? {
        try await (try db.sql).raw("SELECT content_sealed, version FROM declarations WHERE id = \(bind: id)").first()
            .map { try decode($0, keyRing) }
    }

    public static func find(receipt: String, keyRing: KeyRing, on db: any Database) async throws -> Declaration? {
        try await (try db.sql).raw("SELECT content_sealed, version FROM declarations WHERE receipt = \(bind: receipt)").first()
            .map { try decode($0, keyRing).record }
    }

    /// The queue: oldest first, so nobody waits behind later declarations.
    public static func list(_ filter: Filter, keyRing: KeyRing, page: Int, per: Int, on db: any Database) async throws -> (items: [Declaration], total: Int) {
        var conditions: [SQLQueryString] = [BasicDataRecords.subtree(filter.under)]
        if let state = filter.state { conditions.append("state = \(bind: state.rawValue)") }
        let whereClause = SQLList(conditions, separator: SQLRaw(" AND "))
        let sql = try db.sql
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM declarations WHERE \(whereClause)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw("""
            SELECT content_sealed, version FROM declarations WHERE \(whereClause)
            ORDER BY submitted_at, id LIMIT \(literal: per) OFFSET \(literal: (page - 1) * per)
            """).all()
        return (try rows.map { try decode($0, keyRing).record }, total)
    }

    private static func decode(_ row: any SQLRow, _ keyRing: KeyRing) throws -> BasicDataRecords.Versioned<Declaration> {
        let text = try keyRing.open(try row.decode(column: "content_sealed", as: String.self))
        return BasicDataRecords.Versioned(
            record: try StoreJSON.decode(Declaration.self, from: text), version: try row.decode(column: "version", as: Int.self))
    }
}
