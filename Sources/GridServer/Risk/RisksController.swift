import Foundation
import GridCore
import GridStore
import Vapor

/// `/api/v1/risks`: the risk register (风险台账) of the caller's unit subtree, one risk, an
/// operator's adjustment (with its reason) and the controls.
struct RisksController {
    let risks: RiskService

    func register(_ api: APIRouter) {
        api.add(.GET, "risks", summary: "Risks of events under a unit, highest score first (风险台账)", tag: "risks",
                access: .permission(.risksRead),
                query: [
                    .query("unit", .string(), "Unit id or code; the caller's own unit when absent"),
                    .query("level", .string(), "general, important or major (comma-separated for several)"),
                    .query("state", .string(), "open, controlled or closed (comma-separated for several)"),
                    .query("kind", .string(enumeration: RiskKind.allCases.map(\.rawValue)), "One risk kind"),
                    .query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200"),
                ],
                response: PageDTO<RiskDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let query = try await RiskQuery.parse(req, principal)
            let (page, per) = try req.paging()
            let (items, total) = try await RiskStore.list(query.filter, page: page, per: per, on: req.db)
            return PageDTO(items: items.map { risks.dto($0, language: req.language) }, page: page, per: per, total: total)
        }
        api.add(.GET, "risks/{id}", summary: "One risk with its facts, adjustments and controls (the id is the event's)", tag: "risks",
                access: .permission(.risksRead), response: RiskDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            return risks.dto(try await risks.find(try req.idParameter(), by: principal, on: req.db), language: req.language)
        }
        api.add(.POST, "risks/{id}/adjust", summary: "Set likelihood and severity (1–5) with a reason; a risk that becomes major warns the district",
                tag: "risks", access: .permission(.risksManage), body: AdjustRiskRequestDTO.self, response: RiskDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let risk = try await risks.adjust(try req.idParameter(), try req.decodeBody(AdjustRiskRequestDTO.self), by: principal, on: req.db)
            return risks.dto(risk, language: req.language)
        }
        api.add(.POST, "risks/{id}/measures", summary: "Record control measures, the responsible unit and person, and the plan a major risk needs",
                tag: "risks", access: .permission(.risksManage), body: RiskMeasuresRequestDTO.self, response: RiskDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let risk = try await risks.control(try req.idParameter(), try req.decodeBody(RiskMeasuresRequestDTO.self), by: principal, on: req.db)
            return risks.dto(risk, language: req.language)
        }
    }
}
