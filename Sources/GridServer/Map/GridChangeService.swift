import FluentKit
import Foundation
import GridCore
import GridStore

/// Writes to the one map: imports, redraws, splits and merges. Each is checked completely first,
/// then written in one transaction with its crosswalk and audit row, then the index is rebuilt.
public struct GridChangeService: Sendable {
    let services: GridServices
    let map: GridMapService

    public init(services: GridServices, map: GridMapService) {
        self.services = services
        self.map = map
    }

    /// Today in the jurisdiction's time zone: the default effective date.
    func today() -> CalendarDay {
        services.calendar.day(of: services.clock.now)
    }

    public func effectiveDate(_ raw: String?) throws -> CalendarDay {
        guard let raw, !raw.isEmpty else { return today() }
        guard let day = CalendarDay(iso: raw) else {
            throw ValidationFailure(field: "effective_date", zh: "生效日期应为 YYYY-MM-DD", en: "effective_date must be YYYY-MM-DD")
        }
        // The live index shows the map as it stands; changes scheduled for later are not supported yet.
        guard day <= today() else {
            throw ValidationFailure(field: "effective_date", zh: "生效日期不能晚于今天", en: "effective_date cannot be later than today")
        }
        return day
    }

    // MARK: import

    public func importGrids(
        _ collection: GeoJSONFeatureCollection, dryRun: Bool, effective: CalendarDay, tolerance: Double, defaultDatum: Datum?,
        scope: UnitPath?, actor: AuditActor, language: Language, on db: any Database
    ) async throws -> GridImportReportDTO {
        let existing = try await existingUnits(on: db)
        var result = GridImportValidator(tolerance: tolerance, defaultDatum: defaultDatum).validate(collection, existing: existing.byCode)
        if let scope {
            for item in result.items {
                let parentPath = existing.paths[item.parentCode]
                let inFile = result.items.contains { $0.code == item.parentCode }
                if !inFile && !(parentPath.map(scope.contains) ?? false) {
                    result.problems.append(GridImportProblem(
                        kind: .unknownParent, feature: item.index, code: item.code, field: "parent",
                        message: LocalizedText(zh: "\(item.code) 的上级 \(item.parentCode) 不存在", en: "\(item.code): the parent \(item.parentCode) does not exist")))
                }
            }
        }
        let created = result.items.filter { existing.byCode[$0.code] == nil }.map(\.code)
        let updated = result.items.filter { existing.byCode[$0.code] != nil }.map(\.code)
        var report = GridImportReportDTO(
            dryRun: dryRun, valid: result.isValid, features: collection.features.count, created: created, updated: updated,
            effectiveDate: effective.description, problems: result.problems.map { Self.dto($0, language) }, changeID: nil)
        guard result.isValid, !dryRun else { return report }

        let now = services.clock.now
        let items = result.items.sorted { ($0.code.count, $0.code) < ($1.code.count, $1.code) }
        let crosswalk = Crosswalk.compute(
            old: items.compactMap { item in existing.byCode[item.code]?.geometry.map { (item.code, $0) } },
            new: items.map { ($0.code, $0.geometry) })
        let scopePath = scope
        report.changeID = try await db.transaction { tx in
            let changeID = try await GridMapStore.recordChange(
                kind: "import", effective: effective, summary: "import: \(created.count) new, \(updated.count) redrawn",
                actor: actor.name, unitPath: scopePath, crosswalk: crosswalk, on: tx, now: now)
            for item in items {
                let unit = try await upsertUnit(item, on: tx, now: now)
                try await GridMapStore.saveOutline(
                    unit, geometry: item.geometry, sourceDatum: item.sourceDatum, effective: effective, changeID: changeID, on: tx, now: now)
            }
            try await AuditLog.record(
                AuditRecord(action: "grids.imported", targetType: "grid_change", targetID: changeID.uuidString,
                            summary: "imported \(items.count) outlines (\(created.count) new) effective \(effective)", unitPath: scopePath),
                by: actor, on: tx, now: now)
            return changeID
        }
        try await map.reload(on: db)
        return report
    }

