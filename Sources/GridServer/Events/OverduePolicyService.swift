import FluentKit
import Foundation
import GridCore
import GridStore

/// The district's overdue policy, read from the database on each use so that every server
/// instance sweeps by the same rules the moment an administrator changes them.
enum OverduePolicyService {
    static func load(on db: any Database) async throws -> OverduePolicy {
        guard let stored = try await SettingsStore.load(.overduePolicy, as: [String: String].self, on: db) else { return .standard }
        // A stored policy was valid when saved; a stage dropped since falls back to the standard.
        return (try? OverduePolicy(stored)) ?? .standard
    }

    /// Applies `changes` over the policy in force; all-or-nothing, audited.
    static func update(_ changes: [String: String], actor: AuditActor, now: Date, on db: any Database) async throws -> OverduePolicy {
        try await db.transaction { tx in
            var merged = try await load(on: tx).settings
            merged.merge(changes) { _, new in new }
            let policy = try OverduePolicy(merged)
            try await SettingsStore.save(.overduePolicy, policy.settings, by: actor.name, on: tx, now: now)
            let summary = OverduePolicy.Stage.allCases.map { "\($0.rawValue)=\(policy.response(for: $0).rawValue)" }.joined(separator: " ")
            try await AuditLog.record(
                AuditRecord(action: "settings.overdue_policy", targetType: "settings", targetID: SettingsStore.Key.overduePolicy.rawValue,
                            summary: "overdue policy: \(summary)", unitPath: nil),
                by: actor, on: tx, now: now)
            return policy
        }
    }
}
