import Foundation
import GridCore
import GridStore
import Vapor

/// Keeping the population register current: edit, move out, the history of a record, and the
/// register of an area as a CSV file (masked unless the caller may unmask and gives a reason).
extension PeopleController {
    func registerEditing(_ api: APIRouter) {
        api.add(.PATCH, "people/{id}", summary: "Change a person's record (only the fields sent; version must be the one read)",
                tag: "basic-data", access: .permission(.basicDataWrite), body: PersonUpdateDTO.self, response: PersonDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let update = try req.decodeBody(PersonUpdateDTO.self)
            let id = try req.idParameter()
            try await RecordEditService(services: try req.grid).editPerson(
                id, update: update, scope: principal.unitPath, actor: principal.auditActor(for: req), on: req.db)
            return try await Self.current(id, req)
        }
        api.add(.POST, "people/{id}/move-out", summary: "Record that a person moved out (迁出); the record is kept, closed",
                tag: "basic-data", access: .permission(.basicDataWrite), body: MoveOutRequestDTO.self, response: PersonDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let request = try req.decodeBody(MoveOutRequestDTO.self)
            let id = try req.idParameter()
            try await RecordEditService(services: try req.grid).moveOut(
                id, request: request, scope: principal.unitPath, actor: principal.auditActor(for: req), on: req.db)
            return try await Self.current(id, req)
        }
        api.add(.GET, "people/{id}/history", summary: "Every change of a person's record, newest first (identifiers masked)",
                tag: "basic-data", access: .permission(.basicDataRead), response: [RecordHistoryDTO].self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let id = try req.idParameter()
            guard let person = try await PeopleStore.find(id, on: req.db), principal.unitPath.contains(person.gridPath) else {
                throw GridHTTPError.notFound
            }
            return try await Self.history(of: id, req)
        }
    }

    /// The person as the API shows them after a change.
    static func current(_ id: UUID, _ req: Request) async throws -> PersonDTO {
        let services = try req.grid
        guard let row = try await PeopleStore.find(id, on: req.db) else { throw GridHTTPError.notFound }
        return dto(row, clear: nil, today: services.calendar.day(of: services.clock.now), language: req.language)
    }

    static func history(of id: UUID, _ req: Request) async throws -> [RecordHistoryDTO] {
        try await BasicDataStore.history(of: id, on: req.db).map { entry in
            RecordHistoryDTO(
                version: entry.version, changedAt: entry.changedAt, changedBy: entry.changedBy, summary: entry.summary,
                changes: entry.changes.map { RecordHistoryDTO.Change($0, language: req.language) })
        }
    }

    /// `unit` (id or code) within the caller's scope, or the caller's own unit.
    static func unit(_ req: Request, _ principal: Principal) async throws -> OrgUnit {
        let reference = req.query[String.self, at: "unit"] ?? principal.account.unit.id.uuidString
        guard let unit = try await UnitStore.find(idOrCode: reference, on: req.db) else { throw GridHTTPError.notFound }
        try principal.requireInScope(unit.path)
        return unit
    }

    /// The reason to export in clear, when `unmask=true` is asked by someone who may; nil for masked.
    static func unmaskRequest(_ req: Request, _ principal: Principal, on path: UnitPath, services: GridServices) throws -> String? {
        guard req.query[Bool.self, at: "unmask"] == true else { return nil }
        try principal.require(.personalDataUnmask, on: path, policy: services.policy)
        let reason = (req.query[String.self, at: "reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= 2 else {
            throw ValidationFailure(field: "reason", zh: "导出完整证件号码须说明理由", en: "give a reason to export the full identifiers")
        }
        return reason
    }

    static func csvResponse(_ csv: String, name: String) -> Response {
        let response = Response(status: .ok)
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: name)
        // A byte-order mark so that spreadsheet programs read the Chinese headers as UTF-8.
        response.body = .init(string: "\u{FEFF}" + csv)
        return response
    }
}
