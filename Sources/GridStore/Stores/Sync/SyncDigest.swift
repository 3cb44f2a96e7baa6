import Crypto
import Foundation

/// Short content digests for the delta sync: equal inputs give equal digests on every engine and
/// every instance, so a cursor made by one server is understood by another.
public enum SyncDigest {
    /// SHA-256 of the bytes, the first 16 bytes in hex (collisions are not a concern at this
    /// length for change detection; the digest protects nothing).
    public static func of(_ data: Data) -> String {
        SHA256.hash(data: data).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// Digest of a set of `(id, version)` pairs, independent of the order rows come back in.
    public static func of(versions: [(id: UUID, version: Int)]) -> String {
        let lines = versions.map { "\($0.id.uuidString.lowercased()):\($0.version)" }.sorted().joined(separator: "\n")
        return of(Data(lines.utf8))
    }
}
