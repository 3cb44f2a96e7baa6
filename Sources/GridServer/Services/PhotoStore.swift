import Crypto
import Foundation
import GridCore

/// Photos on disk under the data directory, named by their SHA-256: the same photo sent twice
/// (a retried upload) is stored once, and a name can never collide with another photo.
public struct PhotoStore: Sendable {
    public let directory: String
    public let policy: PhotoPolicy

    public init(dataDirectory: String, policy: PhotoPolicy = PhotoPolicy()) {
        directory = URL(fileURLWithPath: dataDirectory).appendingPathComponent("photos").path
        self.policy = policy
    }

    /// A stored photo's identity.
    public struct Stored: Sendable, Hashable, Codable {
        public let sha256: String
        public let kind: ImageKind
        public let size: Int
    }

    /// Checks and stores one photo; `field` names it in errors.
    public func save(_ data: Data, field: String) throws -> Stored {
        let kind = try policy.check(data, field: field)
        let digest = Hex.lowercase(SHA256.hash(data: data))
        let url = path(for: digest, kind: kind)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        }
        return Stored(sha256: digest, kind: kind, size: data.count)
    }

    /// Where a photo lives: `photos/ab/abcdef….jpg` (a two-level fan-out keeps directories small).
    public func path(for sha256: String, kind: ImageKind) -> URL {
        URL(fileURLWithPath: directory).appendingPathComponent(String(sha256.prefix(2)))
            .appendingPathComponent("\(sha256).\(kind.fileExtension)")
    }
}
