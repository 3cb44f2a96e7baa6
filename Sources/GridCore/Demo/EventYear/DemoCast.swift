import Foundation

/// Who acts in the demo year (演示人员): for each role at each unit, one user id and display
/// name. Unless assigned, a member is synthetic — an id and a plausible Chinese name derived
/// from the seed, the role and the unit path, so the same cast comes out on every run. Assign the
/// real demo accounts (`gridworker`, `community_op` …) so that they find "their" events.
///
/// The roles the generator asks for, and at which unit:
/// - `.gridWorker` at each grid and special grid (the reporter of most events, who verifies);
/// - `.gridHead` and `.communityOperator` at each community;
/// - `.streetOperator` at each street; `.districtOperator` and `.leader` at the district;
/// - `.departmentHandler` at each department and outside unit (派出所) events are dispatched to.
/// Residents are per event and not part of the cast; the overdue sweep acts as `DemoCast.system`.
public struct DemoCast: Sendable {
    /// One person: the user id written into snapshots and timelines, and the name screens show.
    public struct Member: Sendable, Hashable {
        public var userID: UUID
        public var name: String

        public init(userID: UUID, name: String) {
            self.userID = userID
            self.name = name
        }
    }

    /// A role at a unit.
    public struct Key: Sendable, Hashable {
        public let role: Role
        public let unit: UnitPath

        public init(role: Role, unit: UnitPath) {
            self.role = role
            self.unit = unit
        }
    }

    /// Seeds the synthetic members.
    public let seed: UInt64
    /// The members assigned by the caller.
    public private(set) var assigned: [Key: Member]

    public init(seed: UInt64 = 20_240_101, assigned: [Key: Member] = [:]) {
        self.seed = seed
        self.assigned = assigned
    }

    /// Puts a real account in the role at `unit` (the unit's path, e.g. the demo grid worker's grid).
    public mutating func assign(_ member: Member, as role: Role, at unit: UnitPath) {
        assigned[Key(role: role, unit: unit)] = member
    }

    /// The member in `role` at `unit`: the assigned one, else the synthetic one.
    public func member(_ role: Role, at unit: UnitPath) -> Member {
        assigned[Key(role: role, unit: unit)] ?? synthetic(role, at: unit)
    }

    /// The synthetic member in `role` at `unit` (ignores assignments).
    public func synthetic(_ role: Role, at unit: UnitPath) -> Member {
        var dice = DemoDice(seed, DemoDice.hash(role.rawValue), DemoDice.hash(unit.rawValue))
        let id = dice.uuid()
        return Member(userID: id, name: dice.person())
    }

    /// The acting identity of `member` in `role` at `unit`, as `EventMachine` takes it.
    public func actor(_ role: Role, at unit: UnitPath) -> EventActor {
        EventActor(userID: member(role, at: unit).userID, roles: [role], unitPath: unit)
    }

    /// The platform's overdue sweep (超期自动处理) as the server's `OverdueSweep` acts: this id and
    /// name, with the community operator's, street operator's and leader's rules over the whole tree.
    public static let system = Member(
        userID: UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 1)), name: "系统（超期自动处理）")
    /// The roles the sweep acts in.
    public static let systemRoles: Set<Role> = [.communityOperator, .streetOperator, .leader]
}
