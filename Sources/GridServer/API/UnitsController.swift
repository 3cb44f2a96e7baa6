import Foundation
import GridCore
import GridStore
import Vapor

/// The hierarchy: `GET /api/v1/units` (tree), `GET /api/v1/units/{id}`, and administration.
struct UnitsController {
    let units: UnitService

    func register(_ api: APIRouter) {
        api.add(.GET, "units", summary: "The hierarchy as a tree, from the caller's scope or a given parent", tag: "units",
                access: .permission(.unitsRead),
                query: [
                    .query("parent", .string(), "Id or code of the unit whose children to list (default: the caller's scope unit itself)"),
                    .query("depth", .integer(), "Levels of children to nest, 0–4 (default 1)"),
                    .query("kind", .string(enumeration: UnitKind.allCases.map(\.rawValue)), "Only units of this kind, as a flat list"),
                ],
                response: UnitTreeDTO.self) { req, principal in
            try await tree(req, APIRouter.signedIn(principal))
        }
        api.add(.GET, "units/{id}", summary: "One unit with its ancestors and children", tag: "units",
                access: .permission(.unitsRead), response: UnitDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let unit = try await visibleUnit(req, principal)
            let children = try await UnitStore.children(of: unit.id, on: req.db)
            let counts = try await UnitStore.childCounts(of: children.map(\.id), on: req.db)
            let ancestors = try await UnitStore.ancestors(of: unit, on: req.db).filter { $0.id != unit.id }
            return UnitDTO(
                unit, children: children.map { UnitDTO($0, childCount: counts[$0.id] ?? 0) }, childCount: children.count,
                ancestors: ancestors.map(UnitSummaryDTO.init))
        }
        api.add(.POST, "units", summary: "Add a unit under a parent in the caller's scope", tag: "units",
                access: .permission(.unitsManage), body: CreateUnitRequestDTO.self, status: .created,
                response: UnitDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let body = try req.decodeBody(CreateUnitRequestDTO.self)
            let unit = try await units.create(body, scope: principal.unitPath, actor: req.auditActor, on: req.db)
            return UnitDTO(unit)
        }
        api.add(.PATCH, "units/{id}", summary: "Rename a unit", tag: "units", access: .permission(.unitsManage),
                body: UpdateUnitRequestDTO.self, response: UnitDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let unit = try await visibleUnit(req, principal)
            let body = try req.decodeBody(UpdateUnitRequestDTO.self)
            guard let name = body.name else { return UnitDTO(unit) }
            return UnitDTO(try await units.rename(unit, to: name, actor: req.auditActor, on: req.db))
        }
    }

    /// The unit named in the path, or 404 when it does not exist or lies outside the caller's scope.
    private func visibleUnit(_ req: Request, _ principal: Principal) async throws -> OrgUnit {
        guard let unit = try await UnitStore.find(idOrCode: req.pathParameter("id"), on: req.db) else {
            throw GridHTTPError.notFound
        }
        try principal.requireInScope(unit.path)
        return unit
    }

    private func tree(_ req: Request, _ principal: Principal) async throws -> UnitTreeDTO {
        let depth = (try? req.query.get(Int.self, at: "depth")) ?? 1
        guard (0...4).contains(depth) else {
            throw ValidationFailure(field: "depth", zh: "层级须在 0–4 之间", en: "depth must be between 0 and 4")
        }
        if let kindName = try? req.query.get(String.self, at: "kind") {
            guard let kind = UnitKind(rawValue: kindName) else {
                throw ValidationFailure(field: "kind", zh: "未知单位类型“\(kindName)”", en: "unknown unit kind '\(kindName)'")
            }
            let all = try await UnitStore.subtree(principal.unitPath, on: req.db).filter { $0.kind == kind }
            return UnitTreeDTO(items: all.map { UnitDTO($0) })
        }
        let root: OrgUnit
        var startAtChildren = false
        if let parentRef = try? req.query.get(String.self, at: "parent") {
            // Out of scope reads exactly like absent: 404.
            guard let parent = try await UnitStore.find(idOrCode: parentRef, on: req.db) else { throw GridHTTPError.notFound }
            try principal.requireInScope(parent.path)
            root = parent
            startAtChildren = true
        } else {
            root = principal.account.unit
        }
        let levels = startAtChildren ? max(depth, 1) : depth
        let nodes = try await UnitStore.subtree(root.path, maxDepth: levels, on: req.db)
        let deepest = nodes.filter { $0.path.depth == root.path.depth + levels }
        let counts = try await UnitStore.childCounts(of: deepest.map(\.id), on: req.db)
        let byParent = Dictionary(grouping: nodes, by: { $0.parentID })
        func build(_ unit: OrgUnit) -> UnitDTO {
            let kids = byParent[unit.id] ?? []
            if unit.path.depth >= root.path.depth + levels {
                return UnitDTO(unit, childCount: counts[unit.id] ?? 0)
            }
            return UnitDTO(unit, children: kids.map(build), childCount: kids.count)
        }
        let top = build(root)
        return UnitTreeDTO(items: startAtChildren ? (top.children ?? []) : [top])
    }
}
