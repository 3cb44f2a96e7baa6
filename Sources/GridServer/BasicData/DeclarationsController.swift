import Foundation
import GridCore
import GridStore
import Vapor

/// `/api/v1/declarations`: submit without an account (or with a token), look up the outcome by
/// receipt and phone, and the grid worker's review queue.
struct DeclarationsController {
    func register(_ api: APIRouter) {
        api.add(.POST, "declarations", summary: "Declare a new tenant, a move-out or a new employee (自主申报; no account needed)",
                tag: "basic-data", access: .public, body: DeclarationDraft.self, status: .created,
                response: DeclarationReceiptDTO.self) { req, principal in
            let draft = try req.decodeBody(DeclarationDraft.self)
            let declaration = try await DeclarationService(services: try req.grid).submit(
                draft, submittedBy: principal?.auditActor(for: req), on: req.db)
            return DeclarationReceiptDTO(declaration, language: req.language)
        }
        api.add(.GET, "declarations/status", summary: "The outcome of a declaration, by receipt number and the declarant's phone",
                tag: "basic-data", access: .public,
                query: [.query("receipt", .string(), "Receipt number (回执号)"), .query("phone", .string(), "The declarant's mobile number")],
                response: DeclarationStatusDTO.self) { req, _ in
            let declaration = try await DeclarationService(services: try req.grid).status(
                receipt: req.query[String.self, at: "receipt"] ?? "", phone: req.query[String.self, at: "phone"] ?? "", on: req.db)
            return DeclarationStatusDTO(declaration, language: req.language)
        }
        api.add(.GET, "declarations", summary: "The review queue: declarations of the caller's area, oldest first (identifiers masked)",
                tag: "basic-data", access: .permission(.basicDataRead),
                query: [
                    .query("state", .string(enumeration: DeclarationState.allCases.map(\.rawValue)), "State (default pending)"),
                    .query("unit", .string(), "Unit id or code (subtree)"),
                    .query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200"),
                ],
                response: PageDTO<DeclarationDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let services = try req.grid
            var filter = DeclarationStore.Filter(under: try await PeopleController.unit(req, principal).path, state: .pending)
            if let raw = req.query[String.self, at: "state"] {
                guard let state = DeclarationState(rawValue: raw) else {
                    throw ValidationFailure(field: "state", zh: "未知的审核状态“\(raw)”", en: "unknown state '\(raw)'")
                }
                filter.state = state
            }
            let (page, per) = try req.paging()
            let (items, total) = try await DeclarationStore.list(filter, keyRing: services.keyRing, page: page, per: per, on: req.db)
            return PageDTO(items: items.map { Self.dto($0, req.language) }, page: page, per: per, total: total)
        }
        api.add(.GET, "declarations/{id}", summary: "One declaration (identifiers masked)", tag: "basic-data",
                access: .permission(.basicDataRead), response: DeclarationDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            guard let stored = try await DeclarationStore.find(try req.idParameter(), keyRing: try req.grid.keyRing, on: req.db),
                  principal.unitPath.contains(stored.record.gridPath)
            else { throw GridHTTPError.notFound }
            return Self.dto(stored.record, req.language)
        }
        api.add(.POST, "declarations/{id}/review", summary: "Accept (applies the change to the register) or reject (with a reason) a declaration",
                tag: "basic-data", access: .permission(.basicDataWrite), body: DeclarationReviewDTO.self,
                response: DeclarationDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let reviewed = try await DeclarationService(services: try req.grid).review(
                try req.idParameter(), try req.decodeBody(DeclarationReviewDTO.self), scope: principal.unitPath,
                actor: principal.auditActor(for: req), on: req.db)
            return Self.dto(reviewed, req.language)
        }
    }

    static func dto(_ declaration: Declaration, _ language: Language) -> DeclarationDTO {
        DeclarationDTO(
            declaration, language: language, idNumber: Masking.maskIDNumber(declaration.content.idNumber),
            declarantPhone: Masking.maskPhone(declaration.content.declarantPhone.value))
    }
}
