import Foundation
import GridCore

/// Every write a worker makes in the field, kept on disk until the server has it, and replayed
/// in order when the network returns (the model of ODK Collect and Central):
/// - 2xx: done, the answer kept for the screen;
/// - no answer, 5xx, 408, 429: tried again later with back-off, and nothing queued after it goes
///   first (order matters: an action on an event must not overtake the event's report);
/// - 409: set aside as a conflict with the server's current state, for a person to resolve;
/// - other 4xx: set aside as failed with the server's message and field; later items go on.
/// Replaying is safe because every item carries a client-made id: a report whose answer was lost
/// is answered the second time with the event the first attempt made (200 instead of 201).
public actor OfflineQueue {
    public let directory: URL
    public let policy: RetryPolicy
    private let clock: any QueueClock
    private let random: @Sendable () -> Double
    private let store: QueueStore
    private var items: [QueuedRequest]
    /// Files found unreadable when the queue was opened (moved to `corrupt/`).
    public let corruptFiles: Int
    private var flushing = false
    private var inFlight: UUID?

    /// Opens (or creates) the queue in `directory`; what an earlier process queued is there again.
    public init(
        directory: URL, policy: RetryPolicy = RetryPolicy(), clock: any QueueClock = SystemQueueClock(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) throws {
        self.directory = directory
        self.policy = policy
        self.clock = clock
        self.random = random
        store = QueueStore(directory: directory)
        try store.prepare()
        let loaded = try store.load()
        items = loaded.items
        corruptFiles = loaded.corrupt
    }

    /// Where the delta sync keeps its cursor: beside the queue, so one directory is the app's
    /// whole offline state.
    public nonisolated var cursorFile: SyncCursorFile {
        SyncCursorFile(url: directory.appendingPathComponent("sync-cursor"))
    }

    /// The queue's notion of now (the stamp of what is queued).
    var queuedAt: Date { clock.now }

    // MARK: adding

    /// Queues a write. The same `id` queued twice is one item (the first).
    @discardableResult
    public func enqueue(method: String, path: String, body: Data?, id: UUID = UUID(), label: String? = nil) throws -> QueuedRequest {
        if let existing = items.first(where: { $0.id == id }) { return existing }
        let item = QueuedRequest(
            id: id, sequence: (items.map(\.sequence).max() ?? 0) + 1, method: method, path: path,
            body: body.map { String(decoding: $0, as: UTF8.self) }, createdAt: clock.now, label: label)
        try store.write(item)
        items.append(item)
        return item
    }

    /// Queues a write with a JSON body.
    @discardableResult
    public func enqueue(method: String, path: String, json: some Encodable, id: UUID = UUID(), label: String? = nil) throws -> QueuedRequest {
        try enqueue(method: method, path: path, body: try GridClient.encoder.encode(json), id: id, label: label)
    }

    // MARK: reading

    /// Every item in queue order (done ones included until `removeDone()`).
    public var all: [QueuedRequest] { items }

    public func item(_ id: UUID) -> QueuedRequest? {
        items.first { $0.id == id }
    }

    public var counts: QueueCounts {
        items.reduce(into: QueueCounts()) { counts, item in
            switch item.state {
            case .pending: counts.pending += 1
            case .done: counts.done += 1
            case .conflict: counts.conflicts += 1
            case .failed: counts.failed += 1
            }
        }
    }

    // MARK: sending

    /// Sends what may be sent now, in order, and stops at the first item that must wait (no
    /// network, server trouble, or its back-off not yet over).
    public func flush(using client: GridClient) async -> FlushReport {
        var report = FlushReport()
        guard !flushing else {
            report.alreadyRunning = true
            return report
        }
        flushing = true
        defer {
            flushing = false
            inFlight = nil
        }
        while let next = items.first(where: { $0.state == .pending }) {
            if let at = next.nextAttemptAt, at > clock.now {
                report.waitingUntil = at
                break
            }
            guard let outcome = await attempt(next, using: client, report: &report), outcome == .goOn else { break }
        }
        return report
    }

    /// Flushes until nothing is pending, sleeping (on the queue's clock) through each back-off,
    /// for at most `rounds` flushes; stops early when the server wants a new sign-in or the task
    /// is cancelled.
    public func drain(using client: GridClient, rounds: Int = 50) async -> FlushReport {
        var total = FlushReport()
        for _ in 0..<max(rounds, 1) {
            let report = await flush(using: client)
            total.add(report)
            guard let wait = report.waitingUntil, !report.needsSignIn, !report.alreadyRunning, counts.pending > 0 else { break }
            do { try await clock.sleep(until: wait) } catch { break }
        }
        return total
    }

    private enum Outcome { case goOn, stop }

    /// One attempt at `item`; nil when the item could not even be recorded (storage trouble).
    private func attempt(_ queued: QueuedRequest, using client: GridClient, report: inout FlushReport) async -> Outcome? {
        var item = queued
        item.attempts += 1
        item.lastAttemptAt = clock.now
        // Record the attempt before sending: a crash mid-flight still counts it for the back-off.
        guard save(item, report: &report) else { return nil }
        inFlight = item.id
        let answer: ServerAnswer
        do {
            answer = try await client.perform(item.method, item.path, body: item.body.map { Data($0.utf8) })
        } catch {
            inFlight = nil
            retryLater(&item, reason: "\(error)", report: &report)
            return .stop
        }
        inFlight = nil
        // The actor may have been re-entered during the request; work on the stored copy.
        guard var current = self.item(item.id) else { return .goOn }
        current.attempts = item.attempts
        current.lastAttemptAt = item.lastAttemptAt
        current.answer = QueuedRequest.Answer(status: answer.status, body: String(decoding: answer.body, as: UTF8.self), receivedAt: clock.now)
        switch answer.status {
        case 200..<300:
            current.state = .done
            current.lastError = nil
            current.nextAttemptAt = nil
            report.sent += 1
        case 401:
            report.needsSignIn = true
            retryLater(&current, reason: APIFailure(status: answer.status, body: answer.body).summary, report: &report)
            return .stop
        case 408, 425, 429, 500...:
            retryLater(&current, reason: APIFailure(status: answer.status, body: answer.body).summary, report: &report)
            return .stop
        case 409:
            current.state = .conflict
            current.lastError = APIFailure(status: answer.status, body: answer.body).summary
            report.conflicts += 1
        default:
            current.state = .failed
            current.lastError = APIFailure(status: answer.status, body: answer.body).summary
            report.failed += 1
        }
        report.lastError = current.lastError ?? report.lastError
        return save(current, report: &report) ? .goOn : nil
    }

    private func retryLater(_ item: inout QueuedRequest, reason: String, report: inout FlushReport) {
        let next = clock.now.addingTimeInterval(policy.delay(afterAttempt: item.attempts, random: random()))
        item.nextAttemptAt = next
        item.lastError = reason
        report.retried += 1
        report.waitingUntil = next
        report.lastError = reason
        _ = save(item, report: &report)
    }

    @discardableResult
    private func save(_ item: QueuedRequest, report: inout FlushReport) -> Bool {
        do {
            try store.write(item)
        } catch {
            report.lastError = "\(error)"
            return false
        }
        if let index = items.firstIndex(where: { $0.id == item.id }) { items[index] = item }
        return true
    }

    // MARK: resolving

    /// Sends a set-aside item again, at its place in the order, optionally with a corrected body
    /// (say, an action carrying the version a person has now seen).
    public func retry(_ id: UUID, body: Data? = nil) throws {
        guard var item = item(id) else { throw OfflineQueueError.unknownItem(id) }
        guard item.state == .conflict || item.state == .failed else { throw OfflineQueueError.notSetAside(id) }
        if let body { item.body = String(decoding: body, as: UTF8.self) }
        item.state = .pending
        item.nextAttemptAt = nil
        item.attempts = 0
        try replace(item)
    }

    /// Forgets an item (a person gave up a set-aside write, or the screen no longer needs a done one).
    public func discard(_ id: UUID) throws {
        guard let item = item(id) else { throw OfflineQueueError.unknownItem(id) }
        guard inFlight != id else { throw OfflineQueueError.inFlight(id) }
        try store.delete(item)
        items.removeAll { $0.id == id }
    }

    /// Forgets every done item.
    public func removeDone() throws {
        for item in items where item.state == .done { try store.delete(item) }
        items.removeAll { $0.state == .done }
    }

    /// Makes every pending item due now (the app learned that the network is back).
    public func retryNow() throws {
        for var item in items where item.state == .pending && item.nextAttemptAt != nil {
            item.nextAttemptAt = nil
            try replace(item)
        }
    }

    private func replace(_ item: QueuedRequest) throws {
        try store.write(item)
        if let index = items.firstIndex(where: { $0.id == item.id }) { items[index] = item }
    }
}
