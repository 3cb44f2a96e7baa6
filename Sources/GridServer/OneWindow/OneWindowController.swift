import FluentKit
import Foundation
import GridCore
import GridStore
import Vapor

/// The one-window desk over the API (一窗式受理): the service catalogue, the queue with its
/// counts and times, registering a request, reading one, and the steps on it. Desk work is
/// triage work: the routes need `events.triage` (community, street and district staff) and see
/// only their own subtree.
struct OneWindowController: Sendable {
    func register(_ api: APIRouter) {
        api.add(.GET, "one-window/services", summary: "The desk's service catalogue with working days and documents", tag: "one-window",
                access: .permission(.eventsTriage), response: OneWindowServicesDTO.self) { req, principal in
            _ = try APIRouter.signedIn(principal)
            return OneWindowServicesDTO(language: req.language)
        }
        api.add(.GET, "one-window", summary: "The desk's queue (newest first) with counts per state, overdue, and mean handling time",
                tag: "one-window", access: .permission(.eventsTriage),
                query: [.query("unit", .string(), "Unit id or code (subtree; default the caller's unit)")],
                response: OneWindowQueueDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let unit = try await PeopleController.unit(req, principal)
            let desk = try service(req)
            let (requests, stats) = try await desk.queue(under: unit.path, on: req.db)
            var items: [OneWindowRequestDTO] = []
            for request in requests { items.append(try await desk.dto(request, language: req.language, on: req.db)) }
            return OneWindowQueueDTO(stats: .init(stats), items: items)
        }
        api.addDynamic(.POST, "one-window", summary: "Register a resident's request at the desk (client id; a repeat answers the first)",
                       tag: "one-window", access: .permission(.eventsTriage), body: OneWindowRegisterDTO.self, status: .created,
                       response: OneWindowRequestDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let body = try req.decodeBody(OneWindowRegisterDTO.self)
            let desk = try service(req)
            let (request, created) = try await desk.register(body, by: principal, actor: principal.auditActor(for: req), on: req.db)
            return (try await desk.dto(request, language: req.language, on: req.db), created ? .created : .ok)
        }
        api.add(.GET, "one-window/{id}", summary: "One desk request", tag: "one-window", access: .permission(.eventsTriage),
                response: OneWindowRequestDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let request = try await OneWindowStore.find(id, on: req.db),
                  principal.unitPath.contains(request.unitPath)
            else { throw GridHTTPError.notFound }
            return try await service(req).dto(request, language: req.language, on: req.db)
        }
        api.add(.POST, "one-window/{id}/actions/{action}",
                summary: "hand_over (to the back office; sets the deadline in working days), complete (outcome) or reject (reason)",
                tag: "one-window", access: .permission(.eventsTriage), body: OneWindowActionDTO.self,
                response: OneWindowRequestDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let action = req.parameters.get("action") else {
                throw GridHTTPError.notFound
            }
            let input = (try? req.decodeBody(OneWindowActionDTO.self)) ?? OneWindowActionDTO()
            let desk = try service(req)
            let request = try await desk.act(id, action: action, input: input, by: principal, actor: principal.auditActor(for: req), on: req.db)
            return try await desk.dto(request, language: req.language, on: req.db)
        }
    }

    private func service(_ req: Request) throws -> OneWindowService {
        OneWindowService(services: try req.grid)
    }
}

extension OneWindowRegisterDTO: OpenAPIDescribed {
    public static var schemaName: String { "OneWindowRegister" }
    public static var schema: JSONSchema {
        .object(properties: [
            "id": .string(format: "uuid"), "service": .string(description: "A code of the service catalogue"), "applicant_name": .string(),
            "phone": .string(description: "Mainland mobile; stored sealed and hashed"), "note": .nullable(.string()),
            "documents": .array(.string(format: "byte", description: "A photo of a document, Base64")),
        ], required: ["service", "applicant_name", "phone"])
    }
}

extension OneWindowActionDTO: OpenAPIDescribed {
    public static var schemaName: String { "OneWindowAction" }
    public static var schema: JSONSchema {
        .object(properties: ["outcome": .nullable(.string()), "reason": .nullable(.string()), "version": .nullable(.integer())], required: [])
    }
}

extension OneWindowRequestDTO: OpenAPIDescribed {
    public static var schemaName: String { "OneWindowRequest" }
    public static var schema: JSONSchema {
        .object(properties: [
            "id": .string(format: "uuid"), "number": .string(), "unit_path": .string(), "service": .string(), "service_name": .string(),
            "applicant": .string(description: "masked"), "phone": .string(description: "masked"), "note": .string(),
            "state": .string(enumeration: OneWindowState.allCases.map(\.rawValue)), "state_label": .string(), "registered_by": .string(),
            "registered_at": .string(format: "date-time"), "handed_at": .nullable(.string(format: "date-time")),
            "due_on": .nullable(.string(format: "date")), "overdue": .boolean(), "completed_by": .nullable(.string()),
            "completed_at": .nullable(.string(format: "date-time")), "outcome": .nullable(.string()), "version": .integer(),
            "documents": .array(.string(description: "SHA-256 of a stored photo")),
        ], required: ["id", "number", "service", "state", "registered_at", "overdue", "version", "documents"])
    }
}

extension OneWindowQueueDTO: OpenAPIDescribed {
    public static var schemaName: String { "OneWindowQueue" }
    public static var schema: JSONSchema {
        .object(properties: [
            "stats": .object(properties: [
                "by_state": .anyObject(description: "count per state"), "overdue": .integer(), "finished": .integer(),
                "completed_on_time": .integer(), "mean_hours": .nullable(.number()), "mean_working_days": .nullable(.number()),
            ], required: ["by_state", "overdue", "finished", "completed_on_time"]),
            "items": .array(OneWindowRequestDTO.schema),
        ], required: ["stats", "items"])
    }
}

extension OneWindowServicesDTO: OpenAPIDescribed {
    public static var schemaName: String { "OneWindowServices" }
    public static var schema: JSONSchema {
        .object(properties: [
            "items": .array(.object(properties: [
                "code": .string(), "name": .string(), "working_days": .integer(), "documents": .string(),
            ], required: ["code", "name", "working_days", "documents"])),
        ], required: ["items"])
    }
}
