import FluentKit
import Foundation
import GridCore
import GridStore

/// Changes to the hierarchy, each with its audit row.
public struct UnitService: Sendable {
    let services: GridServices

    public init(services: GridServices) {
        self.services = services
    }

    /// Adds a unit. The parent must lie inside `scope` (nil: anywhere, for the command line);
    /// a new root needs an unrestricted caller.
    public func create(_ request: CreateUnitRequestDTO, scope: UnitPath?, actor: AuditActor, on db: any Database) async throws -> OrgUnit {
        var failures: [ValidationFailure] = []
        var code: UnitCode?
        do { code = try UnitCode(request.code) } catch { failures.append(error) }
        let kind = UnitKind(rawValue: request.kind)
        if kind == nil {
            failures.append(ValidationFailure(
                field: "kind", zh: "未知单位类型“\(request.kind)”", en: "unknown unit kind '\(request.kind)'"))
        }
        var parent: OrgUnit?
        if let parentRef = request.parent {
            parent = try await UnitStore.find(idOrCode: parentRef, on: db)
            if parent == nil || !(scope.map { scope in parent.map { scope.contains($0.path) } ?? false } ?? true) {
                failures.append(ValidationFailure(field: "parent", zh: "找不到上级单位“\(parentRef)”", en: "no parent unit '\(parentRef)' was found"))
            }
        } else if scope != nil {
            failures.append(ValidationFailure(field: "parent", zh: "须指定上级单位", en: "a parent unit is required"))
        }
        if let code, let kind, let parent, let why = UnitCodeShape.problem(code: code.rawValue, kind: kind, parentCode: parent.code.rawValue) {
            failures.append(ValidationFailure(field: "code", reason: why))
        }
        guard failures.isEmpty, let code, let kind else { throw ValidationFailures(failures) }
        let now = services.clock.now
        let foundParent = parent
        return try await db.transaction { tx in
            let unit = try await UnitStore.create(code: code, name: request.name, kind: kind, parent: foundParent, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(action: "unit.created", targetType: "unit", targetID: unit.id.uuidString,
                            summary: "created \(kind.rawValue) \(code) \(unit.name)", unitPath: unit.path),
                by: actor, on: tx, now: now)
            return unit
        }
    }

    public func rename(_ unit: OrgUnit, to name: String, actor: AuditActor, on db: any Database) async throws -> OrgUnit {
        let now = services.clock.now
        return try await db.transaction { tx in
            let renamed = try await UnitStore.rename(unit.id, to: name, on: tx, now: now)
            try await AuditLog.record(
                AuditRecord(action: "unit.renamed", targetType: "unit", targetID: unit.id.uuidString,
                            summary: "renamed \(unit.name) → \(renamed.name)", unitPath: unit.path),
                by: actor, on: tx, now: now)
            return renamed
        }
    }
}
