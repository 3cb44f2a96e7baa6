import Foundation

/// The position a delta sync (`GET /api/v1/sync`) continues from. Clients treat it as an opaque
/// string; the server reads it back. It is not a secret and grants nothing: the server checks the
/// signed-in user against it and answers a full sync when it does not fit.
///
/// Why it looks like this. Basic-data rows carry only the local day of their last change
/// (`updated_on`) and a per-row `version`; events carry `updated_at`. There is no global change
/// sequence, so the cursor combines two watermarks, each taken `margin` before the sync ran so
/// that a write whose transaction started earlier but committed later is still caught:
/// - events: every own report with `updated_at >= eventsSince` is sent again;
/// - basic data: every row with `updated_on > day` is sent; the rows of `day` itself (the
///   boundary day) are summarised by a digest of their `(id, version)` pairs, and sent again
///   only when that digest changed. A change always raises the version or moves the row to a
///   later day, so no change is missed, and a quiet day costs nothing;
/// - the admission list and the grids are small and change rarely: a digest of each says
///   whether to send them whole.
public struct SyncCursor: Codable, Sendable, Equatable {
    /// Raised when the meaning of the fields changes; an older cursor then yields a full sync.
    public static let currentFormat = 1

    public var format: Int
    /// The account the cursor was made for, and its area then.
    public var user: UUID
    public var scope: String
    /// When the sync that made the cursor ran (server clock).
    public var at: Date
    /// Own events changed at or after this instant are sent.
    public var eventsSince: Date
    /// The boundary day (`YYYY-MM-DD`, the jurisdiction's local day).
    public var day: String
    /// Per basic-data table (`buildings`, `rooms`, `people`): digest of the boundary day's rows.
    public var digests: [String: String]
    /// Digest of the admission list the client holds.
    public var catalog: String
    /// Digest of the grids the client holds.
    public var grids: String

    public init(
        format: Int = SyncCursor.currentFormat, user: UUID, scope: String, at: Date, eventsSince: Date, day: String,
        digests: [String: String], catalog: String, grids: String
    ) {
        self.format = format
        self.user = user
        self.scope = scope
        self.at = at
        self.eventsSince = eventsSince
        self.day = day
        self.digests = digests
        self.catalog = catalog
        self.grids = grids
    }

    /// The wire form: base64url (no padding) of compact JSON, safe in a query string.
    public var token: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        // Encoding plain strings, numbers and dictionaries of strings cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a cursor back; nil for anything that is not one.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !base64.isEmpty, base64.count <= 8_192 else { return nil }
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let cursor = try? decoder.decode(SyncCursor.self, from: data) else { return nil }
        self = cursor
    }

    enum CodingKeys: String, CodingKey {
        case format = "f", user = "u", scope = "s", at = "t", eventsSince = "e", day = "d", digests = "h", catalog = "c", grids = "g"
    }
}
