import FluentKit
import Foundation
import GridCore
import SQLKit

/// An event as Open311 lists it: the stored event, when it last changed, and the last note a
/// requester may read (handling feedback, a refusal's or closing note).
public struct Open311EventRow: Sendable, Equatable {
    public let event: StoredEvent
    public let updatedAt: Date
    public let lastNote: String?
}

/// The reads behind `GET requests`: events of public items by number, id or filter, newest first.
public enum Open311EventQuery {
    /// Timeline actions whose notes are the requester's business.
    static let publicNoteActions = ["handle", "reject", "close", "verify", "reopen"]

    /// Events of `typeCodes` reported in `from...to`, in `states` when given, newest first.
    public static func events(
        typeCodes: [String], states: [EventState]?, from: Date, to: Date, limit: Int, on db: any Database
    ) async throws -> [Open311EventRow] {
        guard !typeCodes.isEmpty else { return [] }
        var conditions: [any SQLExpression] = [
            SQLBinaryExpression(SQLIdentifier("type_code"), .in, SQLGroupExpression(typeCodes.map { SQLBind($0) })),
            "reported_at >= \(bind: from)" as SQLQueryString,
            "reported_at <= \(bind: to)" as SQLQueryString,
        ]
        if let states {
            guard !states.isEmpty else { return [] }
            conditions.append(SQLBinaryExpression(SQLIdentifier("state"), .in, SQLGroupExpression(states.map { SQLBind($0.rawValue) })))
        }
        let rows = try await (try db.sql).raw("""
            SELECT * FROM events WHERE \(SQLList(conditions, separator: SQLRaw(" AND "))) ORDER BY reported_at DESC, id LIMIT \(literal: limit)
            """).all()
        return try await withNotes(rows, on: db)
    }

    /// Events by ticket number (事件编号), the Open311 `service_request_id`, in the order asked.
    public static func events(numbers: [String], on db: any Database) async throws -> [Open311EventRow] {
        guard !numbers.isEmpty else { return [] }
        var rows: [any SQLRow] = []
        for chunk in Array(Set(numbers)).chunked(into: 400) {
            rows += try await (try db.sql).raw("SELECT * FROM events WHERE number IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))").all()
        }
        let found = try await withNotes(rows, on: db)
        let byNumber = Dictionary(found.map { ($0.event.number, $0) }, uniquingKeysWith: { first, _ in first })
        return numbers.compactMap { byNumber[$0] }
    }

    /// The event with this id, if any.
    public static func event(id: UUID, on db: any Database) async throws -> Open311EventRow? {
        let rows = try await (try db.sql).raw("SELECT * FROM events WHERE id = \(bind: id)").all()
        return try await withNotes(rows, on: db).first
    }

    private static func withNotes(_ rows: [any SQLRow], on db: any Database) async throws -> [Open311EventRow] {
        let decoded = try rows.map { row in (event: try EventStore.decode(row), updatedAt: try row.decode(column: "updated_at", as: Date.self)) }
        var notes: [UUID: String] = [:]
        for chunk in decoded.map(\.event.snapshot.id).chunked(into: 400) {
            let timeline = try await (try db.sql).raw("""
                SELECT event_id, seq, note FROM event_timeline
                WHERE event_id IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                  AND action IN \(SQLGroupExpression(publicNoteActions.map { SQLBind($0) })) AND note IS NOT NULL
                ORDER BY event_id, seq
                """).all()
            for row in timeline {
                let note = try row.decode(column: "note", as: String.self)
                if !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    notes[try row.decode(column: "event_id", as: UUID.self)] = note
                }
            }
        }
        return decoded.map { Open311EventRow(event: $0.event, updatedAt: $0.updatedAt, lastNote: notes[$0.event.snapshot.id]) }
    }
}
