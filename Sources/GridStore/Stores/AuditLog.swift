import FluentKit
import Foundation
import GridCore
import SQLKit

/// Who did something, for the audit log.
public struct AuditActor: Sendable, Equatable {
    public let id: UUID?
    public let name: String
    public let clientAddress: String?

    public init(id: UUID?, name: String, clientAddress: String?) {
        self.id = id
        self.name = name
        self.clientAddress = clientAddress
    }

    /// The command line, run by whoever has the server's files.
    public static let commandLine = AuditActor(id: nil, name: "cli", clientAddress: nil)
    /// The platform itself (demo loader, background jobs).
    public static let system = AuditActor(id: nil, name: "system", clientAddress: nil)
}

/// What was done, for the audit log.
public struct AuditRecord: Sendable, Equatable {
    public let action: String
    public let targetType: String
    public let targetID: String?
    public let summary: String
    public let unitPath: UnitPath?

    public init(action: String, targetType: String, targetID: String?, summary: String, unitPath: UnitPath?) {
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.summary = summary
        self.unitPath = unitPath
    }
}

/// The append-only audit log (操作日志). Every write goes through `record`, in the same
/// transaction as the write itself.
public enum AuditLog {
    public static func record(_ record: AuditRecord, by actor: AuditActor, on db: any Database, now: Date) async throws {
        // One plain statement (the columns of `AuditEntryModel`): every write of the platform
        // records here, so it is kept off Fluent's model machinery.
        try await (try db.sql).raw("""
            INSERT INTO audit_log (id, at, actor_id, actor_name, action, target_type, target_id, summary, client_address, unit_path)
            VALUES (\(bind: UUID()), \(bind: now), \(bind: actor.id), \(bind: actor.name), \(bind: record.action), \(bind: record.targetType),
              \(bind: record.targetID), \(bind: String(record.summary.prefix(500))), \(bind: actor.clientAddress), \(bind: record.unitPath?.rawValue))
            """).run()
    }

    public struct Filter: Sendable {
        public var actorID: UUID?
        public var action: String?
        public var targetType: String?
        public var targetID: String?
        public var from: Date?
        public var to: Date?
        /// Only entries about this subtree, plus entries about no unit at all (sign-ins).
        public var scope: UnitPath?

        public init(
            actorID: UUID? = nil, action: String? = nil, targetType: String? = nil, targetID: String? = nil,
            from: Date? = nil, to: Date? = nil, scope: UnitPath? = nil
        ) {
            self.actorID = actorID
            self.action = action
            self.targetType = targetType
            self.targetID = targetID
            self.from = from
            self.to = to
            self.scope = scope
        }
    }

    /// Newest first.
    public static func list(_ filter: Filter, page: Int, per: Int, on db: any Database) async throws -> PageDTO<AuditEntryDTO> {
        let query = AuditEntryModel.query(on: db)
        if let actor = filter.actorID { query.filter(\.$actorID == actor) }
        if let action = filter.action { query.filter(\.$action == action) }
        if let type = filter.targetType { query.filter(\.$targetType == type) }
        if let target = filter.targetID { query.filter(\.$targetID == target) }
        if let from = filter.from { query.filter(\.$at >= from) }
        if let to = filter.to { query.filter(\.$at < to) }
        if let scope = filter.scope {
            query.group(.or) { any in
                any.filter(\.$unitPath == nil)
                any.group(.and) { inside in
                    inside.filter(\.$unitPath >= scope.rawValue).filter(\.$unitPath < scope.subtreeUpperBound)
                }
            }
        }
        let total = try await query.count()
        let rows = try await query.sort(\.$at, .descending).sort(\.$id).range((page - 1) * per..<page * per).all()
        return PageDTO(items: rows.map { $0.toDTO() }, page: page, per: per, total: total)
    }

    public static func count(on db: any Database) async throws -> Int {
        try await AuditEntryModel.query(on: db).count()
    }
}
