import Foundation
import GridCore
import GridServer
import GridTestSupport
import Vapor

/// Calling Open311 as an outside client does: form-encoded POSTs, plain GETs.
enum Open311Support {
    static let demoKey = "gridgov-demo-key"

    /// A form body from pairs, percent-encoded.
    static func form(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map { key, value in
            (key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key) + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }.joined(separator: "&")
    }

    /// A report of a blocked fire lane inside grid 510117001001001, as form pairs (WGS-84 point).
    static func fireLane(_ app: Application, key: String = demoKey, extra: [(String, String)] = []) async throws -> [(String, String)] {
        let worker = try await app.token("gridworker")
        let report = try await EventFixtures.report(app, worker)
        return [
            ("api_key", key), ("service_code", EventFixtures.fireLaneType), ("lat", String(report.location.lat)),
            ("long", String(report.location.lon)), ("attribute[blocked_by]", "杂物"), ("description", "3号楼消防通道被杂物堵塞"),
            ("email", "resident@example.com"), ("first_name", "张"), ("phone", "13912345678"),
            ("media_url", "https://example.com/photo.jpg"),
        ] + extra
    }
}

extension Application {
    /// A form-encoded POST; answers status, content type and body.
    func postForm(_ path: String, _ body: String) async throws -> (status: HTTPStatus, type: String, body: String) {
        var result: (HTTPStatus, String, String) = (.internalServerError, "", "")
        try await testing().test(.POST, path, beforeRequest: { req in
            req.headers.contentType = .urlEncodedForm
            req.body = ByteBuffer(string: body)
        }, afterResponse: { res in
            result = (res.status, res.headers.first(name: .contentType) ?? "", res.body.string)
        })
        return result
    }

    /// A GET; answers status, content type and body.
    func getOpen311(_ path: String) async throws -> (status: HTTPStatus, type: String, body: String) {
        var result: (HTTPStatus, String, String) = (.internalServerError, "", "")
        try await testing().test(.GET, path, afterResponse: { res in
            result = (res.status, res.headers.first(name: .contentType) ?? "", res.body.string)
        })
        return result
    }
}

/// JSON bodies as plain values.
func jsonArray(_ body: String) throws -> [[String: Any]] {
    guard let array = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]] else {
        throw TestSupportError.unexpected("not a JSON array: \(body.prefix(200))")
    }
    return array
}

func jsonObject(_ body: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
        throw TestSupportError.unexpected("not a JSON object: \(body.prefix(200))")
    }
    return object
}
