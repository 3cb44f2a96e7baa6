import Foundation
import GridCore
import GridStore
import Vapor

/// The one map over the API: grids as GeoJSON, point location, import/export, versions, staffing.
struct GridsController {
    let map: GridMapService
    let changes: GridChangeService

    func register(_ api: APIRouter) {
        api.add(.GET, "locate", summary: "The grid (and special grids) under a point, with its ancestors", tag: "grids",
                access: .signedIn,
                query: [
                    .query("lon", .number(), "Longitude"), .query("lat", .number(), "Latitude"),
                    .query("datum", .string(enumeration: Datum.allCases.map(\.rawValue)), "Datum of the point (default wgs84, a phone's GPS)"),
                ],
                response: LocateResultDTO.self) { req, _ in
            let point = try Self.point(req)
            let datum = try req.query[String.self, at: "datum"].map { try Datum(parsing: $0, field: "datum") } ?? .wgs84
            let result = map.locate(point, datum: datum)
            guard result.grid != nil || !result.specialGrids.isEmpty else { throw GridMapError.outsideEveryGrid }
            return result
        }
        api.add(.GET, "grids", summary: "Grids under a unit as a GeoJSON FeatureCollection (GCJ-02)", tag: "grids",
                access: .permission(.gridsRead),
                query: [
                    .query("unit", .string(), "Unit id or code (default: the caller's scope)"),
                    .query("at", .string(format: "date"), "The map as it was on this day (YYYY-MM-DD)"),
                    .query("level", .string(enumeration: ["grid", "community", "street"]), "Which level's outlines (default grid: general and special grids)"),
                ],
                response: GeoJSONFeatureCollection.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let unit = try await Self.scopeUnit(req, principal)
            let kinds: Set<UnitKind> = switch req.query[String.self, at: "level"] ?? "grid" {
            case "community": [.community]
            case "street": [.street]
            default: [.grid, .specialGrid]
            }
            let outlines = try await GridMapStore.outlines(under: unit.path, kinds: kinds, at: try Self.day(req, "at"), on: req.db)
            let staff = try await GridMapStore.staffByGrid(under: unit.path, on: req.db)
            let events = try await EventStore.countsByGrid(under: unit.path, now: try req.grid.clock.now, on: req.db)
            let language = req.language
            return GeoJSONFeatureCollection(features: outlines.map {
                GridFeatures.feature($0, staff: staff[$0.unit.id] ?? [], events: events[$0.unit.path] ?? (0, 0), language: language)
            })
        }
        api.add(.GET, "grids/export", summary: "Every outline under a unit as GeoJSON, ready to import again", tag: "grids",
                access: .permission(.gridsRead),
                query: [.query("unit", .string(), "Unit id or code"), .query("datum", .string(enumeration: Datum.allCases.map(\.rawValue)), "Datum to export in (default gcj02)"),
                        .query("at", .string(format: "date"), "The map as it was on this day")],
                response: GeoJSONFeatureCollection.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let unit = try await Self.scopeUnit(req, principal)
            let datum = try req.query[String.self, at: "datum"].map { try Datum(parsing: $0, field: "datum") } ?? .gcj02
            return try await GridExport.collection(under: unit, datum: datum, at: try Self.day(req, "at"), on: req.db)
        }
        api.add(.POST, "grids/import", summary: "Import outlines (GeoJSON); all-or-nothing, with a dry run", tag: "grids",
                access: .permission(.gridsManage),
                query: [
                    .query("dry_run", .boolean(), "Only check and report (default false)"),
                    .query("effective_date", .string(format: "date"), "When the new outlines take effect (default today)"),
                    .query("tolerance_m2", .number(), "Gaps and overlaps below this area are ignored (default 10)"),
                    .query("datum", .string(enumeration: Datum.allCases.map(\.rawValue)), "Datum of features without a datum property"),
                ],
                body: GeoJSONFeatureCollection.self, response: GridImportReportDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            // GeoJSONError is user-facing: it names the JSON path of the defect.
            let collection = try GeoJSONFeatureCollection(geoJSON: Data(buffer: req.body.data ?? ByteBuffer()))
            let tolerance = req.query[Double.self, at: "tolerance_m2"] ?? 10
            guard tolerance >= 0 else { throw ValidationFailure(field: "tolerance_m2", zh: "不能为负", en: "must not be negative") }
            var report = try await changes.importGrids(
                collection, dryRun: req.query[Bool.self, at: "dry_run"] ?? false,
                effective: try changes.effectiveDate(req.query[String.self, at: "effective_date"]), tolerance: tolerance,
                defaultDatum: try req.query[String.self, at: "datum"].map { try Datum(parsing: $0, field: "datum") },
                scope: principal.unitPath, actor: req.auditActor, language: req.language, on: req.db)
            if !report.valid && !report.dryRun {
                report.error = "validation_failed"
                report.message = LocalizedText(
                    zh: "导入被拒绝：发现 \(report.problems.count) 个问题，未写入任何数据",
                    en: "Import refused: \(report.problems.count) problems found; nothing was written").text(in: req.language)
                throw try EncodedFailure(status: .unprocessableEntity, report)
            }
            return report
        }
        api.add(.POST, "grids/crosswalk", summary: "多网合一: for each grid of an old layer, the current grids covering it", tag: "grids",
                access: .permission(.gridsRead),
                query: [.query("datum", .string(enumeration: Datum.allCases.map(\.rawValue)), "Datum of the layer (default gcj02)")],
                body: GeoJSONFeatureCollection.self, response: CrosswalkDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let layer = try req.decodeBody(GeoJSONFeatureCollection.self)
            let datum = try req.query[String.self, at: "datum"].map { try Datum(parsing: $0, field: "datum") } ?? .gcj02
            return try await changes.crosswalk(layer: layer, datum: datum, scope: principal.unitPath, on: req.db)
        }
        api.add(.POST, "grids/merge", summary: "Merge grids of one community into a new grid", tag: "grids",
                access: .permission(.gridsManage), body: GridChangeRequestDTO.self, response: CrosswalkDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            return try await changes.merge(req.decodeBody(GridChangeRequestDTO.self), scope: principal.unitPath, actor: req.auditActor, on: req.db)
        }
        api.add(.GET, "grids/unstaffed", summary: "General grids without a full-time grid worker", tag: "grids",
                access: .permission(.gridsRead), query: [.query("unit", .string(), "Unit id or code")],
                response: GridRefListDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let unit = try await Self.scopeUnit(req, principal)
            let grids = try await GridMapStore.outlines(under: unit.path, kinds: [.grid], on: req.db).map(\.unit)
            let staff = try await GridMapStore.staffByGrid(under: unit.path, on: req.db)
            return GridRefListDTO(items: grids.filter { !(staff[$0.id] ?? []).contains { $0.role == .fullTime } }.map(GridFeatures.ref))
        }
        api.add(.GET, "grids/{code}", summary: "One grid as a GeoJSON Feature with its staff", tag: "grids",
                access: .permission(.gridsRead), query: [.query("at", .string(format: "date"), "The grid as it was on this day")],
                response: GeoJSONFeature.self) { req, principal in
            let grid = try await Self.visibleGrid(req, try APIRouter.signedIn(principal))
            guard let outline = try await GridMapStore.outline(of: grid, at: try Self.day(req, "at"), on: req.db) else { throw GridHTTPError.notFound }
            return GridFeatures.feature(outline, staff: try await GridMapStore.staff(of: grid, on: req.db), language: req.language)
        }
        api.add(.POST, "grids/{code}/redraw", summary: "A new outline for a grid from a date", tag: "grids",
                access: .permission(.gridsManage), body: GridChangeRequestDTO.self, response: CrosswalkDTO.self) { req, principal in
            let grid = try await Self.visibleGrid(req, try APIRouter.signedIn(principal))
            return try await changes.redraw(grid, req.decodeBody(GridChangeRequestDTO.self), actor: req.auditActor, on: req.db)
        }
        api.add(.POST, "grids/{code}/split", summary: "Split a grid into new grids that cover it", tag: "grids",
                access: .permission(.gridsManage), body: GridChangeRequestDTO.self, response: CrosswalkDTO.self) { req, principal in
            let grid = try await Self.visibleGrid(req, try APIRouter.signedIn(principal))
            return try await changes.split(grid, req.decodeBody(GridChangeRequestDTO.self), actor: req.auditActor, on: req.db)
        }
        api.add(.GET, "grids/{code}/staff", summary: "Who serves the grid now", tag: "grids",
                access: .permission(.gridsRead), response: GridStaffListDTO.self) { req, principal in
            let grid = try await Self.visibleGrid(req, try APIRouter.signedIn(principal))
            return GridStaffListDTO(items: try await GridMapStore.staff(of: grid, on: req.db))
        }
        api.add(.POST, "grids/{code}/staff", summary: "Assign a person to the grid in a role", tag: "grids",
                access: .permission(.staffManage), body: AssignStaffRequestDTO.self, status: .created,
                response: GridStaffDTO.self) { req, principal in
            let grid = try await Self.visibleGrid(req, try APIRouter.signedIn(principal))
            return try await StaffService(services: try req.grid).assign(grid, req.decodeBody(AssignStaffRequestDTO.self), actor: req.auditActor, on: req.db)
        }
        api.add(.POST, "grids/staff/{id}/end", summary: "End an assignment today", tag: "grids",
                access: .permission(.staffManage), response: GridStaffDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let id = try req.idParameter()
            guard let (_, grid) = try await GridMapStore.staffAssignment(id, on: req.db)
            else { throw GridHTTPError.notFound }
            try principal.requireInScope(grid.path)
            return try await StaffService(services: try req.grid).end(id, grid: grid, actor: req.auditActor, on: req.db)
        }
    }

