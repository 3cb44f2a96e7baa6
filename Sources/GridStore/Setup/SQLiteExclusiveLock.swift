import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes SQLite writers that must not overlap (migrations, the overdue sweep) take turns, as
/// PostgreSQL's advisory lock and row locks do: within the process an async gate, across
/// processes an exclusive `flock` on `<file>.lock` beside the database.
public final class SQLiteExclusiveLock: Sendable {
    public static let shared = SQLiteExclusiveLock()

    private let turns = TurnGate()

    public func withLock<T: Sendable>(file path: String?, _ body: @Sendable () async throws -> T) async throws -> T {
        try await turns.run {
            var descriptor: Int32?
            if let path { descriptor = try await Self.lockFile(path) }
            defer { if let descriptor { Self.unlock(descriptor) } }
            return try await body()
        }
    }

    /// Blocks (off the caller's executor) until no other process holds the lock.
    private static func lockFile(_ databasePath: String) async throws -> Int32 {
        let path = databasePath + ".lock"
        return try await Task.detached {
            let descriptor = open(path, O_CREAT | O_RDWR, 0o600)
            guard descriptor >= 0 else {
                throw ConfigurationError.databaseUnreachable("sqlite://\(databasePath)", detail: "cannot open \(path)")
            }
            guard flock(descriptor, LOCK_EX) == 0 else {
                close(descriptor)
                throw ConfigurationError.databaseUnreachable("sqlite://\(databasePath)", detail: "cannot lock \(path)")
            }
            return descriptor
        }.value
    }

    private static func unlock(_ descriptor: Int32) {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
