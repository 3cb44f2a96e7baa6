import FluentKit
import Foundation
import GridCore
import GridStore

/// The risk rules in force (风险评估规则), read from the database on each use like the overdue
/// policy, so that every server instance scores by the same numbers the moment an administrator
/// changes them; the built-in `RiskRules.standard` until one does.
enum RiskRulesService {
    static func load(on db: any Database) async throws -> RiskRules {
        guard let stored = try await RiskStore.loadRuleSettings(on: db) else { return .standard }
        // Stored settings were valid when saved; should the bounds tighten later, the standard holds.
        return (try? RiskRules(settings: stored)) ?? .standard
    }

    /// Replaces the settings: all-or-nothing (every field checked and named), audited.
    static func update(_ settings: RiskRulesDTO, actor: AuditActor, now: Date, on db: any Database) async throws -> RiskRules {
        let rules = try RiskRules(settings: settings)
        let kept = rules.settings
        try await db.transaction { tx in
            try await RiskStore.saveRuleSettings(kept, by: actor.name, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(
                    action: "settings.risk_rules", targetType: "settings", targetID: RiskStore.rulesSettingName,
                    summary: "risk rules: many_people=\(rules.manyPeople) crowd=\(rules.crowd) repeat=\(kept.repeatThreshold ?? 0)/\(kept.repeatSurge ?? 0)"
                        + " in \(kept.repeatWindowDays ?? 0) d, \(kept.repeatRadius ?? 0) m; important≥\(rules.thresholds.important) major≥\(rules.thresholds.major)",
                    unitPath: nil),
                by: actor, on: tx, now: now)
        }
        return rules
    }
}
