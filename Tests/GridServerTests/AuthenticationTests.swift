import Foundation
import GridCore
import GridTestSupport
import Testing
import Vapor

/// Sign-in, lockout, token expiry and revocation.
@Suite struct AuthenticationTests {
    @Test("five wrong passwords lock the account for 15 minutes, even against the right password")
    func lockout() async throws {
        try await TestApp.with { app in
            let wrong = LoginRequestDTO(username: "street_op", password: "not-the-password")
            for attempt in 1...4 {
                let (status, body) = try await app.call(.POST, "/api/v1/auth/login", json: wrong)
                #expect(status == .unauthorized, "attempt \(attempt)")
                #expect(body.contains("invalid_credentials"))
            }
            let (fifth, fifthBody) = try await app.call(.POST, "/api/v1/auth/login", json: wrong)
            #expect(fifth == .locked)
            #expect(fifthBody.contains("account_locked"))
            let right = LoginRequestDTO(username: "street_op", password: TestApp.password)
            #expect(try await app.call(.POST, "/api/v1/auth/login", json: right).status == .locked)
            // 14 minutes later: still locked
            try app.grid.clock.advance(by: 14 * 60)
            #expect(try await app.call(.POST, "/api/v1/auth/login", json: right).status == .locked)
            // after 15 minutes the right password works and the count starts again
            try app.grid.clock.advance(by: 61)
            #expect(try await app.call(.POST, "/api/v1/auth/login", json: right).status == .ok)
            #expect(try await app.call(.POST, "/api/v1/auth/login", json: wrong).status == .unauthorized)
        }
    }

    @Test("a wrong password in Chinese and in English")
    func messagesAreLocalised() async throws {
        try await TestApp.with { app in
            var english = ""
            try await app.testing().test(.POST, "/api/v1/auth/login", beforeRequest: { req in
                req.headers.replaceOrAdd(name: .acceptLanguage, value: "en-US,en;q=0.9")
                req.headers.contentType = .json
                req.body = ByteBuffer(data: try JSONEncoder().encode(LoginRequestDTO(username: "admin", password: "nope-nope-nope")))
            }, afterResponse: { res in english = res.body.string })
            #expect(english.contains("Wrong username or password"))
            let (_, chinese) = try await app.call(.POST, "/api/v1/auth/login", json: LoginRequestDTO(username: "admin", password: "nope-nope-nope"))
            #expect(chinese.contains("用户名或密码错误"))
            // an unknown user reads exactly like a wrong password
            let (status, unknown) = try await app.call(.POST, "/api/v1/auth/login", json: LoginRequestDTO(username: "nobody", password: "nope-nope-nope"))
            #expect(status == .unauthorized)
            #expect(unknown == chinese)
        }
    }

    @Test("a token stops working when it expires")
    func tokenExpiry() async throws {
        try await TestApp.with(adjust: { $0.apiTokenLifetime = 3600 }) { app in
            let token = try await app.token("leader")
            #expect(try await app.call(.GET, "/api/v1/me", token: token).status == .ok)
            try app.grid.clock.advance(by: 3599)
            #expect(try await app.call(.GET, "/api/v1/me", token: token).status == .ok)
            try app.grid.clock.advance(by: 2)
            #expect(try await app.call(.GET, "/api/v1/me", token: token).status == .unauthorized)
        }
    }

    @Test("logout revokes the token; other tokens of the user keep working")
    func logoutRevokes() async throws {
        try await TestApp.with { app in
            let first = try await app.token("leader")
            let second = try await app.token("leader")
            #expect(try await app.call(.POST, "/api/v1/auth/logout", token: first).status == .noContent)
            #expect(try await app.call(.GET, "/api/v1/me", token: first).status == .unauthorized)
            #expect(try await app.call(.POST, "/api/v1/auth/logout", token: first).status == .unauthorized)
            #expect(try await app.call(.GET, "/api/v1/me", token: second).status == .ok)
        }
    }

