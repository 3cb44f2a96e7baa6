import FluentKit
import Foundation
import GridCore
import SQLKit

/// The portal's side of an event a resident reported (居民门户上报记录): who stands in as its
/// reporter, and the resident's phone — sealed, as a keyed hash for the lookup and masked.
public struct PortalReportRecord: Sendable, Equatable {
    public let eventID: UUID
    /// The stand-in reporter's id, the event's `reporterID`: the resident rates as this id.
    public let reporterID: UUID
    public let phoneHash: String
    public let sealedPhone: String
    public let maskedPhone: String
    /// The address as typed, when there was no pin.
    public let address: String?
    public let createdAt: Date

    public init(eventID: UUID, reporterID: UUID, phoneHash: String, sealedPhone: String, maskedPhone: String, address: String?, createdAt: Date) {
        self.eventID = eventID
        self.reporterID = reporterID
        self.phoneHash = phoneHash
        self.sealedPhone = sealedPhone
        self.maskedPhone = maskedPhone
        self.address = address
        self.createdAt = createdAt
    }
}

/// Portal reports (the `portal_reports` table).
public enum PortalReportStore {
    public static func insert(_ record: PortalReportRecord, on db: any Database) async throws {
        try await (try db.sql).raw("""
            INSERT INTO portal_reports (id, reporter_id, phone_hash, phone_sealed, phone_masked, address, created_at)
            VALUES (\(bind: record.eventID), \(bind: record.reporterID), \(bind: record.phoneHash), \(bind: record.sealedPhone),
              \(bind: record.maskedPhone), \(bind: record.address), \(bind: record.createdAt))
            """).run()
    }

    /// The portal record of an event, or nil when the event was not reported through the portal.
    public static func find(eventID: UUID, on db: any Database) async throws -> PortalReportRecord? {
        try await (try db.sql).raw("SELECT * FROM portal_reports WHERE id = \(bind: eventID)").first().map(decode)
    }

    /// Reports made with the phone whose keyed hash is `phoneHash` since `since`.
    public static func count(phoneHash: String, since: Date, on db: any Database) async throws -> Int {
        let row = try await (try db.sql).raw("""
            SELECT COUNT(*) AS n FROM portal_reports WHERE phone_hash = \(bind: phoneHash) AND created_at >= \(bind: since)
            """).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    static func decode(_ row: any SQLRow) throws -> PortalReportRecord {
        PortalReportRecord(
            eventID: try row.decode(column: "id", as: UUID.self), reporterID: try row.decode(column: "reporter_id", as: UUID.self),
            phoneHash: try row.decode(column: "phone_hash", as: String.self), sealedPhone: try row.decode(column: "phone_sealed", as: String.self),
            maskedPhone: try row.decode(column: "phone_masked", as: String.self), address: try row.decode(column: "address", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
