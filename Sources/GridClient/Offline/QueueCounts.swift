import Foundation

/// How many items stand where: what the app shows ("3 条待上传").
public struct QueueCounts: Sendable, Equatable {
    public var pending = 0
    public var done = 0
    public var conflicts = 0
    public var failed = 0

    public init(pending: Int = 0, done: Int = 0, conflicts: Int = 0, failed: Int = 0) {
        self.pending = pending
        self.done = done
        self.conflicts = conflicts
        self.failed = failed
    }

    /// Items a person must look at.
    public var setAside: Int { conflicts + failed }

    /// "3 条待上传，1 条需处理" / "3 waiting to upload, 1 needs attention".
    public func summary(chinese: Bool = true) -> String {
        if chinese {
            return setAside == 0 ? "\(pending) 条待上传" : "\(pending) 条待上传，\(setAside) 条需处理"
        }
        return setAside == 0 ? "\(pending) waiting to upload" : "\(pending) waiting to upload, \(setAside) need attention"
    }
}

/// What one flush did.
public struct FlushReport: Sendable, Equatable {
    public var sent = 0
    public var conflicts = 0
    public var failed = 0
    /// Attempts that got no usable answer and were scheduled again.
    public var retried = 0
    /// When the first waiting item may go next (nil when nothing waits).
    public var waitingUntil: Date?
    /// The server answered 401: sign in again, then flush.
    public var needsSignIn = false
    /// Another flush was already running; this one did nothing.
    public var alreadyRunning = false
    /// The last reason an attempt did not succeed.
    public var lastError: String?

    public init() {}

    mutating func add(_ other: FlushReport) {
        sent += other.sent
        conflicts += other.conflicts
        failed += other.failed
        retried += other.retried
        waitingUntil = other.waitingUntil
        needsSignIn = other.needsSignIn
        lastError = other.lastError ?? lastError
    }
}

/// Misuse of the queue or trouble with its directory.
public enum OfflineQueueError: Error, Sendable, Equatable {
    case unknownItem(UUID)
    /// The item is being sent right now.
    case inFlight(UUID)
    /// Only items set aside (conflict, failed) can be sent again.
    case notSetAside(UUID)
    case unwritable(path: String)
}
