import Foundation
import GridCore
import GridTestSupport
import Testing
import Vapor

/// A user never reads or writes outside their subtree; out-of-scope reads answer 404 so that
/// existence does not leak, missing rights 403.
@Suite struct ScopeIsolationTests {
    // Small demo: community A = 510117001001 (community_op), community B = 510117002001.
    static let communityB = "510117002001"

    @Test("a community operator of A cannot see community B or anything in it")
    func communityOperatorCannotSeeB() async throws {
        try await TestApp.with { app in
            let operatorB = try await app.makeUser("community_b_op", role: .communityOperator, unit: Self.communityB)
            let unitB = try await app.unit(code: Self.communityB)
            let token = try await app.token("community_op")
            // by id and by code: 404, same as a unit that does not exist
            #expect(try await app.call(.GET, "/api/v1/units/\(unitB.id)", token: token).status == .notFound)
            #expect(try await app.call(.GET, "/api/v1/units/\(Self.communityB)", token: token).status == .notFound)
            #expect(try await app.call(.GET, "/api/v1/units/\(UUID())", token: token).status == .notFound)
            #expect(try await app.call(.GET, "/api/v1/units?parent=\(Self.communityB)", token: token).status == .notFound)
            #expect(try await app.call(.GET, "/api/v1/users/\(operatorB.id)", token: token).status == .notFound)
            // lists hold only A's subtree
            let (_, tree) = try await app.call(.GET, "/api/v1/units?depth=4", token: token)
            #expect(!tree.contains(Self.communityB))
            #expect(tree.contains("510117001001001"))
            let (_, users) = try await app.call(.GET, "/api/v1/users", token: token)
            #expect(!users.contains("community_b_op"))
            #expect(users.contains("gridworker"))
            // writes: no right → 403 before anything else is looked at
            #expect(try await app.call(.PATCH, "/api/v1/users/\(operatorB.id)", token: token, json: UpdateUserRequestDTO(disabled: true)).status == .forbidden)
            #expect(try await app.call(.PATCH, "/api/v1/units/\(unitB.id)", token: token, json: UpdateUnitRequestDTO(name: "改名")).status == .forbidden)
            // and B is untouched
            #expect(try await app.unit(code: Self.communityB).name == unitB.name)
        }
    }

    @Test("an administrator scoped to community A cannot change community B either")
    func scopedAdministratorCannotWriteB() async throws {
        try await TestApp.with { app in
            try await app.makeUser("admin_a", role: .admin, unit: "510117001001")
            let operatorB = try await app.makeUser("community_b_op", role: .communityOperator, unit: Self.communityB)
            let unitB = try await app.unit(code: Self.communityB)
            let token = try await app.token("admin_a")
            #expect(try await app.call(.PATCH, "/api/v1/users/\(operatorB.id)", token: token, json: UpdateUserRequestDTO(disabled: true)).status == .notFound)
            #expect(try await app.call(.PATCH, "/api/v1/units/\(unitB.id)", token: token, json: UpdateUnitRequestDTO(name: "改名")).status == .notFound)
            let intoB = CreateUserRequestDTO(username: "sneaky", password: "another-pass-9", roles: ["grid_worker"], unit: Self.communityB)
            let (status, body) = try await app.call(.POST, "/api/v1/users", token: token, json: intoB)
            #expect(status == .unprocessableEntity)
            #expect(body.contains("\"field\":\"unit\""))
            let underB = CreateUnitRequestDTO(code: "510117002001009", name: "新网格", kind: "grid", parent: Self.communityB)
            #expect(try await app.call(.POST, "/api/v1/units", token: token, json: underB).status == .unprocessableEntity)
            // B unchanged: the operator still signs in, the unit keeps its name, no new rows
            #expect(try await app.call(.GET, "/api/v1/me", token: try await app.token("community_b_op")).status == .ok)
            #expect(try await app.unit(code: Self.communityB).name == unitB.name)
            #expect(try await app.call(.GET, "/api/v1/units/510117002001009", token: try await app.token("admin")).status == .notFound)
            // the scoped administrator's audit view holds nothing about B
            let (_, audit) = try await app.call(.GET, "/api/v1/audit?per=200", token: token)
            #expect(!audit.contains("/510117/510117002/"))
        }
    }

    @Test("a grid worker sees only their grid")
    func gridWorkerSeesOnlyTheirGrid() async throws {
        try await TestApp.with { app in
            let token = try await app.token("gridworker")
            #expect(try await app.call(.GET, "/api/v1/units/510117001001001", token: token).status == .ok)
            #expect(try await app.call(.GET, "/api/v1/units/510117001001002", token: token).status == .notFound)
            #expect(try await app.call(.GET, "/api/v1/units/510117001001", token: token).status == .notFound)
        }
    }
}
