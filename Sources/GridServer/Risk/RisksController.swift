import Foundation
import GridCore
import GridStore
import Vapor

/// `/api/v1/risks`: the risk register (风险台账) of the caller's unit subtree, one risk, an
/// operator's adjustment (with its reason) and the controls; the rules administrators set.
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
        api.add(.GET, "risks/hotspots", summary: "Places where one risk kind was reported again and again within 100 m (高发点位)", tag: "risks",
                access: .permission(.risksRead),
                query: [
                    .query("unit", .string(), "Unit id or code; the caller's own unit when absent"),
                    .query("days", .integer(), "Window in days, 1–90 (default 30)"),
                ],
                response: RiskHotSpotListDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let query = try await RiskQuery.parse(req, principal)
            let days = req.query[Int.self, at: "days"] ?? 30
            guard (1...90).contains(days) else {
                throw ValidationFailure(field: "days", zh: "天数应为 1–90", en: "days must be between 1 and 90")
            }
            let spots = try await risks.hotSpots(under: query.unit.path, days: days, on: req.db)
            return RiskHotSpotListDTO(days: days, items: spots.map { spot in
                RiskHotSpotDTO(
                    kind: spot.kind.rawValue, kindLabel: spot.kind.label.text(in: req.language), gridPath: spot.gridPath.rawValue,
                    lon: spot.centre.lon, lat: spot.centre.lat, count: spot.count, first: spot.first, last: spot.last, events: spot.reportIDs)
            })
        }
        api.add(.GET, "risks/rules", summary: "The risk rules in force: aggravating facts' numbers and level thresholds (风险评估规则)",
                tag: "risks", access: .signedIn, response: RiskRulesDTO.self) { req, principal in
            // Those who read the register and the administrators who set the rules.
            let principal = try APIRouter.signedIn(principal)
            let policy = try req.grid.policy
            guard principal.holds(.risksRead, policy: policy) || principal.holds(.settingsManage, policy: policy) else {
                throw AccessDenial.missingPermission(.risksRead)
            }
            return try await risks.currentRules(on: req.db).settings
        }
        api.add(.PUT, "risks/rules", summary: "Change the risk rules (every field required; 422 names each wrong one); new reports use them at once",
                tag: "risks", access: .permission(.settingsManage), body: RiskRulesDTO.self, response: RiskRulesDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let rules = try await RiskRulesService.update(
                try req.decodeBody(RiskRulesDTO.self), actor: principal.auditActor(for: req), now: try req.grid.clock.now, on: req.db)
            return rules.settings
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