    private func upsertUnit(_ item: GridImportItem, on db: any Database, now: Date) async throws -> OrgUnit {
        if let unit = try await UnitStore.find(code: item.code, on: db) {
            return unit.name == item.name ? unit : try await UnitStore.rename(unit.id, to: item.name, on: db, now: now)
        }
        guard let parent = try await UnitStore.find(code: item.parentCode, on: db) else { throw StoreError.notFound(what: "unit") }
        return try await UnitStore.create(code: UnitCode(item.code), name: item.name, kind: item.kind, parent: parent, on: db, now: now)
    }

    struct Existing {
        var byCode: [String: ExistingMapUnit]
        var paths: [String: UnitPath]
    }

    private func existingUnits(on db: any Database) async throws -> Existing {
        var byCode: [String: ExistingMapUnit] = [:]
        var paths: [String: UnitPath] = [:]
        for root in try await UnitStore.children(of: nil, on: db) {
            let outlines = Dictionary(
                try await GridMapStore.outlines(under: root.path, on: db).map { ($0.unit.id, $0.geometry) }, uniquingKeysWith: { a, _ in a })
            for unit in try await UnitStore.subtree(root.path, on: db) where unit.kind.isTerritorial {
                let codes = unit.path.codes
                byCode[unit.code.rawValue] = ExistingMapUnit(
                    code: unit.code.rawValue, kind: unit.kind, parentCode: codes.count > 1 ? codes[codes.count - 2] : nil,
                    geometry: outlines[unit.id])
                paths[unit.code.rawValue] = unit.path
            }
        }
        return Existing(byCode: byCode, paths: paths)
    }

    static func dto(_ problem: GridImportProblem, _ language: Language) -> GridImportReportDTO.Problem {
        GridImportReportDTO.Problem(
            kind: problem.kind.rawValue, feature: problem.feature, code: problem.code, field: problem.field,
            message: problem.message.text(in: language),
            location: problem.location.map { PointDTO(lon: $0.lon, lat: $0.lat, datum: Datum.gcj02.rawValue) }, areaM2: problem.area)
    }

    // MARK: redraw, split, merge

    /// A new outline for one grid; the old one stays queryable until the effective date.
    public func redraw(_ grid: OrgUnit, _ request: GridChangeRequestDTO, actor: AuditActor, on db: any Database) async throws -> CrosswalkDTO {
        let effective = try effectiveDate(request.effectiveDate)
        let datum = try Datum(parsing: request.datum, field: "datum")
        guard let shape = request.geometry?.multiPolygon else {
            throw ValidationFailure(field: "geometry", zh: "须提供新的网格边界", en: "the new outline is required")
        }
        let geometry = try checkedShape(shape, datum: datum, field: "geometry")
        try await requireInsideParent(geometry, of: grid, field: "geometry", on: db)
        guard let old = try await GridMapStore.outline(of: grid, on: db) else { throw StoreError.notFound(what: "outline") }
        let entries = Crosswalk.compute(old: [(grid.code.rawValue, old.geometry)], new: [(grid.code.rawValue, geometry)])
        return try await write(kind: "redraw", effective: effective, summary: "redrew \(grid.code)", path: grid.path,
                               entries: entries, actor: actor, on: db) { tx, changeID, now in
            try await GridMapStore.saveOutline(grid, geometry: geometry, sourceDatum: datum, effective: effective, changeID: changeID, on: tx, now: now)
        }
    }

