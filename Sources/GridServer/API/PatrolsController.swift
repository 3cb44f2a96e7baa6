import Foundation
import GridCore
import GridStore
import Vapor

/// The patrol log over the API (巡查日志): the phone puts a patrol's state as it goes; staff and
/// the worker read a day's patrols and hours against the four-hour standard.
struct PatrolsController {
    let patrols: PatrolService

    func register(_ api: APIRouter) {
        api.addDynamic(.PUT, "patrols/{id}", summary: "Start, track or stop a patrol (the phone's id; resending changes nothing twice)",
                       tag: "patrols", access: .permission(.patrolRecord), body: PatrolUpsertDTO.self, status: .created,
                       response: PatrolDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let (stored, isNew) = try await patrols.upsert(
                try req.idParameter(), try req.decodeBody(PatrolUpsertDTO.self), by: principal, actor: principal.auditActor(for: req), on: req.db)
            return (patrols.dto(stored, withTrack: true), isNew ? .created : .ok)
        }
        api.add(.GET, "patrols/{id}", summary: "One patrol with its track", tag: "patrols", access: .signedIn,
                response: PatrolDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            guard let stored = try await PatrolStore.find(try req.idParameter(), on: req.db),
                  stored.patrol.workerID == principal.account.id || principal.unitPath.contains(stored.patrol.gridPath)
            else { throw GridHTTPError.notFound }
            return patrols.dto(stored, withTrack: true)
        }
        api.add(.GET, "patrols", summary: "A day's patrols and each worker's hours against the 4-hour standard", tag: "patrols",
                access: .signedIn,
                query: [
                    .query("day", .string(format: "date"), "Local day (default today)"),
                    .query("unit", .string(), "Unit id or code (subtree; default the caller's scope)"),
                    .query("worker", .string(format: "uuid"), "One worker"),
                ],
                response: PatrolDayDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let services = try req.grid
            var day = services.calendar.day(of: services.clock.now)
            if let raw = req.query[String.self, at: "day"] {
                guard let parsed = CalendarDay(iso: raw) else {
                    throw ValidationFailure(field: "day", zh: "日期应为 YYYY-MM-DD", en: "day must be YYYY-MM-DD")
                }
                day = parsed
            }
            var worker = req.query[String.self, at: "worker"].flatMap(UUID.init(uuidString:))
            // Who may see others' patrols: those who read statistics; everyone else sees their own.
            if !principal.holds(.statsRead, policy: services.policy) { worker = principal.account.id }
            var path = principal.unitPath
            if let ref = req.query[String.self, at: "unit"] {
                guard let unit = try await UnitStore.find(idOrCode: ref, on: req.db) else { throw GridHTTPError.notFound }
                try principal.requireInScope(unit.path)
                path = unit.path
            }
            return try await patrols.day(day, under: path, worker: worker, on: req.db)
        }
    }
}
