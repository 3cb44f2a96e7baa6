import Foundation
import GridCore
import GridStore
import Vapor

/// Resolves a bearer token or the console's session cookie into a `Principal`. It never refuses a
/// request by itself: the endpoint's access rule does (401 when a sign-in is needed).
/// Requests that change something with a session cookie must carry the session's CSRF token.
struct AuthenticationMiddleware: AsyncMiddleware {
    static let sessionCookie = "gridgov_session"
    static let csrfHeader = "X-CSRF-Token"
    static let csrfField = "_csrf"
    /// The largest console form accepted (the event page's photos, import files).
    static let maxFormBytes = 40 * 1024 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let services = try request.grid
        if let bearer = request.headers.bearerAuthorization?.token {
            request.principal = try await principal(secret: bearer, expecting: .api, on: request, services: services)
            if request.principal == nil {
                // A token that was sent but is wrong, expired or revoked is an error, not an anonymous call.
                throw GridHTTPError.unauthenticated
            }
        } else if let cookie = request.cookies[Self.sessionCookie]?.string {
            if let found = try await principal(secret: cookie, expecting: .session, on: request, services: services) {
                if Self.isUnsafe(request.method) {
                    try await checkCSRF(request, expected: found.csrfToken)
                }
                request.principal = found
            }
        }
        return try await next.respond(to: request)
    }

    private func principal(
        secret: String, expecting kind: TokenStore.Kind, on request: Request, services: GridServices
    ) async throws -> Principal? {
        let now = services.clock.now
        guard let token = try await TokenStore.resolve(secret, on: request.db, now: now), token.kind == kind,
              let account = try await UserStore.find(id: token.userID, on: request.db), !account.disabled
        else { return nil }
        return Principal(account: account, tokenID: token.id, kind: token.kind, csrfToken: token.csrfToken)
    }

    private func checkCSRF(_ request: Request, expected: String?) async throws {
        var presented = request.headers.first(name: Self.csrfHeader)
        if presented == nil, let contentType = request.headers.contentType,
           contentType == .urlEncodedForm || contentType == .formData {
            // Middleware runs before the route collects the body: a form larger than the first
            // chunk (an import file, photos) is still streaming, so collect it here first.
            if request.body.data == nil {
                _ = try await request.body.collect(max: Self.maxFormBytes).get()
            }
            presented = try? request.content.get(String.self, at: Self.csrfField)
        }
        guard let expected, let presented, constantTimeEquals(expected, presented) else {
            throw GridHTTPError.csrfMismatch
        }
    }

    static func isUnsafe(_ method: HTTPMethod) -> Bool {
        ![.GET, .HEAD, .OPTIONS].contains(method)
    }
}

/// Compares secrets without an early exit, so timing does not reveal how much matched.
func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}
