import FluentKit
import Foundation
import GridCore
import SQLKit

/// A document the front desk photographed for a request (申请材料).
public struct OneWindowDocument: Sendable, Equatable {
    public let sha256: String
    public let kind: ImageKind
    public let size: Int

    public init(sha256: String, kind: ImageKind, size: Int) {
        self.sha256 = sha256
        self.kind = kind
        self.size = size
    }
}

/// One-window desk requests (`one_window_requests`, `one_window_documents`). The applicant's
/// name and phone are stored sealed, the phone also as a keyed hash for the resident's lookup.
public enum OneWindowStore {
    /// The next ticket of `day`: `W` + yyMMdd + a four-digit serial.
    public static func nextNumber(day: CalendarDay, on db: any Database) async throws -> String {
        let prefix = "W" + String(day.description.replacingOccurrences(of: "-", with: "").dropFirst(2))
        let row = try await (try db.sql).raw("""
            SELECT MAX(number) AS top FROM one_window_requests WHERE number >= \(bind: prefix + "0000") AND number <= \(bind: prefix + "9999")
            """).first()
        let top = try row?.decode(column: "top", as: String?.self) ?? nil
        let serial = (top.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0) + 1
        return prefix + String(format: "%04d", serial)
    }

    public static func insert(
        _ request: OneWindowRequest, applicantSealed: String, phoneHash: String, phoneSealed: String, on db: any Database
    ) async throws {
        try await (try db.sql).raw("""
            INSERT INTO one_window_requests (id, number, unit_path, service_code, applicant_sealed, applicant_masked, phone_hash, phone_sealed,
              phone_masked, note, state, registered_by, registered_at, version)
            VALUES (\(bind: request.id), \(bind: request.number), \(bind: request.unitPath.rawValue), \(bind: request.serviceCode),
              \(bind: applicantSealed), \(bind: request.applicantMasked), \(bind: phoneHash), \(bind: phoneSealed), \(bind: request.phoneMasked),
              \(bind: request.note), \(bind: request.state.rawValue), \(bind: request.registeredBy), \(bind: request.registeredAt), \(bind: request.version))
            """).run()
    }

    /// Saves `request` if the stored one is still at `fromVersion`; false when someone was first.
    public static func update(_ request: OneWindowRequest, fromVersion: Int, on db: any Database) async throws -> Bool {
        let rows = try await (try db.sql).raw("""
            UPDATE one_window_requests SET state = \(bind: request.state.rawValue), handed_at = \(bind: request.handedAt),
              due_on = \(bind: request.dueOn?.description), completed_by = \(bind: request.completedBy), completed_at = \(bind: request.completedAt),
              outcome = \(bind: request.outcome), version = \(bind: request.version)
            WHERE id = \(bind: request.id) AND version = \(bind: fromVersion) RETURNING id
            """).all()
        return !rows.isEmpty
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> OneWindowRequest? {
        try await (try db.sql).raw("SELECT * FROM one_window_requests WHERE id = \(bind: id)").first().map(decode)
    }

    /// The request with this ticket and the keyed hash of its phone.
    public static func find(number: String, on db: any Database) async throws -> (request: OneWindowRequest, phoneHash: String)? {
        guard let row = try await (try db.sql).raw("SELECT * FROM one_window_requests WHERE number = \(bind: number)").first() else { return nil }
        return (try decode(row), try row.decode(column: "phone_hash", as: String.self))
    }

    /// The requests of desks at or below `path`, newest first.
    public static func list(under path: UnitPath, limit: Int, on db: any Database) async throws -> [OneWindowRequest] {
        try await (try db.sql).raw("""
            SELECT * FROM one_window_requests WHERE unit_path >= \(bind: path.rawValue) AND unit_path < \(bind: path.subtreeUpperBound)
            ORDER BY registered_at DESC, number DESC LIMIT \(literal: limit)
            """).all().map(decode)
    }

    public static func addDocument(_ requestID: UUID, _ document: OneWindowDocument, on db: any Database, now: Date) async throws {
        try await (try db.sql).raw("""
            INSERT INTO one_window_documents (id, request_id, sha256, kind, size, created_at)
            VALUES (\(bind: UUID()), \(bind: requestID), \(bind: document.sha256), \(bind: document.kind.rawValue), \(bind: document.size), \(bind: now))
            """).run()
    }

    public static func documents(_ requestID: UUID, on db: any Database) async throws -> [OneWindowDocument] {
        try await (try db.sql).raw("SELECT sha256, kind, size FROM one_window_documents WHERE request_id = \(bind: requestID) ORDER BY created_at, sha256")
            .all().map { row in
                OneWindowDocument(
                    sha256: try row.decode(column: "sha256", as: String.self),
                    kind: ImageKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .jpeg,
                    size: try row.decode(column: "size", as: Int.self))
            }
    }

    static func decode(_ row: any SQLRow) throws -> OneWindowRequest {
        let id = try row.decode(column: "id", as: UUID.self)
        guard let path = UnitPath(rawValue: try row.decode(column: "unit_path", as: String.self)),
              let state = OneWindowState(rawValue: try row.decode(column: "state", as: String.self))
        else { throw StoreError.corruptRow(table: "one_window_requests", id: id.uuidString) }
        return OneWindowRequest(
            id: id, number: try row.decode(column: "number", as: String.self), unitPath: path,
            serviceCode: try row.decode(column: "service_code", as: String.self),
            applicantMasked: try row.decode(column: "applicant_masked", as: String.self),
            phoneMasked: try row.decode(column: "phone_masked", as: String.self), note: try row.decode(column: "note", as: String.self),
            state: state, registeredBy: try row.decode(column: "registered_by", as: String.self),
            registeredAt: try row.decode(column: "registered_at", as: Date.self), handedAt: try row.decode(column: "handed_at", as: Date?.self),
            dueOn: try row.decode(column: "due_on", as: String?.self).flatMap { CalendarDay(iso: $0) },
            completedBy: try row.decode(column: "completed_by", as: String?.self),
            completedAt: try row.decode(column: "completed_at", as: Date?.self), outcome: try row.decode(column: "outcome", as: String?.self),
            version: try row.decode(column: "version", as: Int.self))
    }
}
