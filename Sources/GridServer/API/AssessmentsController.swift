import Foundation
import GridCore
import GridStore
import Vapor

/// Assessment over the API (考核): schemes, runs (drafts, then published and frozen) and the
/// ten best grid workers of a period.
struct AssessmentsController {
    let assessments: AssessmentService

    func register(_ api: APIRouter) {
        api.add(.GET, "assessments/schemes", summary: "Assessment schemes of the three circles", tag: "assessments",
                access: .permission(.statsRead), response: AssessmentSchemeListDTO.self) { req, _ in
            AssessmentSchemeListDTO(items: try await AssessmentStore.schemeList(on: req.db))
        }
        api.add(.PUT, "assessments/schemes/{id}", summary: "Create or change a scheme (indicators, weights, rules, grade bands, forced distribution)",
                tag: "assessments", access: .permission(.assessmentManage), body: AssessmentScheme.self,
                response: AssessmentScheme.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            var scheme = try req.decodeBody(AssessmentScheme.self)
            scheme.id = try req.idParameter()
            try await assessments.save(scheme, unitPath: principal.unitPath, actor: principal.auditActor(for: req), on: req.db)
            return scheme
        }
        api.add(.POST, "assessments/runs", summary: "Score a scheme for a unit and a period (a draft, re-runnable until published)",
                tag: "assessments", access: .permission(.statsRead), body: AssessmentRunRequestDTO.self, status: .created,
                response: AssessmentRunDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let request = try req.decodeBody(AssessmentRunRequestDTO.self)
            let unit = try await Self.unit(request.unit, req, principal)
            let run = try await assessments.run(request, unit: unit, actor: principal.auditActor(for: req), on: req.db)
            return AssessmentService.dto(run)
        }
        api.add(.GET, "assessments/runs/{id}", summary: "One run with every score's breakdown", tag: "assessments",
                access: .permission(.statsRead), response: AssessmentRunDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            guard let run = try await AssessmentStore.run(try req.idParameter(), on: req.db), principal.unitPath.contains(run.unitPath) else {
                throw GridHTTPError.notFound
            }
            return AssessmentService.dto(run)
        }
        api.add(.GET, "assessments/runs/{id}/trace", summary: "The events, patrols or visits behind one item of one subject's score, with what each adds",
                tag: "assessments", access: .permission(.statsRead),
                query: [
                    .query("subject", .string(), "A result's key: a worker's id, or a unit's code"),
                    .query("item", .string(), "An item's indicator id"),
                    .query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200"),
                ],
                response: AssessmentTraceDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            guard let run = try await AssessmentStore.run(try req.idParameter(), on: req.db), principal.unitPath.contains(run.unitPath) else {
                throw GridHTTPError.notFound
            }
            let (page, per) = try req.paging()
            return try await AssessmentTraceService(services: try req.grid).trace(
                run, subject: req.query[String.self, at: "subject"] ?? "", item: req.query[String.self, at: "item"] ?? "",
                page: page, per: per, language: req.language, on: req.db)
        }
        api.add(.POST, "assessments/runs/{id}/publish", summary: "Publish a run: its results are frozen", tag: "assessments",
                access: .permission(.assessmentManage), response: AssessmentRunDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let published = try await assessments.publish(try req.idParameter(), by: principal, actor: principal.auditActor(for: req), on: req.db)
            return AssessmentService.dto(published)
        }
        api.add(.GET, "assessments/top-workers", summary: "The ten best grid workers of a period by the default worker scheme (十佳网格员)",
                tag: "assessments", access: .permission(.statsRead),
                query: [
                    .query("unit", .string(), "Unit id or code; the caller's own unit when absent"),
                    .query("period", .string(), "A period such as 2026-11 (default: last month)"),
                ],
                response: AssessmentRunDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let unit = try await Self.unit(req.query[String.self, at: "unit"], req, principal)
            let period = try req.query[String.self, at: "period"].map { try StatPeriod(parsing: $0) } ?? Self.lastMonth(try req.grid)
            return try await assessments.topWorkers(under: unit, period: period, on: req.db)
        }
    }

    static func lastMonth(_ services: GridServices) -> StatPeriod {
        StatPeriod.containing(services.calendar.day(of: services.clock.now), length: "month").previous
    }

    static func unit(_ reference: String?, _ req: Request, _ principal: Principal) async throws -> OrgUnit {
        guard let reference, !reference.isEmpty else { return principal.account.unit }
        guard let unit = try await UnitStore.find(idOrCode: reference, on: req.db) else {
            throw ValidationFailure(field: "unit", zh: "找不到单位“\(reference)”", en: "no unit '\(reference)' was found")
        }
        try principal.requireInScope(unit.path)
        return unit
    }
}
