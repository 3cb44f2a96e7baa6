import Foundation
import GridCore
import GridStore
import Vapor

/// `GET /api/v1/audit`: the audit log for administrators, newest first, filterable.
struct AuditController {
    func register(_ api: APIRouter) {
        api.add(.GET, "audit", summary: "The append-only audit log", tag: "audit", access: .permission(.auditRead),
                query: [
                    .query("actor", .uuid, "Only actions by this user id"),
                    .query("action", .string(), "Only this action, e.g. user.created"),
                    .query("target_type", .string(), "Only this kind of target, e.g. user, unit"),
                    .query("target_id", .string(), "Only this target"),
                    .query("from", .dateTime, "From this time (inclusive)"),
                    .query("to", .dateTime, "Until this time (exclusive)"),
                    .query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200"),
                ],
                response: PageDTO<AuditEntryDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let (page, per) = try req.paging()
            let filter = try AuditLog.Filter(
                actorID: uuid(req, "actor"), action: req.query[String.self, at: "action"],
                targetType: req.query[String.self, at: "target_type"], targetID: req.query[String.self, at: "target_id"],
                from: date(req, "from"), to: date(req, "to"), scope: principal.unitPath)
            return try await AuditLog.list(filter, page: page, per: per, on: req.db)
        }
    }

    private func uuid(_ req: Request, _ name: String) throws -> UUID? {
        guard let raw = req.query[String.self, at: name] else { return nil }
        guard let id = UUID(uuidString: raw) else {
            throw ValidationFailure(field: name, zh: "应为 UUID", en: "must be a UUID")
        }
        return id
    }

    private func date(_ req: Request, _ name: String) throws -> Date? {
        guard let raw = req.query[String.self, at: name] else { return nil }
        guard let date = ISO8601DateFormatter().date(from: raw) else {
            throw ValidationFailure(field: name, zh: "应为 RFC 3339 时间，如 2026-01-31T08:00:00Z", en: "must be an RFC 3339 time such as 2026-01-31T08:00:00Z")
        }
        return date
    }
}
