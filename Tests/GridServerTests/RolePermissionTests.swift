import Foundation
import GridCore
import GridTestSupport
import Testing
import Vapor

/// Each demo role against the foundation's endpoints: what answers 200/201 and what answers 403.
@Suite struct RolePermissionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let username: String
        let listUsers: HTTPStatus
        let createUser: HTTPStatus
        let readAudit: HTTPStatus
        let createUnit: HTTPStatus
        let readUnits: HTTPStatus
        var testDescription: String { username }
    }

    static let cases: [Case] = [
        Case(username: "admin", listUsers: .ok, createUser: .created, readAudit: .ok, createUnit: .created, readUnits: .ok),
        Case(username: "district_op", listUsers: .ok, createUser: .forbidden, readAudit: .forbidden, createUnit: .forbidden, readUnits: .ok),
        Case(username: "street_op", listUsers: .ok, createUser: .forbidden, readAudit: .forbidden, createUnit: .forbidden, readUnits: .ok),
        Case(username: "community_op", listUsers: .ok, createUser: .forbidden, readAudit: .forbidden, createUnit: .forbidden, readUnits: .ok),
        Case(username: "gridworker", listUsers: .forbidden, createUser: .forbidden, readAudit: .forbidden, createUnit: .forbidden, readUnits: .ok),
        Case(username: "dept_handler", listUsers: .forbidden, createUser: .forbidden, readAudit: .forbidden, createUnit: .forbidden, readUnits: .ok),
        Case(username: "leader", listUsers: .forbidden, createUser: .forbidden, readAudit: .forbidden, createUnit: .forbidden, readUnits: .ok),
    ]

    @Test("each demo role gets exactly the rights of the permission table", arguments: cases)
    func roleRights(_ expected: Case) async throws {
        try await TestApp.with { app in
            // setup
            let token = try await app.token(expected.username)
            // act + verify
            #expect(try await app.call(.GET, "/api/v1/users", token: token).status == expected.listUsers)
            let newUser = CreateUserRequestDTO(
                username: "new_\(expected.username)", password: "another-pass-9", roles: ["grid_worker"], unit: "510117001001001")
            #expect(try await app.call(.POST, "/api/v1/users", token: token, json: newUser).status == expected.createUser)
            #expect(try await app.call(.GET, "/api/v1/audit", token: token).status == expected.readAudit)
            let newUnit = CreateUnitRequestDTO(code: "510117001001009", name: "柳林第9网格", kind: "grid", parent: "510117001001")
            #expect(try await app.call(.POST, "/api/v1/units", token: token, json: newUnit).status == expected.createUnit)
            #expect(try await app.call(.GET, "/api/v1/units", token: token).status == expected.readUnits)
            #expect(try await app.call(.GET, "/api/v1/me", token: token).status == .ok)
        }
    }

    @Test("the permission table allows what /me reports")
    func meListsPermissions() async throws {
        try await TestApp.with { app in
            let token = try await app.token("gridworker")
            let (status, body) = try await app.call(.GET, "/api/v1/me", token: token)
            #expect(status == .ok)
            let me = try app.decode(UserDTO.self, body)
            #expect(me.roles == [.gridWorker])
            #expect(me.unit.code == "510117001001001")
            #expect(me.unit.kind == .grid)
            #expect(Set(me.permissions ?? []) == Set(PermissionTable.standard.permissions(of: [Role.gridWorker]).map(\.rawValue)))
            #expect(me.permissions?.contains("users.manage") == false)
        }
    }

    @Test("a resident account reaches nothing of the staff API")
    func residentSeesNothing() async throws {
        try await TestApp.with { app in
            try await app.makeUser("resident1", role: .resident, unit: "510117001001001")
            let token = try await app.token("resident1")
            #expect(try await app.call(.GET, "/api/v1/units", token: token).status == .forbidden)
            #expect(try await app.call(.GET, "/api/v1/users", token: token).status == .forbidden)
        }
    }
}
