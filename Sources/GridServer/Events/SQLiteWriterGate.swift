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
enum SQLiteWriterGate {
    static let reports = Gate()

    final class Gate: Sendable {
        private let turns = TurnGate()

        /// Runs `body` in its turn when `db` is SQLite outside a transaction, else at once.
        func run<T: Sendable>(on db: any Database, _ body: () async throws -> T) async throws -> T {
            guard !db.inTransaction, SQLDialectKind(db) == .sqlite else { return try await body() }
            return try await turns.run(body)
        }
    }
}
