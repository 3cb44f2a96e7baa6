import Foundation
import GridCore
import GridStore
import Vapor

/// Actual organisations (实有单位) over the API: search by name, credit code or kind within the
/// caller's scope; one organisation; edits with history; export.
struct OrganizationsController {
    func register(_ api: APIRouter) {
        api.add(.GET, "organizations", summary: "Organisations of an area; phones masked", tag: "basic-data",
                access: .permission(.basicDataRead),
                query: [
                    .query("unit", .string(), "Unit id or code (subtree)"), .query("q", .string(), "Name contains"),
                    .query("credit_code", .string(), "Exact unified social credit code"),
                    .query("kind", .string(enumeration: OrganizationKind.allCases.map(\.rawValue)), "Kind"),
                    .query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200"),
                ],
                response: PageDTO<OrganizationDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let services = try req.grid
            var filter = BasicDataQueries.OrganizationFilter(under: try await PeopleController.unit(req, principal).path)
            filter.name = req.query[String.self, at: "q"]
            if let code = req.query[String.self, at: "credit_code"], !code.isEmpty {
                filter.creditCode = (try? SocialCreditCode(code))?.value ?? code.uppercased()
            }
            if let raw = req.query[String.self, at: "kind"] {
                guard let kind = OrganizationKind(cell: raw) else {
                    throw ValidationFailure(field: "kind", zh: "未知的单位类型“\(raw)”", en: "unknown organisation kind '\(raw)'")
                }
                filter.kind = kind
            }
            let (page, per) = try req.paging()
            let (items, total) = try await BasicDataQueries.organizations(filter, keyRing: services.keyRing, page: page, per: per, on: req.db)
            return PageDTO(
                items: items.map { OrganizationDTO($0.organization, registeredEmployees: $0.employees, version: $0.version, language: req.language) },
                page: page, per: per, total: total)
        }
        api.add(.GET, "organizations/{id}", summary: "One organisation", tag: "basic-data", access: .permission(.basicDataRead),
                response: OrganizationDTO.self) { req, principal in
            try await Self.organization(try req.idParameter(), req, try APIRouter.signedIn(principal))
        }
        api.add(.PATCH, "organizations/{id}", summary: "Change an organisation's record (only the fields sent; version must be the one read)",
                tag: "basic-data", access: .permission(.basicDataWrite), body: OrganizationUpdateDTO.self,
                response: OrganizationDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let id = try req.idParameter()
            try await RecordEditService(services: try req.grid).editOrganization(
                id, update: try req.decodeBody(OrganizationUpdateDTO.self), scope: principal.unitPath,
                actor: principal.auditActor(for: req), on: req.db)
            return try await Self.organization(id, req, principal)
        }
        api.add(.GET, "organizations/{id}/history", summary: "Every change of an organisation's record, newest first", tag: "basic-data",
                access: .permission(.basicDataRead), response: [RecordHistoryDTO].self) { req, principal in
            let id = try req.idParameter()
            _ = try await Self.organization(id, req, try APIRouter.signedIn(principal))
            return try await PeopleController.history(of: id, req)
        }
    }

    static func organization(_ id: UUID, _ req: Request, _ principal: Principal) async throws -> OrganizationDTO {
        let services = try req.grid
        guard let stored = try await BasicDataRecords.organization(id, keyRing: services.keyRing, on: req.db),
              principal.unitPath.contains(stored.record.gridPath)
        else { throw GridHTTPError.notFound }
        let employees = try await BasicDataStore.employeeCount(of: id, on: req.db)
        return OrganizationDTO(stored.record, registeredEmployees: employees, version: stored.version, language: req.language)
    }
}
