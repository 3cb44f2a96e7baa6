import FluentKit
import Foundation
import GridCore

/// Row of `audit_log`.
// Fluent's property wrappers cannot be checked Sendable; instances never cross tasks.
final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: String
    @Field(key: "target_type") var targetType: String
    @OptionalField(key: "target_id") var targetID: String?
    @Field(key: "summary") var summary: String
    @OptionalField(key: "client_address") var clientAddress: String?
    @OptionalField(key: "unit_path") var unitPath: String?

    init() {}

    func toDTO() -> AuditEntryDTO {
        AuditEntryDTO(
            id: id ?? UUID(), at: at, actorID: actorID, actor: actorName, action: action, targetType: targetType,
            targetID: targetID, summary: summary, clientAddress: clientAddress, unitPath: unitPath
        )
    }
}
