import Foundation
import GridClient

/// A queue clock that never waits: sleeping moves it to the deadline and records how long the
/// queue wanted to wait.
final class ManualClock: QueueClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var waits: [TimeInterval] = []

    init(start: Date = Date()) {
        current = start
    }

    var now: Date { lock.withLock { current } }

    /// Every wait the queue asked for, in seconds.
    var sleeps: [TimeInterval] { lock.withLock { waits } }

    func sleep(until deadline: Date) async throws {
        try Task.checkCancellation()
        lock.withLock {
            waits.append(deadline.timeIntervalSince(current))
            current = max(current, deadline)
        }
    }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
