import Foundation
import GridCore
import GridStore
import Vapor

/// Accounts inside the caller's scope: `GET/POST /api/v1/users`, `GET/PATCH /api/v1/users/{id}`.
struct UsersController {
    let accounts: AccountService

    func register(_ api: APIRouter) {
        api.add(.GET, "users", summary: "Accounts whose scope lies inside the caller's", tag: "users",
                access: .permission(.usersRead),
                query: [.query("page", .integer(), "Page from 1"), .query("per", .integer(), "Items per page, 1–200")],
                response: PageDTO<UserDTO>.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let (page, per) = try req.paging()
            let (items, total) = try await UserStore.list(under: principal.unitPath, page: page, per: per, on: req.db)
            return PageDTO(items: items.map(\.dto), page: page, per: per, total: total)
        }
        api.add(.POST, "users", summary: "Create an account", tag: "users", access: .permission(.usersManage),
                body: CreateUserRequestDTO.self, status: .created, response: UserDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let body = try req.decodeBody(CreateUserRequestDTO.self)
            let new = AccountService.NewAccount(
                username: body.username, displayName: body.displayName, password: body.password, roles: body.roles, unit: body.unit)
            return try await accounts.create(new, scope: principal.unitPath, actor: req.auditActor, on: req.db).dto
        }
        api.add(.GET, "users/{id}", summary: "One account", tag: "users", access: .permission(.usersRead),
                response: UserDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let id = try req.idParameter()
            guard let account = try await UserStore.find(id: id, on: req.db)
            else { throw GridHTTPError.notFound }
            try principal.requireInScope(account.unit.path)
            return account.dto
        }
        api.add(.PATCH, "users/{id}", summary: "Change roles, unit, name, password; disable or enable", tag: "users",
                access: .permission(.usersManage), body: UpdateUserRequestDTO.self, response: UserDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            let id = try req.idParameter()
            let body = try req.decodeBody(UpdateUserRequestDTO.self)
            return try await accounts.update(id, body, scope: principal.unitPath, actor: req.auditActor, on: req.db).dto
        }
    }
}
