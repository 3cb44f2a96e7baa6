import Foundation
import GridCore
import GridServer
import GridTestSupport
import Testing
import Vapor

/// The grid worker's phone app at /m: the shell, its manifest and its service worker are served
/// with the types browsers insist on (a worker with another type is refused; a manifest must be
/// JSON), revalidated on every load; nothing outside the app's folder is reachable.
@Suite struct MobileAppTests {
    struct Served: Sendable {
        var status: HTTPStatus
        var contentType: String
        var cacheControl: String
        var location: String
        var body: String
    }

    static func get(_ app: Application, _ path: String) async throws -> Served {
        var served = Served(status: .internalServerError, contentType: "", cacheControl: "", location: "", body: "")
        try await app.testing().test(.GET, path, afterResponse: { res in
            served = Served(
                status: res.status, contentType: res.headers.first(name: .contentType) ?? "",
                cacheControl: res.headers.first(name: .cacheControl) ?? "", location: res.headers.first(name: .location) ?? "",
                body: res.body.string)
        })
        return served
    }

    @Test("the shell, manifest, service worker, scripts and icons are served with the right content types and no stale caching")
    func contentTypes() async throws {
        try await TestApp.with { app in
            let shell = try await Self.get(app, "/m/")
            #expect(shell.status == .ok && shell.contentType.hasPrefix("text/html") && shell.body.contains("/m/manifest.webmanifest"))
            #expect(shell.cacheControl == "no-cache")

            let manifest = try await Self.get(app, "/m/manifest.webmanifest")
            #expect(manifest.status == .ok && manifest.contentType.hasPrefix("application/manifest+json"))
            let fields = try JSONSerialization.jsonObject(with: Data(manifest.body.utf8)) as? [String: Any]
            #expect(fields?["scope"] as? String == "/m/" && fields?["start_url"] as? String == "/m/" && fields?["display"] as? String == "standalone")
            #expect((fields?["icons"] as? [[String: Any]])?.isEmpty == false)

            let worker = try await Self.get(app, "/m/sw.js")
            #expect(worker.status == .ok && worker.contentType.hasPrefix("text/javascript"))
            #expect(worker.cacheControl == "no-cache" && worker.body.contains("caches.open"))

            for (path, type) in [("/m/app.js", "text/javascript"), ("/m/queue.js", "text/javascript"), ("/m/app.css", "text/css"),
                                 ("/m/icon.svg", "image/svg+xml")] {
                let file = try await Self.get(app, path)
                #expect(file.status == .ok && file.contentType.hasPrefix(type), "\(path): \(file.status) \(file.contentType)")
            }
        }
    }

    @Test("the bare /m moves to /m/ (the worker's scope); unknown, hidden and escaping paths are not found")
    func pathsOutsideTheApp() async throws {
        try await TestApp.with { app in
            let bare = try await Self.get(app, "/m")
            #expect(bare.status == .seeOther && bare.location == "/m/")
            for path in ["/m/nothing.js", "/m/.hidden.js", "/m/..%2FViews%2Flayout.leaf", "/m/sub/app.js", "/m/README"] {
                #expect(try await Self.get(app, path).status == .notFound, "\(path)")
            }
        }
    }
}
