import FluentKit
import Foundation
import GridCore
import SQLKit

/// Changing basic data: every change writes the new version over the old one only if nobody
/// changed it meanwhile (the version the editor saw), and keeps a history row (变更记录) — who,
/// when, which fields from what to what, sensitive values masked.
extension BasicDataStore {
    /// The record kinds that keep a history.
    public enum RecordType: String, Sendable {
        case person, room, organization
    }

    /// One change of one record, as the history keeps it.
    public struct HistoryEntry: Sendable, Equatable {
        public let recordType: RecordType
        public let recordID: UUID
        /// The version the change produced.
        public let version: Int
        public let changedAt: Date
        public let changedBy: String
        /// Why, in a few words (`edited`, `moved out`, `declaration ABCDE-FGHJK accepted`).
        public let summary: String
        /// Changed fields, sensitive values masked.
        public let changes: [FieldChange]
    }

    /// Writes `person` over version `expectedVersion`; false when the stored version differs.
    public static func update(
        person: Person, expectedVersion: Int, summary: String, diff: RecordDiff, by actor: String, at now: Date,
        keyRing: KeyRing, on db: any Database
    ) async throws -> Bool {
        try await update(
            try personRows([person], keyRing), .person, id: person.id, expectedVersion: expectedVersion,
            summary: summary, diff: diff, by: actor, at: now, on: db)
    }

    /// Writes `room` (in `building`) over version `expectedVersion`; false when the stored version differs.
    public static func update(
        room: Room, in building: Building, expectedVersion: Int, summary: String, diff: RecordDiff, by actor: String, at now: Date,
        keyRing: KeyRing, on db: any Database
    ) async throws -> Bool {
        try await update(
            try roomRows([room], buildings: [building.id: building], keyRing), .room, id: room.id, expectedVersion: expectedVersion,
            summary: summary, diff: diff, by: actor, at: now, on: db)
    }

    /// Writes `organization` over version `expectedVersion`; false when the stored version differs.
    public static func update(
        organization: Organization, expectedVersion: Int, summary: String, diff: RecordDiff, by actor: String, at now: Date,
        keyRing: KeyRing, on db: any Database
    ) async throws -> Bool {
        try await update(
            try organizationRows([organization], keyRing), .organization, id: organization.id, expectedVersion: expectedVersion,
            summary: summary, diff: diff, by: actor, at: now, on: db)
    }

    /// Records a new record's first version in the history (who created it, from what).
    public static func recordCreation(
        _ type: RecordType, id: UUID, summary: String, by actor: String, at now: Date, on db: any Database
    ) async throws {
        try await appendHistory(type, id: id, version: 1, summary: summary, changes: [], by: actor, at: now, on: db)
    }

    /// The history of one record, newest first.
    public static func history(of id: UUID, on db: any Database) async throws -> [HistoryEntry] {
        try await (try db.sql).raw("""
            SELECT * FROM record_history WHERE record_id = \(bind: id) ORDER BY version DESC, changed_at DESC
            """).all().map { row in
            let type = try row.decode(column: "record_type", as: String.self)
            guard let recordType = RecordType(rawValue: type) else { throw StoreError.corruptRow(table: "record_history", id: id.uuidString) }
            return HistoryEntry(
                recordType: recordType, recordID: id, version: try row.decode(column: "version", as: Int.self),
                changedAt: try row.decode(column: "changed_at", as: Date.self), changedBy: try row.decode(column: "changed_by", as: String.self),
                summary: try row.decode(column: "summary", as: String.self),
                changes: try StoreJSON.decode([FieldChange].self, from: try row.decode(column: "changes", as: String.self)))
        }
    }

    private static func update(
        _ set: RowSet, _ type: RecordType, id: UUID, expectedVersion: Int, summary: String, diff: RecordDiff, by actor: String,
        at now: Date, on db: any Database
    ) async throws -> Bool {
        guard let values = set.rows.first else { return false }
        let assignments = zip(set.columns, values).compactMap { column, value -> SQLQueryString? in
            column == "id" || column == "version" ? nil : "\(ident: column) = \(bind: value)"
        }
        let next = expectedVersion + 1
        let updated = try await (try db.sql).raw("""
            UPDATE \(ident: set.table) SET \(SQLList(assignments)), version = \(bind: next)
            WHERE id = \(bind: id) AND version = \(bind: expectedVersion)
            RETURNING id
            """).first()
        guard updated != nil else { return false }
        try await appendHistory(type, id: id, version: next, summary: summary, changes: diff.masked().changes, by: actor, at: now, on: db)
        return true
    }

    private static func appendHistory(
        _ type: RecordType, id: UUID, version: Int, summary: String, changes: [FieldChange], by actor: String, at now: Date,
        on db: any Database
    ) async throws {
        try await (try db.sql).raw("""
            INSERT INTO record_history (id, record_type, record_id, version, changed_at, changed_by, summary, changes)
            VALUES (\(bind: UUID()), \(bind: type.rawValue), \(bind: id), \(bind: version), \(bind: now), \(bind: actor),
                    \(bind: summary), \(bind: try StoreJSON.text(changes)))
            """).run()
    }
}
