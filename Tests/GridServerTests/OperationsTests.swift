import Foundation
import GridCore
import GridServer
import GridStore
import GridTestSupport
import Testing
import Vapor

/// Health, metrics and start-up failures.
@Suite struct OperationsTests {
    @Test("/healthz reports the database and its engine")
    func health() async throws {
        try await TestApp.with(seedDemo: false) { app in
            let (status, body) = try await app.call(.GET, "/healthz")
            #expect(status == .ok)
            #expect(body.contains("\"database\":\"ok\""))
            #expect(body.contains("\"engine\":\"\(TestDatabase.engineName)\""))
        }
    }

    @Test("every answer carries the request id the log lines carry, errors too")
    func requestID() async throws {
        try await TestApp.with(seedDemo: false) { app in
            try await app.testing().test(.GET, "/api/v1/me", beforeRequest: { req in
                req.headers.replaceOrAdd(name: "X-Request-Id", value: "trace-42")
            }, afterResponse: { res in
                #expect(res.status == .unauthorized)
                #expect(res.headers.first(name: "X-Request-Id") == "trace-42")
            })
            try await app.testing().test(.GET, "/healthz", afterResponse: { res in
                #expect(UUID(uuidString: res.headers.first(name: "X-Request-Id") ?? "") != nil)
            })
        }
    }

    @Test("/metrics counts requests per route pattern and status")
    func metrics() async throws {
        try await TestApp.with { app in
            let token = try await app.token("admin")
            _ = try await app.call(.GET, "/api/v1/units/510117001", token: token)
            _ = try await app.call(.GET, "/api/v1/units/\(UUID())", token: token)
            _ = try await app.call(.GET, "/healthz")
            let (status, body) = try await app.call(.GET, "/metrics")
            #expect(status == .ok)
            #expect(body.contains(#"gridgov_http_requests_total{method="GET",route="/api/v1/units/:id",status="200"} 1"#))
            #expect(body.contains(#"gridgov_http_requests_total{method="GET",route="/api/v1/units/:id",status="404"} 1"#))
            #expect(body.contains("gridgov_http_request_duration_seconds_bucket"))
            #expect(body.contains("gridgov_db_pool_max_connections"))
            #expect(body.contains("gridgov_db_up 1"))
        }
    }

    @Test("an unreachable PostgreSQL stops start-up with one sentence")
    func unreachableDatabase() async throws {
        let app = try await Application.make(.testing)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gridgov-\(UUID())").path
        let config = ServerConfig(
            database: .postgres(url: "postgres://gridgov:secret@127.0.0.1:1/gridgov"), keyFile: scratch + ".key",
            dataDirectory: scratch, bcryptCost: 4)
        do {
            try await configure(app, config)
            Issue.record("configure should fail")
        } catch let error as ConfigurationError {
            guard case .databaseUnreachable(let location, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(location.contains("***"), "the password must not be printed")
            #expect(!error.reason.en.contains("\n"))
            #expect(error.reason.en.hasPrefix("Cannot reach the database"))
        }
        try await app.asyncShutdown()
    }

    @Test("an unreadable key file stops start-up with one sentence")
    func unreadableKeyFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gridgov-key-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // A directory where the key file should be: neither readable as a key nor creatable.
        #expect(throws: ConfigurationError.self) { _ = try KeyRing.loadOrCreate(path: directory.path) }
        let garbage = directory.appendingPathComponent("bad.key")
        try Data("not a key".utf8).write(to: garbage)
        #expect(throws: ConfigurationError.keyFileInvalid(path: garbage.path)) { _ = try KeyRing.loadOrCreate(path: garbage.path) }
    }
}
