/// One at a time, first come first served, for async work: callers wait here, suspended, for
/// their turn. The SQLite writers that must not overlap queue on it (`SQLiteExclusiveLock`,
/// the server's report gate) instead of spinning in SQLite's busy handler.
public actor TurnGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init() {}

    /// Runs `body` in its turn; the next waiter's turn starts when it returns or throws.
    public nonisolated func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await body()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }

    private func enter() async {
        guard busy else {
            busy = true
            return
        }
        // FIFO: `leave` hands the turn straight to the longest waiter.
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
