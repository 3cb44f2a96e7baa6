import Foundation
import GridCore
import Vapor

/// The door of every signed-in console page: without a console session the browser goes to the
/// login page (and comes back after), without the page's right the answer is 403.
enum ConsoleGate {
    static func page(
        _ req: Request, titleKey: String, path: String, needs permission: Permission? = nil,
        render: (ShellContext, Principal) async throws -> Response
    ) async throws -> Response {
        guard let principal = req.principal, principal.kind == .session else {
            let next = req.url.string.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return req.redirect(to: "/login?next=\(next)")
        }
        if let permission { try req.grid.policy.check(principal.scope, permission) }
        return try await render(ShellContext(req: req, principal: principal, titleKey: titleKey, activePath: path), principal)
    }
}

/// Times as the console shows them: local to the jurisdiction, to the minute (to the second for
/// the audit log).
struct ConsoleTime {
    private let formatter: DateFormatter

    init(timeZone: TimeZone, seconds: Bool = false) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm"
        self.formatter = formatter
    }

    func text(_ date: Date?) -> String {
        date.map(formatter.string(from:)) ?? ""
    }
}