    /// Splits a grid into new grids of the same community that together cover it.
    public func split(_ grid: OrgUnit, _ request: GridChangeRequestDTO, actor: AuditActor, on db: any Database) async throws -> CrosswalkDTO {
        let effective = try effectiveDate(request.effectiveDate)
        let datum = try Datum(parsing: request.datum, field: "datum")
        guard let parts = request.parts, parts.count >= 2 else {
            throw ValidationFailure(field: "parts", zh: "拆分至少需要两个新网格", en: "a split needs at least two new grids")
        }
        guard let old = try await GridMapStore.outline(of: grid, on: db),
              let community = try await parent(of: grid, on: db)
        else { throw StoreError.notFound(what: "outline") }
        let shapes = try await checkedParts(parts, datum: datum, community: community, on: db)
        let coverage = CoverageAnalysis.analyze(container: old.geometry, pieces: shapes.map(\.shape), minimumPieceArea: 10)
        if !coverage.isSeamless {
            throw ValidationFailure(
                field: "parts",
                zh: "新网格须恰好覆盖原网格：缺口 \(Int(coverage.gapArea)) 平方米，重叠 \(Int(coverage.overlapArea)) 平方米，超出 \(Int(coverage.outsideArea)) 平方米",
                en: "the new grids must cover the old one exactly: gap \(Int(coverage.gapArea)) m², overlap \(Int(coverage.overlapArea)) m², outside \(Int(coverage.outsideArea)) m²")
        }
        let entries = Crosswalk.compute(old: [(grid.code.rawValue, old.geometry)], new: shapes.map { ($0.code, $0.shape) })
        return try await write(kind: "split", effective: effective, summary: "split \(grid.code) into \(parts.map(\.code).joined(separator: ","))",
                               path: community.path, entries: entries, actor: actor, on: db) { tx, changeID, now in
            try await GridMapStore.retireOutline(of: grid.id, effective: effective, on: tx)
            for (part, shape) in zip(parts, shapes) {
                let unit = try await UnitStore.create(code: UnitCode(part.code), name: part.name, kind: grid.kind, parent: community, on: tx, now: now)
                try await GridMapStore.saveOutline(unit, geometry: shape.shape, sourceDatum: datum, effective: effective, changeID: changeID, on: tx, now: now)
            }
        }
    }

    /// Merges grids of one community into a new grid (its outline given, or the parts together).
    public func merge(_ request: GridChangeRequestDTO, scope: UnitPath, actor: AuditActor, on db: any Database) async throws -> CrosswalkDTO {
        let effective = try effectiveDate(request.effectiveDate)
        let datum = try Datum(parsing: request.datum, field: "datum")
        guard let codes = request.codes, Set(codes).count >= 2, let into = request.into else {
            throw ValidationFailure(field: "codes", zh: "合并至少需要两个网格和合并后的网格", en: "a merge needs at least two grids and the grid they become")
        }
        var olds: [(OrgUnit, UnitOutline)] = []
        for code in codes {
            guard let unit = try await UnitStore.find(code: code, on: db), scope.contains(unit.path), unit.kind.isGrid,
                  let outline = try await GridMapStore.outline(of: unit, on: db)
            else { throw ValidationFailure(field: "codes", zh: "找不到网格 \(code)", en: "no grid \(code) was found") }
            olds.append((unit, outline))
        }
        guard let first = olds.first, let community = try await parent(of: first.0, on: db),
              olds.allSatisfy({ $0.0.parentID == community.id })
        else { throw ValidationFailure(field: "codes", zh: "只能合并同一社区的网格", en: "only grids of one community can be merged") }
        let mergedShape = into.geometry.multiPolygon ?? MultiPolygon(olds.flatMap { $0.1.geometry.polygons })
        let shapes = try await checkedParts([GridPartDTO(code: into.code, name: into.name, geometry: .multiPolygon(mergedShape))],
                                            datum: into.geometry.multiPolygon == nil ? .gcj02 : datum, community: community, on: db)
        let entries = Crosswalk.compute(old: olds.map { ($0.0.code.rawValue, $0.1.geometry) }, new: [(into.code, shapes[0].shape)])
        let mergedIDs = olds.map(\.0.id)
        return try await write(kind: "merge", effective: effective, summary: "merged \(codes.joined(separator: ",")) into \(into.code)",
                               path: community.path, entries: entries, actor: actor, on: db) { tx, changeID, now in
            for id in mergedIDs { try await GridMapStore.retireOutline(of: id, effective: effective, on: tx) }
            let unit = try await UnitStore.create(code: UnitCode(into.code), name: into.name, kind: .grid, parent: community, on: tx, now: now)
            try await GridMapStore.saveOutline(unit, geometry: shapes[0].shape, sourceDatum: datum, effective: effective, changeID: changeID, on: tx, now: now)
        }
    }

