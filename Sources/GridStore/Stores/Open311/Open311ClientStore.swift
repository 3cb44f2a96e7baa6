import Crypto
import FluentKit
import Foundation
import GridCore
import SQLKit

/// An Open311 API client (Open311 接入方): a system or app that submits service requests with
/// its own key. The key itself is never stored, only its SHA-256 and its last characters.
public struct Open311Client: Sendable, Equatable {
    public let id: UUID
    public let name: String
    /// The key's last four characters, to tell keys apart on screen.
    public let keyHint: String
    /// Requests a minute the key may make (bursts of as many).
    public let ratePerMinute: Int
    public let active: Bool
    public let createdBy: String
    public let createdAt: Date
    public let lastUsedAt: Date?

    public init(
        id: UUID, name: String, keyHint: String, ratePerMinute: Int, active: Bool, createdBy: String, createdAt: Date, lastUsedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.keyHint = keyHint
        self.ratePerMinute = ratePerMinute
        self.active = active
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}

/// What an Open311 request carried beyond the event it made.
public struct Open311RequestRecord: Sendable, Equatable {
    public let eventID: UUID
    public let clientID: UUID
    /// `address_string` as the requester wrote it.
    public let address: String?
    public let mediaURL: String?
    /// The requester's contact details (name, email, phone) as JSON, sealed with the key ring.
    public let sealedContact: String?

    public init(eventID: UUID, clientID: UUID, address: String?, mediaURL: String?, sealedContact: String?) {
        self.eventID = eventID
        self.clientID = clientID
        self.address = address
        self.mediaURL = mediaURL
        self.sealedContact = sealedContact
    }
}

/// Open311 clients, their keys and the requests they made.
public enum Open311ClientStore {
    /// The stored form of a key.
    public static func hash(_ key: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(key.utf8)))
    }

    public static func insert(_ client: Open311Client, key: String, on db: any Database) async throws {
        try await (try db.sql).raw("""
            INSERT INTO open311_clients (id, name, key_hash, key_hint, rate_per_minute, active, created_by, created_at)
            VALUES (\(bind: client.id), \(bind: client.name), \(bind: hash(key)), \(bind: client.keyHint), \(bind: client.ratePerMinute),
              \(bind: client.active), \(bind: client.createdBy), \(bind: client.createdAt))
            """).run()
    }

    /// The client whose key this is, active or not; nil for an unknown key.
    public static func find(key: String, on db: any Database) async throws -> Open311Client? {
        guard !key.isEmpty, key.count <= 200 else { return nil }
        return try await (try db.sql).raw("SELECT * FROM open311_clients WHERE key_hash = \(bind: hash(key))").first().map(decode)
    }

    public static func find(_ id: UUID, on db: any Database) async throws -> Open311Client? {
        try await (try db.sql).raw("SELECT * FROM open311_clients WHERE id = \(bind: id)").first().map(decode)
    }

    public static func find(name: String, on db: any Database) async throws -> Open311Client? {
        try await (try db.sql).raw("SELECT * FROM open311_clients WHERE name = \(bind: name)").first().map(decode)
    }

    /// Every client, newest first.
    public static func all(on db: any Database) async throws -> [Open311Client] {
        try await (try db.sql).raw("SELECT * FROM open311_clients ORDER BY created_at DESC, name").all().map(decode)
    }

    public static func setActive(_ id: UUID, _ active: Bool, on db: any Database) async throws {
        try await (try db.sql).raw("UPDATE open311_clients SET active = \(bind: active) WHERE id = \(bind: id)").run()
    }

    public static func markUsed(_ id: UUID, on db: any Database, now: Date) async throws {
        try await (try db.sql).raw("UPDATE open311_clients SET last_used_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    // MARK: requests

    public static func record(_ request: Open311RequestRecord, on db: any Database, now: Date) async throws {
        try await (try db.sql).raw("""
            INSERT INTO open311_requests (id, client_id, address, media_url, contact, created_at)
            VALUES (\(bind: request.eventID), \(bind: request.clientID), \(bind: request.address), \(bind: request.mediaURL),
              \(bind: request.sealedContact), \(bind: now))
            """).run()
    }

    /// The Open311 records of these events (events made otherwise have none).
    public static func requests(of eventIDs: [UUID], on db: any Database) async throws -> [UUID: Open311RequestRecord] {
        var found: [UUID: Open311RequestRecord] = [:]
        for chunk in eventIDs.chunked(into: 400) {
            let rows = try await (try db.sql).raw("""
                SELECT id, client_id, address, media_url, contact FROM open311_requests WHERE id IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))
                """).all()
            for row in rows {
                let record = Open311RequestRecord(
                    eventID: try row.decode(column: "id", as: UUID.self), clientID: try row.decode(column: "client_id", as: UUID.self),
                    address: try row.decode(column: "address", as: String?.self), mediaURL: try row.decode(column: "media_url", as: String?.self),
                    sealedContact: try row.decode(column: "contact", as: String?.self))
                found[record.eventID] = record
            }
        }
        return found
    }

    static func decode(_ row: any SQLRow) throws -> Open311Client {
        Open311Client(
            id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            keyHint: try row.decode(column: "key_hint", as: String.self), ratePerMinute: try row.decode(column: "rate_per_minute", as: Int.self),
            active: try row.decode(column: "active", as: Bool.self), createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), lastUsedAt: try row.decode(column: "last_used_at", as: Date?.self))
    }
}
