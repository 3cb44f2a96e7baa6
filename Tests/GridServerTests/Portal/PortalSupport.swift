import Foundation
import GridCore
import GridServer
import GridTestSupport
import Vapor

/// Posting to the residents' portal as a browser does: a double-submit token in cookie and form,
/// multipart for the report (with photos), form-encoded for the lookup and the rating.
enum PortalSupport {
    static let csrf = "portal-test-token-0123456789"
    static let phone = "13912345678"
    /// A 1×1 PNG.
    static let png: [UInt8] = Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==") ?? Data())

    struct Answer {
        var status: HTTPStatus
        var body: String
        var headers: HTTPHeaders
    }

    /// The fields of a good report of a blocked fire lane in grid 510117001001001 (WGS-84 pin).
    static func fireLane(_ app: Application, phone: String = phone, extra: [(String, String)] = []) async throws -> [(String, String)] {
        let worker = try await app.token("gridworker")
        let report = try await EventFixtures.report(app, worker)
        return [
            ("_csrf", csrf), ("form_id", UUID().uuidString), ("type", EventFixtures.fireLaneType), ("description", "3号楼消防通道被杂物堵塞，车辆无法通行"),
            ("attr[blocked_by]", "杂物"), ("phone", phone), ("lon", String(report.location.lon)), ("lat", String(report.location.lat)),
            ("datum", "wgs84"), ("website", ""),
        ] + extra
    }

    /// A multipart POST of `fields` and `photos` to /portal/report.
    static func report(
        _ app: Application, _ fields: [(String, String)], photos: [[UInt8]] = [png], cookie: String = csrf
    ) async throws -> Answer {
        let boundary = "----gridgov-portal-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for (index, photo) in photos.enumerated() {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"photos[]\"; filename=\"p\(index).png\"\r\nContent-Type: image/png\r\n\r\n".utf8))
            body.append(Data(photo))
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await send(app, "/portal/report", contentType: "multipart/form-data; boundary=\(boundary)", body: body, cookie: cookie)
    }

    /// A form-encoded POST (lookup or rating).
    static func post(_ app: Application, _ path: String, _ fields: [(String, String)]) async throws -> Answer {
        let body = Open311Support.form(fields)
        return try await send(app, path, contentType: "application/x-www-form-urlencoded", body: Data(body.utf8), cookie: csrf)
    }

    static func lookup(_ app: Application, ticket: String, phone: String) async throws -> Answer {
        try await post(app, "/portal/status", [("_csrf", csrf), ("ticket", ticket), ("phone", phone)])
    }

    static func get(_ app: Application, _ path: String) async throws -> Answer {
        var answer = Answer(status: .internalServerError, body: "", headers: [:])
        try await app.testing().test(.GET, path, afterResponse: { res in
            answer = Answer(status: res.status, body: res.body.string, headers: res.headers)
        })
        return answer
    }

    private static func send(_ app: Application, _ path: String, contentType: String, body: Data, cookie: String) async throws -> Answer {
        var answer = Answer(status: .internalServerError, body: "", headers: [:])
        try await app.testing().test(.POST, path, beforeRequest: { req in
            req.headers.replaceOrAdd(name: .contentType, value: contentType)
            req.headers.replaceOrAdd(name: .cookie, value: "\(csrfCookie)=\(cookie)")
            req.body = ByteBuffer(data: body)
        }, afterResponse: { res in
            answer = Answer(status: res.status, body: res.body.string, headers: res.headers)
        })
        return answer
    }

    static let csrfCookie = "gridgov_portal_csrf"

    /// The ticket number on a report's answer page.
    static func ticket(_ body: String) -> String? {
        guard let start = body.range(of: "<strong id=\"ticket\">"), let end = body.range(of: "</strong>", range: start.upperBound..<body.endIndex) else { return nil }
        return String(body[start.upperBound..<end.lowerBound])
    }

    /// The fields named in a refusal's error list (`data-field`).
    static func fields(_ body: String) -> [String] {
        body.components(separatedBy: "data-field=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }
}
