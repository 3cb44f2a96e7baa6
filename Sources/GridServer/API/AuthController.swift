import Foundation
import GridCore
import GridStore
import Vapor

/// `POST /api/v1/auth/login`, `/logout`, `/password` and `GET /api/v1/me`.
struct AuthController {
    let accounts: AccountService

    func register(_ api: APIRouter) {
        api.add(.POST, "auth/login", summary: "Sign in and get a bearer token", tag: "auth", access: .public,
                body: LoginRequestDTO.self, response: LoginResponseDTO.self) { req, _ in
            let body = try req.decodeBody(LoginRequestDTO.self)
            let (issued, account) = try await accounts.login(
                username: body.username, password: body.password, kind: .api, clientAddress: req.clientAddress, on: req.db)
            return LoginResponseDTO(token: issued.secret, expiresAt: issued.expiresAt, user: account.dto)
        }
        api.addNoContent(.POST, "auth/logout", summary: "Revoke the token used for this call", tag: "auth", access: .signedIn) { req, principal in
            try await accounts.logout(APIRouter.signedIn(principal), clientAddress: req.clientAddress, on: req.db)
        }
        api.addNoContent(.POST, "auth/password", summary: "Change one's own password (ends other sessions)", tag: "auth",
                         access: .signedIn, body: ChangePasswordRequestDTO.self) { req, principal in
            let body = try req.decodeBody(ChangePasswordRequestDTO.self)
            try await accounts.changePassword(
                APIRouter.signedIn(principal), current: body.currentPassword, new: body.newPassword,
                clientAddress: req.clientAddress, on: req.db)
        }
        api.add(.GET, "me", summary: "The signed-in user, roles, scope unit and permissions", tag: "auth",
                access: .signedIn, response: UserDTO.self) { req, principal in
            let principal = try APIRouter.signedIn(principal)
            var dto = principal.account.dto
            dto.permissions = try req.grid.policy.table.permissions(of: principal.account.roles).map(\.rawValue).sorted()
            return dto
        }
    }
}