    static func point(_ req: Request) throws -> Coordinate {
        guard let lon = req.query[Double.self, at: "lon"], (-180...180).contains(lon) else {
            throw ValidationFailure(field: "lon", zh: "经度应为 -180 到 180 之间的数", en: "lon must be a number from -180 to 180")
        }
        guard let lat = req.query[Double.self, at: "lat"], (-90...90).contains(lat) else {
            throw ValidationFailure(field: "lat", zh: "纬度应为 -90 到 90 之间的数", en: "lat must be a number from -90 to 90")
        }
        return Coordinate(lon: lon, lat: lat)
    }

    static func day(_ req: Request, _ name: String) throws -> CalendarDay? {
        guard let raw = req.query[String.self, at: name] else { return nil }
        guard let day = CalendarDay(iso: raw) else {
            throw ValidationFailure(field: name, zh: "日期应为 YYYY-MM-DD", en: "the date must be YYYY-MM-DD")
        }
        return day
    }

    /// `?unit=` (id or code) inside the caller's scope, or the caller's own unit.
    static func scopeUnit(_ req: Request, _ principal: Principal) async throws -> OrgUnit {
        guard let ref = req.query[String.self, at: "unit"] else { return principal.account.unit }
        guard let unit = try await UnitStore.find(idOrCode: ref, on: req.db) else { throw GridHTTPError.notFound }
        try principal.requireInScope(unit.path)
        return unit
    }

    static func visibleGrid(_ req: Request, _ principal: Principal) async throws -> OrgUnit {
        guard let unit = try await UnitStore.find(idOrCode: req.pathParameter("code"), on: req.db), unit.kind.isGrid else {
            throw GridHTTPError.notFound
        }
        try principal.requireInScope(unit.path)
        return unit
    }
}

/// Map-specific refusals.
enum GridMapError: Error {
    case outsideEveryGrid
}