    /// 多网合一: for each grid of a department's old layer, the current grids covering it.
    public func crosswalk(layer: GeoJSONFeatureCollection, datum: Datum, scope: UnitPath, on db: any Database) async throws -> CrosswalkDTO {
        var old: [(code: String, shape: MultiPolygon)] = []
        for (index, feature) in layer.features.enumerated() {
            guard case .string(let code)? = feature.properties["code"], let shape = feature.geometry?.multiPolygon else {
                throw ValidationFailure(field: "features[\(index)]", zh: "第 \(index + 1) 个要素缺少 code 或面几何", en: "feature \(index + 1) lacks a code or an area geometry")
            }
            old.append((code, try checkedShape(shape, datum: datum, field: "features[\(index)].geometry")))
        }
        let current = try await GridMapStore.outlines(under: scope, kinds: [.grid], on: db)
        return CrosswalkDTO(changeID: nil, effectiveDate: today().description,
                            entries: Crosswalk.compute(old: old, new: current.map { ($0.unit.code.rawValue, $0.geometry) }))
    }

    // MARK: helpers

    private func write(
        kind: String, effective: CalendarDay, summary: String, path: UnitPath, entries: [CrosswalkEntry], actor: AuditActor,
        on db: any Database, _ body: @escaping @Sendable (any Database, UUID, Date) async throws -> Void
    ) async throws -> CrosswalkDTO {
        let now = services.clock.now
        let changeID = try await db.transaction { tx in
            let changeID = try await GridMapStore.recordChange(
                kind: kind, effective: effective, summary: summary, actor: actor.name, unitPath: path, crosswalk: entries, on: tx, now: now)
            try await body(tx, changeID, now)
            try await AuditLog.record(
                AuditRecord(action: "grids.\(kind)", targetType: "grid_change", targetID: changeID.uuidString, summary: "\(summary), effective \(effective)", unitPath: path),
                by: actor, on: tx, now: now)
            return changeID
        }
        try await map.reload(on: db)
        return CrosswalkDTO(changeID: changeID, effectiveDate: effective.description, entries: entries)
    }

    private func checkedShape(_ shape: MultiPolygon, datum: Datum, field: String) throws -> MultiPolygon {
        let converted = DatumConverter.convert(shape, from: datum, to: .gcj02).normalized()
        let problems = converted.validate()
        if let first = problems.first {
            throw ValidationFailure(field: field, zh: "边界无效：\(first.message.zhHans)", en: "invalid outline: \(first.message.en)")
        }
        return converted
    }

    private func checkedParts(_ parts: [GridPartDTO], datum: Datum, community: OrgUnit, on db: any Database) async throws -> [(code: String, shape: MultiPolygon)] {
        var result: [(code: String, shape: MultiPolygon)] = []
        for (index, part) in parts.enumerated() {
            let field = "parts[\(index)]"
            let code = try GridCode(part.code, field: "\(field).code")
            guard code.communityCode == community.code.rawValue else {
                throw ValidationFailure(field: "\(field).code", zh: "网格编码前 12 位应为社区编码 \(community.code)", en: "the first 12 digits must be the community code \(community.code)")
            }
            if try await UnitStore.find(code: part.code, on: db) != nil {
                throw ValidationFailure(field: "\(field).code", zh: "编码 \(part.code) 已被使用", en: "the code \(part.code) is already in use")
            }
            guard let shape = part.geometry.multiPolygon else {
                throw ValidationFailure(field: "\(field).geometry", zh: "几何应为面", en: "the geometry must be an area")
            }
            result.append((part.code, try checkedShape(shape, datum: datum, field: "\(field).geometry")))
        }
        return result
    }

    private func parent(of unit: OrgUnit, on db: any Database) async throws -> OrgUnit? {
        guard let parentID = unit.parentID else { return nil }
        return try await UnitStore.find(id: parentID, on: db)
    }

    private func requireInsideParent(_ shape: MultiPolygon, of unit: OrgUnit, field: String, on db: any Database) async throws {
        guard let parent = try await parent(of: unit, on: db), let outline = try await GridMapStore.outline(of: parent, on: db) else { return }
        let outside = Overlay.differenceArea(shape, outline.geometry)
        if outside > 10 {
            throw ValidationFailure(
                field: field, zh: "有 \(Int(outside)) 平方米超出所属\(parent.name)", en: "\(Int(outside)) m² lie outside \(parent.name)")
        }
    }
}
