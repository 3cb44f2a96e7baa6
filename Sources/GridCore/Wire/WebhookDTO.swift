import Foundation

/// `POST /api/v1/webhooks`: subscribe a department system to a unit's notices.
public struct CreateWebhookRequestDTO: Codable, Sendable, Equatable {
    public var url: String
    /// The unit (id or code) whose notices — and its sub-units' — are sent; the caller's unit when absent.
    public var unit: String?
    /// Notice kinds to send (`assigned`, `urged`, …); all when absent or empty.
    public var kinds: [String]?
    /// The signing secret (at least 16 characters); generated and shown once when absent.
    public var secret: String?

    public init(url: String, unit: String? = nil, kinds: [String]? = nil, secret: String? = nil) {
        self.url = url
        self.unit = unit
        self.kinds = kinds
        self.secret = secret
    }
}

/// A subscription as the API shows it. `secret` is present only in the answer that created it.
public struct WebhookDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var url: String
    public var unitPath: String
    public var kinds: [String]
    public var active: Bool
    public var createdBy: String
    public var createdAt: Date
    public var secret: String?

    public init(id: UUID, url: String, unitPath: String, kinds: [String], active: Bool, createdBy: String, createdAt: Date, secret: String? = nil) {
        self.id = id
        self.url = url
        self.unitPath = unitPath
        self.kinds = kinds
        self.active = active
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.secret = secret
    }

    enum CodingKeys: String, CodingKey {
        case id, url, kinds, active, secret
        case unitPath = "unit_path"
        case createdBy = "created_by"
        case createdAt = "created_at"
    }
}

/// `GET /api/v1/webhooks` answers a list of subscriptions.
public struct WebhookListDTO: Codable, Sendable, Equatable {
    public var items: [WebhookDTO]

    public init(items: [WebhookDTO]) {
        self.items = items
    }
}

/// One delivery of a webhook message and how its attempts went.
public struct WebhookDeliveryDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var kind: String
    public var eventID: UUID?
    public var status: String
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(
        id: UUID, kind: String, eventID: UUID?, status: String, attempts: Int, nextAttemptAt: Date?, lastStatus: Int?, lastError: String?,
        createdAt: Date, deliveredAt: Date?
    ) {
        self.id = id
        self.kind = kind
        self.eventID = eventID
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, status, attempts
        case eventID = "event_id"
        case nextAttemptAt = "next_attempt_at"
        case lastStatus = "last_status"
        case lastError = "last_error"
        case createdAt = "created_at"
        case deliveredAt = "delivered_at"
    }
}
