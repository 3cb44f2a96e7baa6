import Foundation
import Vapor

/// The grid worker's installable phone app (网格员移动端) at `/m/`: a static shell (HTML, CSS,
/// plain JavaScript, manifest, service worker) that talks to `/api/v1` with a bearer token and
/// keeps working offline. Nothing here is rendered per user, so the service worker can cache it.
struct MobileController {
    /// Where the app's files lie (`Resources/Public/m`).
    let directory: String

    /// Content types by extension; anything else is not served.
    static let mediaTypes: [String: HTTPMediaType] = [
        "html": HTTPMediaType(type: "text", subType: "html", parameters: ["charset": "utf-8"]),
        "js": HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]),
        "css": HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]),
        "webmanifest": HTTPMediaType(type: "application", subType: "manifest+json", parameters: ["charset": "utf-8"]),
        "svg": HTTPMediaType(type: "image", subType: "svg+xml"),
        "png": HTTPMediaType(type: "image", subType: "png"),
    ]

    func register(_ routes: any RoutesBuilder) {
        // The router reads `/m` and `/m/` alike; the service worker's scope is `/m/`, so the bare
        // path moves there to be controlled (and to resolve the shell's relative links).
        routes.get("m") { req async throws -> Response in
            guard req.url.path.hasSuffix("/") else { return req.redirect(to: "/m/") }
            return try await serve(req, file: "index.html")
        }
        routes.get("m", "**") { req in
            let parts = req.parameters.getCatchall()
            // Flat folder: one file name, no way up, no hidden files.
            guard parts.count == 1, let name = parts.first, !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\\")
            else { throw GridHTTPError.notFound }
            return try await serve(req, file: name)
        }
    }

    private func serve(_ req: Request, file name: String) async throws -> Response {
        guard let ext = name.split(separator: ".").last.map(String.init), let type = Self.mediaTypes[ext] else { throw GridHTTPError.notFound }
        let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { throw GridHTTPError.notFound }
        let response = try await req.fileio.asyncStreamFile(at: path, mediaType: type)
        response.headers.contentType = type
        // The service worker decides what is cached; the browser's own cache must not hold an old
        // shell or worker past a deploy (revalidate each time; the ETag makes that cheap).
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        if name == "sw.js" { response.headers.replaceOrAdd(name: "Service-Worker-Allowed", value: "/m/") }
        // The shell holds a signed-in worker's token in IndexedDB: keep it out of frames.
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        return response
    }
}
