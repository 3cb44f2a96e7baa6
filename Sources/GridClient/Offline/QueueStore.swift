import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The queue on disk: one JSON file per item in `items/`, named by sequence and id, each written
/// to a temporary file and renamed over the old one (rename is atomic), so a crash or a full
/// disk leaves either the old or the new item, never half of one, and never touches the others.
/// A file that cannot be read anyway (damaged storage) is moved to `corrupt/` for inspection and
/// counted, and everything else loads.
struct QueueStore: Sendable {
    let items: URL
    let corrupt: URL

    init(directory: URL) {
        items = directory.appendingPathComponent("items", isDirectory: true)
        corrupt = directory.appendingPathComponent("corrupt", isDirectory: true)
    }

    func prepare() throws {
        try FileManager.default.createDirectory(at: items, withIntermediateDirectories: true)
    }

    /// Every readable item in queue order, and how many files were unreadable (moved aside).
    func load() throws -> (items: [QueuedRequest], corrupt: Int) {
        let manager = FileManager.default
        var loaded: [QueuedRequest] = []
        var damaged = 0
        for name in try manager.contentsOfDirectory(atPath: items.path) {
            let url = items.appendingPathComponent(name)
            if name.hasPrefix(".") {
                // A temporary file a crash left before its rename: the item it was replacing is intact.
                try? manager.removeItem(at: url)
                continue
            }
            guard name.hasSuffix(".json") else { continue }
            if let data = try? Data(contentsOf: url), let item = try? Self.decoder.decode(QueuedRequest.self, from: data) {
                loaded.append(item)
            } else {
                damaged += 1
                try? manager.createDirectory(at: corrupt, withIntermediateDirectories: true)
                try? manager.moveItem(at: url, to: corrupt.appendingPathComponent("\(name).\(UUID().uuidString)"))
            }
        }
        return (loaded.sorted { ($0.sequence, $0.createdAt) < ($1.sequence, $1.createdAt) }, damaged)
    }

    func write(_ item: QueuedRequest) throws {
        let data = try Self.encoder.encode(item)
        let temporary = items.appendingPathComponent(".\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw OfflineQueueError.unwritable(path: temporary.path)
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, file(for: item).path) == 0 else { throw OfflineQueueError.unwritable(path: file(for: item).path) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    func delete(_ item: QueuedRequest) throws {
        let url = file(for: item)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
    }

    private func file(for item: QueuedRequest) -> URL {
        items.appendingPathComponent(String(format: "%012d-", item.sequence) + item.id.uuidString.lowercased() + ".json")
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
