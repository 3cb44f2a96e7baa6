import Foundation

/// Time as the offline queue sees it, so that back-off is testable without waiting for real.
public protocol QueueClock: Sendable {
    var now: Date { get }
    /// Returns at `deadline` (or throws when the task is cancelled).
    func sleep(until deadline: Date) async throws
}

/// The wall clock.
public struct SystemQueueClock: QueueClock {
    public init() {}

    public var now: Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(min(seconds, 86_400) * 1_000_000_000))
    }
}
