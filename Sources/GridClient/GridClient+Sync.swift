import Foundation
import GridCore

/// The delta pull (`GET /api/v1/sync`): the admission list, the worker's grid, its buildings,
/// rooms and residents (masked), and where the worker's reports stand, for offline use.
extension GridClient {
    /// One pull from `since` (nil: everything). The caller keeps `cursor` of the answer.
    public func sync(since cursor: String?) async throws -> SyncDeltaDTO {
        try await send("GET", ClientPath.sync, query: cursor.map { [URLQueryItem(name: "since", value: $0)] } ?? [])
    }

    /// A pull that continues from the cursor kept in `file` and keeps the new one there, but only
    /// after `apply` has stored the delta: a crash in between repeats the delta (the client
    /// upserts by id) instead of skipping it.
    @discardableResult
    public func sync(
        keepingCursorIn file: SyncCursorFile, apply: @Sendable (SyncDeltaDTO) async throws -> Void = { _ in }
    ) async throws -> SyncDeltaDTO {
        let delta = try await sync(since: try file.load())
        try await apply(delta)
        try file.save(delta.cursor)
        return delta
    }
}

/// Where the sync cursor lives on disk (beside the offline queue: `OfflineQueue.cursorFile`).
public struct SyncCursorFile: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The kept cursor; nil before the first sync or after `reset()`.
    public func load() throws -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    public func save(_ cursor: String) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(cursor.utf8).write(to: url, options: .atomic)
    }

    /// Forgets the cursor: the next sync is a full one.
    public func reset() throws {
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
    }
}
