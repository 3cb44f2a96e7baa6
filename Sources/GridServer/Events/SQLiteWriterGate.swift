import FluentKit
import GridStore

/// Lets one report transaction at a time write to SQLite from this process; the others wait
/// here, suspended, instead of inside SQLite.
///
/// SQLite has one writer. SQLiteNIO installs a busy handler that retries at once, forever, so a
/// connection whose write finds another transaction holding the lock spins its thread until the
/// lock is free. On a two-core server that spinning took about 40 % of the CPU while reports
/// came in concurrently (perf, `gridgov bench`), time the transaction holding the lock then did
/// not get. Queued here the waiting report costs nothing until its turn.
///
/// PostgreSQL writers lock rows, not the database: no gate there. A call already inside a
/// transaction (a caller's `tx`) passes straight through, so the gate can never wait on a lock
/// that its own holder is waiting for.
actor SQLiteWriterGate {
    static let reports = SQLiteWriterGate()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` holding the gate when `db` is SQLite outside a transaction, else at once.
    nonisolated func run<T: Sendable>(on db: any Database, _ body: () async throws -> T) async throws -> T {
        guard !db.inTransaction, SQLDialectKind(db) == .sqlite else { return try await body() }
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
        // FIFO: the gate is handed straight to the longest waiter by `leave`.
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
