import Foundation
import Vapor

/// Serves the console's own assets (`/static/…`, from the bundle) and Debian's shared browser
/// libraries (`/javascript/…`, from /usr/share/javascript: libjs-leaflet, libjs-chart.js).
struct StaticFilesController {
    let bundledDirectory: String
    let javascriptDirectory: String

    func register(_ routes: any RoutesBuilder) {
        routes.get("static", "**") { req in try await serve(req, root: bundledDirectory) }
        routes.get("javascript", "**") { req in try await serve(req, root: javascriptDirectory) }
    }

    private func serve(_ req: Request, root: String) async throws -> Response {
        let parts = req.parameters.getCatchall()
        // No way out of the root: no "..", no hidden files, no empty segments.
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\\") }) else {
            throw GridHTTPError.notFound
        }
        let path = URL(fileURLWithPath: root).appendingPathComponent(parts.joined(separator: "/")).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard path.hasPrefix(URL(fileURLWithPath: root).standardizedFileURL.path + "/"),
              FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { throw GridHTTPError.notFound }
        let response = try await req.fileio.asyncStreamFile(at: path)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
