import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// `GET /api/v1/stats/data-quality?unit=`: how complete, fresh and unduplicated the basic data of
/// an area is (基础数据质量), for the unit and each unit one level below it.
struct DataQualityController {
    func register(_ api: APIRouter) {
        api.add(.GET, "stats/data-quality", summary: "Basic-data quality of a unit and of each unit below it (counts with denominators)",
                tag: "basic-data", access: .signedIn,
                query: [.query("unit", .string(), "Unit id or code; the caller's own unit when absent")],
                response: DataQualityDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let services = try req.grid
            guard principal.holds(.statsRead, policy: services.policy) || principal.holds(.basicDataRead, policy: services.policy) else {
                throw AccessDenial.missingPermission(.statsRead)
            }
            let unit = try await PeopleController.unit(req, principal)
            return try await Self.report(for: unit, services: services, on: req.db, language: req.language)
        }
    }

    static func report(for unit: OrgUnit, services: GridServices, on db: any Database, language: Language) async throws -> DataQualityDTO {
        let report = try await quality(under: unit.path, services: services, on: db)
        let today = report.today
        let below = try await UnitStore.subtree(unit.path, maxDepth: 1, on: db)
        let names = Dictionary(below.map { ($0.path, $0.name) }, uniquingKeysWith: { first, _ in first })
        let areas = report.rolledUp(toDepth: unit.path.depth + 1)
            .filter { $0.gridPath != unit.path }
            .map { DataQualityDTO.Area(path: $0.gridPath, name: names[$0.gridPath] ?? $0.gridPath.codes.last ?? "", figures: $0.figures) }
        return DataQualityDTO(
            today: today, staleAfterDays: report.staleAfterDays,
            total: DataQualityDTO.Area(path: unit.path, name: unit.name, figures: report.total), areas: areas,
            duplicatePeople: Array(report.duplicatePeople.prefix(100)))
    }

    /// The data-quality report of every grid under `path`, today (also the completeness indicator's source).
    static func quality(under path: UnitPath, services: GridServices, on db: any Database) async throws -> DataQualityReport {
        let keyRing = services.keyRing
        let today = services.calendar.day(of: services.clock.now)
        var grids: [UnitPath: GridBasicData] = [:]
        for person in try await BasicDataRecords.people(under: path, includeMovedOut: false, keyRing: keyRing, on: db) {
            grids[person.gridPath, default: GridBasicData(gridPath: person.gridPath)].people.append(person)
        }
        for room in try await BasicDataRecords.rooms(under: path, keyRing: keyRing, on: db) {
            grids[room.gridPath, default: GridBasicData(gridPath: room.gridPath)].rooms.append(room)
        }
        for organization in try await BasicDataRecords.organizations(under: path, keyRing: keyRing, on: db) {
            grids[organization.gridPath, default: GridBasicData(gridPath: organization.gridPath)].organizations.append(organization)
        }
        return DataQualityReport(grids: grids.keys.sorted().compactMap { grids[$0] }, today: today)
    }
}
