import Foundation

/// One row of the append-only audit log (操作日志).
public struct AuditEntryDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var at: Date
    public var actorID: UUID?
    public var actor: String
    public var action: String
    public var targetType: String
    public var targetID: String?
    public var summary: String
    public var clientAddress: String?
    public var unitPath: String?

    public init(
        id: UUID, at: Date, actorID: UUID?, actor: String, action: String, targetType: String,
        targetID: String?, summary: String, clientAddress: String?, unitPath: String?
    ) {
        self.id = id
        self.at = at
        self.actorID = actorID
        self.actor = actor
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.summary = summary
        self.clientAddress = clientAddress
        self.unitPath = unitPath
    }

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, summary
        case actorID = "actor_id"
        case targetType = "target_type"
        case targetID = "target_id"
        case clientAddress = "client_address"
        case unitPath = "unit_path"
    }
}
