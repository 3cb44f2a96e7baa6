import Foundation

/// When a failed delivery is tried again (重试策略): soon at first, then further apart, for about
/// a day, so a receiving system down for maintenance still gets every message afterwards.
public struct WebhookRetryPolicy: Sendable, Hashable {
    /// Pause before each retry, in seconds: the first retry waits `delays[0]`, and so on.
    public let delays: [TimeInterval]

    public init(delays: [TimeInterval]) {
        self.delays = delays
    }

    /// 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h: eight attempts over about 45 hours.
    public static let standard = WebhookRetryPolicy(delays: [60, 300, 1_800, 7_200, 21_600, 43_200, 86_400])

    /// All attempts, the first included.
    public var maximumAttempts: Int { delays.count + 1 }

    /// When to try again after `attempts` failed attempts, or nil when they are used up.
    public func nextAttempt(afterFailedAttempts attempts: Int, at now: Date) -> Date? {
        guard attempts >= 1, attempts <= delays.count else { return nil }
        return now.addingTimeInterval(delays[attempts - 1])
    }

    /// A 2xx answer is a delivery; anything else (or no answer) is retried.
    public static func isDelivered(status: Int) -> Bool {
        (200..<300).contains(status)
    }
}
