import FluentKit
import Foundation
import GridCore

extension UserStore {
    /// A person the platform must name as an author — of patrols and visits, whose rows reference
    /// an account — who does not sign in here: the demo's grid workers besides the demo accounts.
    public struct StandIn: Sendable {
        public var id: UUID
        public var username: String
        public var displayName: String
        public var role: Role
        public var unitID: UUID

        public init(id: UUID, username: String, displayName: String, role: Role, unitID: UUID) {
            (self.id, self.username, self.displayName, self.role, self.unitID) = (id, username, displayName, role, unitID)
        }
    }

    /// Inserts stand-in accounts in bulk: disabled, and with a password hash no password matches
    /// ("!"), so nobody signs in as them until an administrator enables one and sets a password.
    /// Names and ids are the caller's; usernames must be free.
    public static func insertStandIns(_ standIns: [StandIn], on db: any Database, now: Date) async throws {
        let rows: [[any Encodable & Sendable]] = standIns.map { standIn in
            [
                standIn.id, standIn.username, standIn.displayName, "!", UserModel.encode(roles: [standIn.role]), standIn.unitID,
                true, 0, Date?.none, now, now, now,
            ]
        }
        try await BulkInsert.rows(rows, into: UserModel.schema, columns: [
            "id", "username", "display_name", "password_hash", "roles", "unit_id", "disabled", "failed_attempts", "locked_until",
            "password_changed_at", "created_at", "updated_at",
        ], on: db)
    }
}
