import Foundation

/// The front desk's registration of a resident's request (`POST /api/v1/one-window`).
public struct OneWindowRegisterDTO: Sendable, Codable, Equatable {
    /// Made by the client; a repeat answers the first request.
    public var id: UUID?
    public var service: String
    public var applicantName: String
    public var phone: String
    public var note: String?
    /// Photos of the documents, Base64 (JPEG, PNG or HEIC).
    public var documents: [String]?

    public init(id: UUID? = nil, service: String, applicantName: String, phone: String, note: String? = nil, documents: [String]? = nil) {
        self.id = id
        self.service = service
        self.applicantName = applicantName
        self.phone = phone
        self.note = note
        self.documents = documents
    }

    enum CodingKeys: String, CodingKey {
        case id, service, phone, note, documents
        case applicantName = "applicant_name"
    }
}

/// A step on a request (`POST /api/v1/one-window/{id}/actions/{action}`).
public struct OneWindowActionDTO: Sendable, Codable, Equatable {
    public var outcome: String?
    public var reason: String?
    /// The version the actor saw; a stale one answers 409.
    public var version: Int?

    public init(outcome: String? = nil, reason: String? = nil, version: Int? = nil) {
        self.outcome = outcome
        self.reason = reason
        self.version = version
    }
}

/// A desk request on the wire: the person only masked.
public struct OneWindowRequestDTO: Sendable, Codable, Equatable {
    public var id: UUID
    public var number: String
    public var unitPath: String
    public var service: String
    public var serviceName: String
    public var applicant: String
    public var phone: String
    public var note: String
    public var state: String
    public var stateLabel: String
    public var registeredBy: String
    public var registeredAt: Date
    public var handedAt: Date?
    public var dueOn: String?
    public var overdue: Bool
    public var completedBy: String?
    public var completedAt: Date?
    public var outcome: String?
    public var version: Int
    public var documents: [String]

    public init(_ request: OneWindowRequest, documents: [String], today: CalendarDay, language: Language) {
        id = request.id
        number = request.number
        unitPath = request.unitPath.rawValue
        service = request.serviceCode
        serviceName = OneWindowCatalog.item(request.serviceCode)?.name.text(in: language) ?? request.serviceCode
        applicant = request.applicantMasked
        phone = request.phoneMasked
        note = request.note
        state = request.state.rawValue
        stateLabel = request.state.label.text(in: language)
        registeredBy = request.registeredBy
        registeredAt = request.registeredAt
        handedAt = request.handedAt
        dueOn = request.dueOn?.description
        overdue = request.isOverdue(today: today)
        completedBy = request.completedBy
        completedAt = request.completedAt
        outcome = request.outcome
        version = request.version
        self.documents = documents
    }

    enum CodingKeys: String, CodingKey {
        case id, number, service, applicant, phone, note, state, overdue, outcome, version, documents
        case unitPath = "unit_path", serviceName = "service_name", stateLabel = "state_label", registeredBy = "registered_by"
        case registeredAt = "registered_at", handedAt = "handed_at", dueOn = "due_on", completedBy = "completed_by", completedAt = "completed_at"
    }
}

/// The desk's queue with its counts and times (`GET /api/v1/one-window`).
public struct OneWindowQueueDTO: Sendable, Codable, Equatable {
    public var stats: Stats
    public var items: [OneWindowRequestDTO]

    public struct Stats: Sendable, Codable, Equatable {
        public var byState: [String: Int]
        public var overdue: Int
        public var finished: Int
        public var completedOnTime: Int
        public var meanHours: Double?
        public var meanWorkingDays: Double?

        public init(_ stats: OneWindowQueueStats) {
            byState = stats.byState
            overdue = stats.overdue
            finished = stats.finished
            completedOnTime = stats.completedOnTime
            meanHours = stats.meanHours
            meanWorkingDays = stats.meanWorkingDays
        }

        enum CodingKeys: String, CodingKey {
            case overdue, finished
            case byState = "by_state", completedOnTime = "completed_on_time", meanHours = "mean_hours", meanWorkingDays = "mean_working_days"
        }
    }

    public init(stats: Stats, items: [OneWindowRequestDTO]) {
        self.stats = stats
        self.items = items
    }
}

/// The service catalogue (`GET /api/v1/one-window/services`).
public struct OneWindowServicesDTO: Sendable, Codable, Equatable {
    public var items: [Item]

    public struct Item: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var workingDays: Int
        public var documents: String

        enum CodingKeys: String, CodingKey {
            case code, name, documents
            case workingDays = "working_days"
        }
    }

    public init(language: Language) {
        items = OneWindowCatalog.standard.map {
            Item(code: $0.code, name: $0.name.text(in: language), workingDays: $0.workingDays, documents: $0.documents.text(in: language))
        }
    }
}