    @Test("disabling an account ends its tokens and refuses sign-in; enabling restores it")
    func disabledAccount() async throws {
        try await TestApp.with { app in
            let leaderToken = try await app.token("leader")
            let admin = try await app.token("admin")
            let (_, me) = try await app.call(.GET, "/api/v1/me", token: leaderToken)
            let leader = try app.decode(UserDTO.self, me)
            #expect(try await app.call(.PATCH, "/api/v1/users/\(leader.id)", token: admin, json: UpdateUserRequestDTO(disabled: true)).status == .ok)
            #expect(try await app.call(.GET, "/api/v1/me", token: leaderToken).status == .unauthorized)
            let (status, body) = try await app.call(.POST, "/api/v1/auth/login", json: LoginRequestDTO(username: "leader", password: TestApp.password))
            #expect(status == .forbidden)
            #expect(body.contains("account_disabled"))
            #expect(try await app.call(.PATCH, "/api/v1/users/\(leader.id)", token: admin, json: UpdateUserRequestDTO(disabled: false)).status == .ok)
            #expect(try await app.call(.POST, "/api/v1/auth/login", json: LoginRequestDTO(username: "leader", password: TestApp.password)).status == .ok)
        }
    }

    @Test("changing one's password ends the other sessions and checks the new one")
    func changePassword() async throws {
        try await TestApp.with { app in
            let current = try await app.token("gridworker")
            let other = try await app.token("gridworker")
            let weak = ChangePasswordRequestDTO(currentPassword: TestApp.password, newPassword: "short")
            let (weakStatus, weakBody) = try await app.call(.POST, "/api/v1/auth/password", token: current, json: weak)
            #expect(weakStatus == .unprocessableEntity)
            #expect(weakBody.contains("\"field\":\"new_password\""))
            let wrongCurrent = ChangePasswordRequestDTO(currentPassword: "wrong-password", newPassword: "a-much-better-one-7")
            #expect(try await app.call(.POST, "/api/v1/auth/password", token: current, json: wrongCurrent).status == .unprocessableEntity)
            let good = ChangePasswordRequestDTO(currentPassword: TestApp.password, newPassword: "a-much-better-one-7")
            #expect(try await app.call(.POST, "/api/v1/auth/password", token: current, json: good).status == .noContent)
            #expect(try await app.call(.GET, "/api/v1/me", token: current).status == .ok)
            #expect(try await app.call(.GET, "/api/v1/me", token: other).status == .unauthorized)
            #expect(try await app.call(.POST, "/api/v1/auth/login", json: LoginRequestDTO(username: "gridworker", password: TestApp.password)).status == .unauthorized)
            _ = try await app.token("gridworker", password: "a-much-better-one-7")
        }
    }

    @Test("requests without a token, or with a forged one, answer 401")
    func missingOrForgedToken() async throws {
        try await TestApp.with { app in
            let anonymous = try await app.call(.GET, "/api/v1/me")
            let forged = try await app.call(.GET, "/api/v1/me", token: "forged-token")
            #expect(anonymous.status == .unauthorized)
            #expect(forged.status == .unauthorized)
            #expect(anonymous.body.contains("unauthenticated"))
        }
    }

    @Test("bad input answers 422 naming the field")
    func badInput() async throws {
        try await TestApp.with { app in
            let admin = try await app.token("admin")
            let bad = CreateUserRequestDTO(username: "x", password: "short", roles: ["wizard"], unit: "nowhere")
            let (status, body) = try await app.call(.POST, "/api/v1/users", token: admin, json: bad)
            #expect(status == .unprocessableEntity)
            let error = try app.decode(APIErrorDTO.self, body)
            #expect(Set(error.errors?.map(\.field) ?? []) == ["username", "password", "roles", "unit"])
            // a body that is not the expected shape names the missing field
            struct Partial: Encodable, Sendable { let username = "someone" }
            let (missingStatus, missingBody) = try await app.call(.POST, "/api/v1/users", token: admin, json: Partial())
            #expect(missingStatus == .unprocessableEntity)
            #expect(try app.decode(APIErrorDTO.self, missingBody).field == "password")
        }
    }
}
