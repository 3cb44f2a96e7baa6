import Foundation

/// The JSON body of one webhook message. Field names are stable: receiving systems parse them.
public struct WebhookPayload: Codable, Sendable, Equatable {
    public struct EventSummary: Codable, Sendable, Equatable {
        public var id: UUID
        public var number: String
        public var type: String
        public var state: String
        public var level: Int
        public var gridPath: String
        public var ownerPath: String
        public var handlingUnit: String?
        public var deadline: Date?

        public init(_ snapshot: EventSnapshot, number: String) {
            id = snapshot.id
            self.number = number
            type = snapshot.typeCode
            state = snapshot.state.rawValue
            level = snapshot.level
            gridPath = snapshot.gridPath.rawValue
            ownerPath = snapshot.ownerPath.rawValue
            handlingUnit = snapshot.handlingUnit?.path.rawValue
            deadline = snapshot.deadline?.end
        }

        enum CodingKeys: String, CodingKey {
            case id, number, type, state, level, deadline
            case gridPath = "grid_path"
            case ownerPath = "owner_path"
            case handlingUnit = "handling_unit"
        }
    }

    /// The delivery's id, the same on every retry: receivers drop repeats by it.
    public var delivery: UUID
    public var kind: String
    /// The unit the notice is for.
    public var unit: String
    /// The notice in Chinese and in English.
    public var message: String
    public var messageEn: String
    public var event: EventSummary?
    public var at: Date

    public init(delivery: UUID, kind: String, unit: String, message: LocalizedText, event: EventSummary?, at: Date) {
        self.delivery = delivery
        self.kind = kind
        self.unit = unit
        self.message = message.zhHans
        messageEn = message.en
        self.event = event
        self.at = at
    }

    enum CodingKeys: String, CodingKey {
        case delivery, kind, unit, message, event, at
        case messageEn = "message_en"
    }
}
