import Foundation
import GridCore
import GridStore
import Vapor

/// The console's sign-in and sign-out. Sign-in is protected against login CSRF by a
/// double-submit cookie; signed-in forms carry the session's own CSRF token.
struct ConsoleAuthController {
    let accounts: AccountService
    static let loginCSRFCookie = "gridgov_login_csrf"

    struct LoginPage: Encodable, Sendable {
        var t: [String: String]
        var lang: String
        var otherLang: String
        var otherLangLabel: String
        var csrf: String
        var username: String
        var error: String?
        var next: String
    }

    struct LoginForm: Content {
        var username: String
        var password: String
        var _csrf: String?
        var next: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get { req async throws -> Response in
            req.redirect(to: req.principal == nil ? "/login" : "/console")
        }
        routes.get("login") { req async throws -> Response in
            if req.principal != nil { return req.redirect(to: "/console") }
            return try await loginPage(req, username: "", error: nil, next: req.query[String.self, at: "next"])
        }
        routes.post("login") { req async throws -> Response in
            let form = try req.content.decode(LoginForm.self)
            let next = Self.safeNext(form.next)
            guard let cookie = req.cookies[Self.loginCSRFCookie]?.string, let sent = form._csrf,
                  constantTimeEquals(cookie, sent)
            else {
                return try await loginPage(req, username: form.username, error: GridHTTPError.csrfMismatch.message.text(in: req.language), next: next)
            }
            do {
                let (issued, _) = try await accounts.login(
                    username: form.username.trimmingCharacters(in: .whitespaces), password: form.password,
                    kind: .session, clientAddress: req.clientAddress, on: req.db)
                let response = req.redirect(to: next ?? "/console")
                response.cookies[AuthenticationMiddleware.sessionCookie] = HTTPCookies.Value(
                    string: issued.secret, expires: issued.expiresAt, isSecure: try req.grid.config.secureCookies,
                    isHTTPOnly: true, sameSite: .lax)
                response.cookies[Self.loginCSRFCookie] = .expired
                return response
            } catch let failure as LoginFailure {
                return try await loginPage(req, username: form.username, error: failure.message.text(in: req.language), next: next)
            }
        }
        routes.post("logout") { req async throws -> Response in
            if let principal = req.principal {
                try await accounts.logout(principal, clientAddress: req.clientAddress, on: req.db)
            }
            let response = req.redirect(to: "/login")
            response.cookies[AuthenticationMiddleware.sessionCookie] = .expired
            return response
        }
        routes.get("lang", ":language") { req async throws -> Response in
            let language = Language(rawValue: req.parameters.get("language") ?? "") ?? .zhHans
            let back = Self.safeNext(req.query[String.self, at: "back"]) ?? "/console"
            let response = req.redirect(to: back)
            response.cookies["lang"] = HTTPCookies.Value(string: language.rawValue, maxAge: 365 * 86400, isHTTPOnly: false, sameSite: .lax)
            return response
        }
    }

    private func loginPage(_ req: Request, username: String, error: String?, next: String?) async throws -> Response {
        let language = req.language
        let strings = try req.grid.strings
        let token = TokenStore.randomSecret()
        let other: Language = language == .zhHans ? .en : .zhHans
        let page = LoginPage(
            t: strings.table(language), lang: language.rawValue, otherLang: other.rawValue,
            otherLangLabel: other == .en ? "English" : "中文", csrf: token, username: username, error: error,
            next: Self.safeNext(next) ?? "")
        let response = try await req.view.render("login", page).encodeResponse(for: req)
        if error != nil { response.status = .unauthorized }
        response.cookies[Self.loginCSRFCookie] = HTTPCookies.Value(string: token, maxAge: 3600, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    /// Only local paths, so a crafted link cannot bounce a user to another site after sign-in.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
        return next
    }
}
