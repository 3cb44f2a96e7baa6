import FluentKit
import Foundation
import GridCore
import GridServer
import GridStore
import Vapor
import VaporTesting

/// Runs `body` with a fresh, configured application on a fresh database, with the small demo
/// district and its accounts loaded (password `TestApp.password`), and always shuts it down.
public enum TestApp {
    public static let password = "test-password-1"

    public static func with<T: Sendable>(
        seedDemo: Bool = true,
        adjust: @Sendable (inout ServerConfig) -> Void = { _ in },
        _ body: @Sendable (Application) async throws -> T
    ) async throws -> T {
        let lease = try await TestDatabase.lease()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gridgov-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var config = ServerConfig(
            database: lease.location, postgresSearchPath: lease.searchPath, port: 0,
            keyFile: scratch.appendingPathComponent("gridgov.key").path,
            dataDirectory: scratch.appendingPathComponent("data").path,
            bcryptCost: 4)
        adjust(&config)
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config)
            if seedDemo {
                try await DemoSeeder(services: app.grid).load(scale: .small, password: password, events: false, on: app.db)
            }
            let result = try await body(app)
            try await app.asyncShutdown()
            await TestDatabase.release(lease)
            try? FileManager.default.removeItem(at: scratch)
            return result
        } catch {
            try? await app.asyncShutdown()
            await TestDatabase.release(lease)
            try? FileManager.default.removeItem(at: scratch)
            throw error
        }
    }
}

extension Application {
    /// Signs in through the API and returns the bearer token.
    public func token(_ username: String, password: String = TestApp.password) async throws -> String {
        var token: String?
        try await testing().test(.POST, "/api/v1/auth/login", beforeRequest: { req in
            req.headers.contentType = .json
            req.body = ByteBuffer(data: try JSONEncoder().encode(LoginRequestDTO(username: username, password: password)))
        }, afterResponse: { res in
            guard res.status == .ok else { throw TestSupportError.unexpected("login \(username): \(res.status) \(res.body.string)") }
            token = try JSONDecoder.iso8601.decode(LoginResponseDTO.self, from: Data(buffer: res.body)).token
        })
        guard let token else { throw TestSupportError.unexpected("no token") }
        return token
    }

    /// Sends a JSON request as the bearer of `token` and returns status and body.
    public func call(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: (any Encodable & Sendable)? = nil
    ) async throws -> (status: HTTPStatus, body: String) {
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await testing().test(method, path, beforeRequest: { req in
            if let token { req.headers.bearerAuthorization = BearerAuthorization(token: token) }
            if let json {
                req.headers.contentType = .json
                req.body = ByteBuffer(data: try JSONEncoder().encode(json))
            }
        }, afterResponse: { res in
            result = (res.status, res.body.string)
        })
        return result
    }

    /// Sends a raw body (GeoJSON files) as JSON.
    public func call(_ method: HTTPMethod, _ path: String, token: String? = nil, raw: String) async throws -> (status: HTTPStatus, body: String) {
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await testing().test(method, path, beforeRequest: { req in
            if let token { req.headers.bearerAuthorization = BearerAuthorization(token: token) }
            req.headers.contentType = .json
            req.body = ByteBuffer(string: raw)
        }, afterResponse: { res in
            result = (res.status, res.body.string)
        })
        return result
    }

    /// Decodes a response body with the API's date format.
    public func decode<T: Decodable>(_ type: T.Type, _ body: String) throws -> T {
        try JSONDecoder.iso8601.decode(T.self, from: Data(body.utf8))
    }

    public func unit(code: String) async throws -> OrgUnit {
        guard let unit = try await UnitStore.find(code: code, on: db) else { throw TestSupportError.unexpected("no unit \(code)") }
        return unit
    }

    public func auditCount() async throws -> Int {
        try await AuditLog.count(on: db)
    }

    /// Creates an extra account directly (bcrypt cost of the test config).
    @discardableResult
    public func makeUser(_ username: String, role: Role, unit: String) async throws -> UserAccount {
        try await AccountService(services: grid).create(
            .init(username: username, displayName: username, password: TestApp.password, roles: [role.rawValue], unit: unit),
            scope: nil, actor: .system, on: db)
    }
}

extension JSONDecoder {
    public static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
