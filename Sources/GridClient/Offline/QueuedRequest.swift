import Foundation
import GridCore

/// One write a worker made, kept until the server has it: an HTTP method, a path and a JSON
/// body, under the client-made id that makes replaying it safe (for a report, the event's id).
/// Generic on purpose: reports and event actions today, patrols and visits tomorrow.
public struct QueuedRequest: Codable, Sendable, Equatable, Identifiable {
    public enum State: String, Codable, Sendable, CaseIterable {
        /// Waiting to be sent (or sent again).
        case pending
        /// The server accepted it (2xx); its answer is kept for the screen.
        case done
        /// Set aside: the server's record moved on (409). A person decides, with the current
        /// state at hand; nothing is overwritten silently.
        case conflict
        /// Set aside: the server refused it (4xx), with its message and the field at fault.
        case failed
    }

    /// The server's answer to the last attempt that got one.
    public struct Answer: Codable, Sendable, Equatable {
        public let status: Int
        public let body: String
        public let receivedAt: Date
    }

    public let id: UUID
    /// Order of the queue: an item is sent only after every earlier one succeeded or was set aside.
    public let sequence: Int
    public let method: String
    public let path: String
    /// JSON text.
    public var body: String?
    public let createdAt: Date
    /// What it is, for the screen ("上报 消防通道堵塞").
    public var label: String?
    public var attempts: Int
    public var state: State
    /// Not to be sent before this (back-off after a failed attempt).
    public var nextAttemptAt: Date?
    public var lastAttemptAt: Date?
    /// Why the last attempt did not succeed, for the screen.
    public var lastError: String?
    public var answer: Answer?

    public init(id: UUID, sequence: Int, method: String, path: String, body: String?, createdAt: Date, label: String?) {
        self.id = id
        self.sequence = sequence
        self.method = method
        self.path = path
        self.body = body
        self.createdAt = createdAt
        self.label = label
        attempts = 0
        state = .pending
    }

    /// The server's error answer (409, 422, …), when the item was set aside.
    public var failure: APIFailure? {
        guard let answer, !(200..<300).contains(answer.status) else { return nil }
        return APIFailure(status: answer.status, body: Data(answer.body.utf8))
    }

    /// The successful answer decoded (an `EventDTO` for a report or an action).
    public func decodedAnswer<T: Decodable>(_ type: T.Type) -> T? {
        guard let answer, (200..<300).contains(answer.status) else { return nil }
        return try? GridClient.decoder.decode(T.self, from: Data(answer.body.utf8))
    }

    enum CodingKeys: String, CodingKey {
        case id, sequence, method, path, body, label, attempts, state, answer
        case createdAt = "created_at"
        case nextAttemptAt = "next_attempt_at"
        case lastAttemptAt = "last_attempt_at"
        case lastError = "last_error"
    }
}
