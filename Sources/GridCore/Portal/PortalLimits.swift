import Foundation

/// The residents' portal's abuse limits (防刷限制): reports an hour per network address and per
/// phone, lookups an hour per address, and photo count and size. Counted in memory per
/// instance; behind a load balancer each instance counts its own.
public struct PortalLimits: Sendable, Equatable {
    public var reportsPerHourPerAddress: Int
    public var reportsPerHourPerPhone: Int
    public var lookupsPerHourPerAddress: Int
    public var maxPhotos: Int
    public var maxPhotoBytes: Int
    public var minDescription: Int
    public var maxDescription: Int
    /// How far back the public map reaches.
    public var mapDays: Int

    public init(
        reportsPerHourPerAddress: Int = 10, reportsPerHourPerPhone: Int = 5, lookupsPerHourPerAddress: Int = 60, maxPhotos: Int = 3,
        maxPhotoBytes: Int = 5 * 1024 * 1024, minDescription: Int = 5, maxDescription: Int = 1000, mapDays: Int = 30
    ) {
        self.reportsPerHourPerAddress = reportsPerHourPerAddress
        self.reportsPerHourPerPhone = reportsPerHourPerPhone
        self.lookupsPerHourPerAddress = lookupsPerHourPerAddress
        self.maxPhotos = maxPhotos
        self.maxPhotoBytes = maxPhotoBytes
        self.minDescription = minDescription
        self.maxDescription = maxDescription
        self.mapDays = mapDays
    }

    public var photoPolicy: PhotoPolicy { PhotoPolicy(maxBytes: maxPhotoBytes, maxPerSubmission: maxPhotos) }
}

/// A sliding one-hour window of uses for one key (an address or a phone's hash).
public struct HourlyWindow: Sendable, Equatable {
    public static let length: TimeInterval = 3600
    public private(set) var uses: [Date] = []

    public init() {}

    /// Counts one use if fewer than `limit` fell in the last hour; otherwise the whole seconds
    /// until the oldest of them leaves the window.
    public mutating func take(limit: Int, now: Date) -> (allowed: Bool, retryAfter: Int) {
        uses.removeAll { now.timeIntervalSince($0) >= Self.length }
        guard uses.count < max(0, limit) else {
            let oldest = uses.min() ?? now
            return (false, max(1, Int((Self.length - now.timeIntervalSince(oldest)).rounded(.up))))
        }
        uses.append(now)
        return (true, 0)
    }

    /// Whether a use now would be allowed, without counting it.
    public func wouldAllow(limit: Int, now: Date) -> Bool {
        uses.filter { now.timeIntervalSince($0) < Self.length }.count < max(0, limit)
    }

    public var isEmpty: Bool { uses.isEmpty }
}

/// Refusal for too many requests (429), with the wait in minutes in the message.
public struct PortalRateLimited: UserFacingError, Equatable {
    public let field: String?
    public let retryAfter: Int

    public init(field: String, retryAfter: Int) {
        self.field = field
        self.retryAfter = retryAfter
    }

    public var reason: LocalizedText {
        let minutes = max(1, (retryAfter + 59) / 60)
        switch field {
        case "phone":
            return LocalizedText(zh: "该手机号一小时内反映次数过多，请 \(minutes) 分钟后再试", en: "Too many reports from this phone in an hour; try again in \(minutes) min")
        case "lookup":
            return LocalizedText(zh: "查询过于频繁，请 \(minutes) 分钟后再试", en: "Too many lookups; try again in \(minutes) min")
        default:
            return LocalizedText(zh: "提交过于频繁，请 \(minutes) 分钟后再试", en: "Too many reports from your network; try again in \(minutes) min")
        }
    }
}
