import GridStore
import Vapor

/// CSRF protection of the public forms (portal, self-declaration), which residents send without
/// an account: the form's token must match a cookie set with the page (double submit).
///
/// A signed-in staff member's browser also carries the console session, whose own CSRF check
/// (`AuthenticationMiddleware`) runs first and wants the session's token: the page then uses
/// that one for the form and the cookie alike, so both checks pass.
struct PublicFormCSRF: Sendable {
    let cookie: String

    /// The token for the page being rendered: the session's, else the browser's current one,
    /// else a new one.
    func token(_ req: Request) -> String {
        if let session = req.principal?.csrfToken { return session }
        if let existing = req.cookies[cookie]?.string, existing.count >= 16, existing.count <= 128 { return existing }
        return TokenStore.randomSecret()
    }

    /// Whether the form's `sent` token is the cookie's.
    func matches(_ req: Request, _ sent: String?) -> Bool {
        guard let value = req.cookies[cookie]?.string, let sent, !sent.isEmpty else { return false }
        return constantTimeEquals(value, sent)
    }

    /// Sets the cookie the next submission is checked against.
    func set(_ response: Response, _ token: String) {
        response.cookies[cookie] = HTTPCookies.Value(string: token, maxAge: 3600, isHTTPOnly: true, sameSite: .strict)
    }
}
