import Vapor

/// Returns the request id (the one Vapor logs as `request-id`) as `X-Request-Id`, so a user's
/// error report can be matched to the server's log lines. An incoming id from a proxy is kept.
struct RequestIDMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Request-Id", value: request.id)
        return response
    }
}
