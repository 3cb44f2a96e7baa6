import Foundation
import GridCore
import Testing

@Suite struct PermissionTableTests {
    static let table = PermissionTable.standard

    /// The rights that define each role (domain.md §1), and rights it must never hold.
    static let expectations: [(role: Role, holds: [Permission], lacks: [Permission])] = [
        (.admin, [.usersManage, .unitsManage, .auditRead, .gridsManage, .catalogManage], [.personalDataUnmask, .eventsDispatch, .eventsHandle]),
        (.districtOperator, [.eventsDispatch, .eventsClose, .eventsSupervise, .eventsReportAnywhere], [.usersManage, .auditRead]),
        (.streetOperator, [.eventsDispatch, .eventsClose, .eventsSupervise], [.eventsReportAnywhere, .usersManage]),
        (.communityOperator, [.eventsTriage, .eventsEscalate, .eventsHandle, .eventsVerify, .basicDataWrite], [.eventsDispatch, .usersManage]),
        (.gridWorker, [.eventsReport, .eventsVerify, .basicDataWrite, .patrolRecord], [.eventsDispatch, .eventsTriage, .personalDataUnmask]),
        (.departmentHandler, [.eventsHandle, .eventsRead], [.eventsDispatch, .basicDataRead, .usersRead]),
        (.leader, [.statsRead, .risksRead, .eventsSupervise], [.eventsHandle, .basicDataWrite, .usersManage]),
        (.resident, [.eventsReport], [.eventsRead, .unitsRead, .basicDataRead]),
    ]

    @Test("each role holds its defining rights and none of the forbidden ones", arguments: expectations.indices)
    func roleRights(_ index: Int) {
        let expected = Self.expectations[index]
        for permission in expected.holds {
            #expect(Self.table.allows([expected.role], permission), "\(expected.role) should hold \(permission)")
        }
        for permission in expected.lacks {
            #expect(!Self.table.allows([expected.role], permission), "\(expected.role) must not hold \(permission)")
        }
    }

    @Test("several roles add up")
    func rolesCombine() {
        let both = Self.table.permissions(of: [.gridWorker, .leader])
        #expect(both.contains(.patrolRecord))
        #expect(both.contains(.statsRead))
        #expect(!both.contains(.usersManage))
    }

    @Test("only the administrator manages users and reads the audit log")
    func administrationIsAdminOnly() {
        for role in Role.allCases where role != .admin {
            #expect(!Self.table.allows([role], .usersManage))
            #expect(!Self.table.allows([role], .auditRead))
        }
    }

    @Test("role names parse from the command line forms")
    func roleParsing() throws {
        #expect(try Role.parse("grid-worker") == .gridWorker)
        #expect(try Role.parse(" Community_Operator ") == .communityOperator)
        #expect(throws: ValidationFailure.self) { try Role.parse("wizard") }
    }
}

@Suite struct AccessPolicyTests {
    let policy = AccessPolicy()
    let community = AccessScope(roles: [.communityOperator], unitPath: UnitPath(rawValue: "/510117/510117001/510117001001/")!)

    @Test("inside the subtree the right decides")
    func insideScope() throws {
        let grid = UnitPath(rawValue: "/510117/510117001/510117001001/510117001001001/")!
        try policy.check(community, .eventsTriage, on: grid)
        #expect(throws: AccessDenial.missingPermission(.eventsDispatch)) { try policy.check(community, .eventsDispatch, on: grid) }
    }

    @Test("outside the subtree it is 'not found', whether or not the right is held")
    func outsideScope() {
        let neighbour = UnitPath(rawValue: "/510117/510117001/510117001002/")!
        #expect(throws: AccessDenial.outOfScope) { try policy.check(community, .eventsTriage, on: neighbour) }
        #expect(throws: AccessDenial.outOfScope) { try policy.check(community, .eventsDispatch, on: neighbour) }
        let parent = UnitPath(rawValue: "/510117/510117001/")!
        #expect(throws: AccessDenial.outOfScope) { try policy.check(community, .unitsRead, on: parent) }
    }
}

@Suite struct LoginPolicyTests {
    let policy = LoginPolicy()
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("the fifth failure in a row locks for fifteen minutes")
    func locksOnFifth() {
        var state = LoginPolicy.AccountState()
        for _ in 1...4 {
            state = policy.afterFailure(state, now: start)
            #expect(!policy.isLocked(state, now: start))
        }
        state = policy.afterFailure(state, now: start)
        #expect(policy.isLocked(state, now: start))
        #expect(policy.isLocked(state, now: start.addingTimeInterval(15 * 60 - 1)))
        #expect(!policy.isLocked(state, now: start.addingTimeInterval(15 * 60)))
    }

    @Test("a success resets the count; an expired lock starts a fresh count")
    func resets() {
        var state = LoginPolicy.AccountState()
        for _ in 1...4 { state = policy.afterFailure(state, now: start) }
        state = policy.afterSuccess(state)
        state = policy.afterFailure(state, now: start)
        #expect(state.failedAttempts == 1)
        var locked = LoginPolicy.AccountState()
        for _ in 1...5 { locked = policy.afterFailure(locked, now: start) }
        let later = policy.afterFailure(locked, now: start.addingTimeInterval(3600))
        #expect(later.failedAttempts == 1)
        #expect(!policy.isLocked(later, now: start.addingTimeInterval(3600)))
    }

    @Test("password rules name the field and the reason")
    func passwordRules() throws {
        try PasswordPolicy.validate("a-good-pass-1")
        #expect(throws: ValidationFailure.self) { try PasswordPolicy.validate("short") }
        #expect(throws: ValidationFailure.self) { try PasswordPolicy.validate("aaaaaaaaaa") }
        #expect(throws: ValidationFailure.self) { try PasswordPolicy.validate("leader-01", username: "LEADER-01") }
        do {
            try PasswordPolicy.validate("short", field: "new_password")
        } catch {
            #expect(error.field == "new_password")
            #expect(error.reason.zhHans.contains("8"))
            #expect(error.reason.en.contains("8"))
        }
        #expect(throws: ValidationFailure.self) { try PasswordPolicy.validateUsername("张三") }
        try PasswordPolicy.validateUsername("zhang_san.01")
    }
}
