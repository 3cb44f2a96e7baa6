import Foundation
import GridCore
import GridStore
import Vapor

/// Special rectifications (专项整治) over the API. Members are listed with
/// `GET /api/v1/events?campaign={id}`.
struct CampaignsController {
    let campaigns: CampaignService

    func register(_ api: APIRouter) {
        api.addDynamic(.POST, "campaigns", summary: "Start a special rectification (client-made id; a repeat returns the first)",
                       tag: "campaigns", access: .permission(.eventsDispatch), body: CreateCampaignRequestDTO.self, status: .created,
                       response: CampaignDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let (stored, created) = try await campaigns.create(try req.decodeBody(CreateCampaignRequestDTO.self), by: principal, on: req.db)
            return (try await one(stored, req), created ? .created : .ok)
        }
        api.add(.GET, "campaigns", summary: "Campaigns the caller leads, works in or oversees, with progress", tag: "campaigns",
                access: .permission(.eventsRead),
                query: [
                    .query("include_closed", .boolean(), "Also closed campaigns (default false)"),
                    .query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200"),
                ],
                response: PageDTO<CampaignDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let (page, per) = try req.paging()
            let (items, total) = try await CampaignStore.list(
                visibleTo: principal.unitPath, includeClosed: req.query[Bool.self, at: "include_closed"] ?? false, page: page, per: per, on: req.db)
            return PageDTO(items: try await campaigns.dtos(items, language: req.language, on: req.db), page: page, per: per, total: total)
        }
        api.add(.GET, "campaigns/{id}", summary: "One campaign with its progress", tag: "campaigns", access: .permission(.eventsRead),
                response: CampaignDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            return try await one(try await campaigns.find(try req.idParameter(), by: principal, on: req.db), req)
        }
        api.add(.POST, "campaigns/{id}/events", summary: "Bring events under the campaign (all or none; misfits named by index)",
                tag: "campaigns", access: .permission(.eventsDispatch), body: CampaignMembersRequestDTO.self,
                response: CampaignDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let body = try req.decodeBody(CampaignMembersRequestDTO.self)
            return try await one(try await campaigns.add(body.events, to: try req.idParameter(), by: principal, on: req.db), req)
        }
        api.add(.POST, "campaigns/{id}/close", summary: "End the campaign with a summary (lead department or a centre over it)",
                tag: "campaigns", access: .permission(.eventsRead), body: CloseCampaignRequestDTO.self,
                response: CampaignDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let body = try req.decodeBody(CloseCampaignRequestDTO.self)
            return try await one(try await campaigns.close(try req.idParameter(), note: body.note, by: principal, on: req.db), req)
        }
    }


    private func one(_ stored: CampaignStore.StoredCampaign, _ req: Request) async throws -> CampaignDTO {
        guard let dto = try await campaigns.dtos([stored], language: req.language, on: req.db).first else { throw GridHTTPError.notFound }
        return dto
    }
}
