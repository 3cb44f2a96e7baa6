import Foundation
import Vapor

/// bcrypt with the configured cost. Hashing runs off the event loop: it is slow by design.
public struct PasswordHasher: Sendable {
    public let cost: Int
    /// A hash of a random secret, verified against when the username is unknown so that a wrong
    /// username takes as long as a wrong password and does not reveal which accounts exist.
    let decoy: String

    public init(cost: Int) throws {
        self.cost = max(4, min(cost, 31))
        decoy = try Bcrypt.hash(UUID().uuidString, cost: self.cost)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await Task.detached { try Bcrypt.hash(password, cost: cost) }.value
    }

    public func verify(_ password: String, hash: String) async -> Bool {
        await Task.detached { (try? Bcrypt.verify(password, created: hash)) ?? false }.value
    }
}
