import Foundation
import GridClient
import GridCore
import GridStore
import GridTestSupport
import Testing
import Vapor

/// The SDK against a real server on 127.0.0.1, over real HTTP.
@Suite struct GridClientTests {
    /// Starts the app's HTTP server on a free loopback port for the body's duration.
    static func serving<T: Sendable>(_ app: Application, _ body: @Sendable (URL) async throws -> T) async throws -> T {
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port,
              let url = URL(string: "http://127.0.0.1:\(port)")
        else { throw TestSupportError.unexpected("no port") }
        do {
            let result = try await body(url)
            await app.server.shutdown()
            return result
        } catch {
            await app.server.shutdown()
            throw error
        }
    }

    @Test("sign in, read oneself and one's part of the tree, sign out")
    func signInAndRead() async throws {
        try await TestApp.with { app in
            try await Self.serving(app) { url in
                let client = GridClient(baseURL: url)
                let login = try await client.login(username: "street_op", password: TestApp.password)
                #expect(login.user.unit.name == "郫筒街道")
                let me = try await client.me()
                #expect(me.roles == [.streetOperator])
                #expect(me.permissions?.contains("events.dispatch") == true)
                let tree = try await client.units(depth: 2)
                #expect(tree.items.first?.code == "510117001")
                #expect(tree.items.first?.children?.contains { $0.code == "510117001001" } == true)
                let community = try await client.unit("510117001001")
                #expect(community.ancestors?.map(\.code) == ["510117", "510117001"])
                // the audit row carries the real client address
                let rows = try await AuditLog.list(.init(action: "auth.login"), page: 1, per: 5, on: app.db)
                #expect(rows.items.first?.clientAddress == "127.0.0.1")
                try await client.logout()
                await #expect(throws: GridClientError.self) { _ = try await client.me() }
            }
        }
    }

    @Test("errors carry the status and the server's field-level message")
    func errors() async throws {
        try await TestApp.with { app in
            try await Self.serving(app) { url in
                let client = GridClient(baseURL: url)
                do {
                    try await client.login(username: "street_op", password: "wrong-password")
                    Issue.record("login should fail")
                } catch let error as GridClientError {
                    #expect(error.status == 401)
                    #expect(error.failure?.code == "invalid_credentials")
                    #expect(error.failure?.message == "用户名或密码错误")
                }
                try await client.login(username: "community_op", password: TestApp.password)
                do {
                    _ = try await client.unit("510117002001")
                    Issue.record("out of scope must fail")
                } catch let error as GridClientError {
                    #expect(error.status == 404)
                }
            }
        }
    }
}
