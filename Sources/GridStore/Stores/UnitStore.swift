import FluentKit
import Foundation
import GridCore
import SQLKit

/// Reads and writes the hierarchy.
public enum UnitStore {
    /// Adds a unit under `parent` (nil for a root) after checking its name, kind and code.
    public static func create(
        code: UnitCode, name: String, kind: UnitKind, parent: OrgUnit?, id: UUID = UUID(), on db: any Database, now: Date
    ) async throws -> OrgUnit {
        try OrgUnit.validateNew(name: name, kind: kind, parentKind: parent?.kind)
        if try await UnitModel.query(on: db).filter(\.$code == code.rawValue).count() > 0 {
            throw ValidationFailures([ValidationFailure(field: "code", zh: "编码 \(code) 已被使用", en: "the code \(code) is already in use")])
        }
        let path = parent?.path.appending(code) ?? UnitPath(root: code)
        let unit = OrgUnit(
            id: id, code: code, name: name.trimmingCharacters(in: .whitespacesAndNewlines), kind: kind,
            parentID: parent?.id, path: path
        )
        try await UnitModel(unit, now: now).create(on: db)
        return unit
    }

    /// Inserts many already-validated units at once (demo data, imports), parents first.
    public static func insertAll(_ units: [OrgUnit], on db: any Database, now: Date) async throws {
        for chunk in units.chunked(into: 500) {
            try await chunk.map { UnitModel($0, now: now) }.create(on: db)
        }
    }

    public static func find(id: UUID, on db: any Database) async throws -> OrgUnit? {
        // Plain SQL: every report and every event answer looks its grid up here.
        try await (try db.sql).raw("SELECT id, code, name, kind, parent_id, path FROM units WHERE id = \(bind: id)")
            .first().map { try unit($0, prefix: "") }
    }

    /// A unit from a row of plain SQL whose unit columns carry `prefix` (as `UnitModel.toDomain`).
    static func unit(_ row: any SQLRow, prefix: String) throws -> OrgUnit {
        let id = try row.decode(column: prefix + "id", as: UUID.self)
        guard let kind = UnitKind(rawValue: try row.decode(column: prefix + "kind", as: String.self)),
              let path = UnitPath(rawValue: try row.decode(column: prefix + "path", as: String.self)),
              let code = try? UnitCode(try row.decode(column: prefix + "code", as: String.self))
        else { throw StoreError.corruptRow(table: UnitModel.schema, id: id.uuidString) }
        return OrgUnit(
            id: id, code: code, name: try row.decode(column: prefix + "name", as: String.self), kind: kind,
            parentID: try row.decode(column: prefix + "parent_id", as: UUID?.self), path: path)
    }

    /// Many units by id in a few statements (a list's grids: one lookup per row cost an export of
    /// a thousand events half a second).
    public static func find(ids: some Collection<UUID>, on db: any Database) async throws -> [UUID: OrgUnit] {
        var units: [UUID: OrgUnit] = [:]
        for chunk in Array(Set(ids)).chunked(into: 500).map(Array.init) {
            for model in try await UnitModel.query(on: db).filter(\.$id ~~ chunk).all() {
                let unit = try model.toDomain()
                units[unit.id] = unit
            }
        }
        return units
    }

    public static func find(code: String, on db: any Database) async throws -> OrgUnit? {
        try await UnitModel.query(on: db).filter(\.$code == code).first()?.toDomain()
    }

    /// Looks a unit up by its id or, failing that, its code (API and CLI accept either).
    public static func find(idOrCode: String, on db: any Database) async throws -> OrgUnit? {
        if let id = UUID(uuidString: idOrCode), let unit = try await find(id: id, on: db) {
            return unit
        }
        return try await find(code: idOrCode, on: db)
    }

    /// The direct children of a unit (nil: the roots), ordered by code.
    public static func children(of parentID: UUID?, on db: any Database) async throws -> [OrgUnit] {
        let query = UnitModel.query(on: db)
        if let parentID {
            query.filter(\.$parentID == parentID)
        } else {
            query.filter(\.$parentID == nil)
        }
        return try await query.sort(\.$code).all().map { try $0.toDomain() }
    }

    /// Every unit at or below `path`, ordered by path (parents before children).
    public static func subtree(_ path: UnitPath, maxDepth: Int? = nil, on db: any Database) async throws -> [OrgUnit] {
        let query = UnitModel.query(on: db)
            .filter(\.$path >= path.rawValue)
            .filter(\.$path < path.subtreeUpperBound)
        if let maxDepth {
            query.filter(\.$depth <= path.depth + maxDepth)
        }
        return try await query.sort(\.$path).all().map { try $0.toDomain() }
    }

    /// The chain from the root down to `unit`, inclusive.
    public static func ancestors(of unit: OrgUnit, on db: any Database) async throws -> [OrgUnit] {
        let codes = unit.path.codes
        let found = try await UnitModel.query(on: db).filter(\.$code ~~ codes).all().map { try $0.toDomain() }
        return found.sorted { $0.path.depth < $1.path.depth }
    }

    /// Number of direct children per parent id, for tree answers that stop at one level.
    public static func childCounts(of parentIDs: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !parentIDs.isEmpty else { return [:] }
        let rows = try await UnitModel.query(on: db).filter(\.$parentID ~~ parentIDs).field(\.$parentID).all()
        return rows.reduce(into: [:]) { counts, row in
            if let parent = row.parentID { counts[parent, default: 0] += 1 }
        }
    }

    public static func rename(_ id: UUID, to name: String, on db: any Database, now: Date) async throws -> OrgUnit {
        guard let model = try await UnitModel.find(id, on: db) else { throw StoreError.notFound(what: "unit") }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100 else {
            throw ValidationFailure(field: "name", zh: "名称须为 1–100 个字", en: "the name must be 1–100 characters")
        }
        model.name = trimmed
        model.updatedAt = now
        try await model.save(on: db)
        return try model.toDomain()
    }

    public static func count(on db: any Database) async throws -> Int {
        try await UnitModel.query(on: db).count()
    }
}
