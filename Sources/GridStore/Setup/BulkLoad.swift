import FluentKit
import SQLKit

/// Loading a large volume at once (the district demo): everything runs on one connection. On
/// SQLite that connection, while it writes, gets a large page cache (the random keys of the ID and
/// phone hash indexes otherwise spill pages between statements), statement journals in memory
/// (each multi-row insert keeps one) and no fsync per commit (a demo that a crash interrupts is
/// simply loaded again). The settings go back to SQLite's defaults as the connection returns to
/// the pool.
public enum BulkLoad {
    /// 256 MiB, in SQLite's negative-kibibytes notation.
    static let cacheKiB = 262_144

    public static func run<T: Sendable>(on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await db.withConnection { conn in
            guard SQLDialectKind(conn) == .sqlite else { return try await body(conn) }
            let sql = try conn.sql
            for pragma in ["cache_size = \(-cacheKiB)", "temp_store = MEMORY", "synchronous = OFF"] {
                try await sql.raw("PRAGMA \(unsafeRaw: pragma)").run()
            }
            let restore = { @Sendable in
                for pragma in ["cache_size = -2000", "temp_store = DEFAULT", "synchronous = FULL"] {
                    try? await sql.raw("PRAGMA \(unsafeRaw: pragma)").run()
                }
            }
            do {
                let result = try await body(conn)
                await restore()
                return result
            } catch {
                await restore()
                throw error
            }
        }
    }
}
