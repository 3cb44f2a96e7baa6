import Foundation

/// A token bucket (令牌桶) for rate limiting one API key: it holds at most `capacity` tokens,
/// refills `perSecond` tokens each second, and each request takes one.
public struct TokenBucket: Sendable, Equatable {
    public let capacity: Double
    public let perSecond: Double
    public private(set) var tokens: Double
    public private(set) var updatedAt: Date

    /// A full bucket allowing `perMinute` requests a minute with bursts of as many.
    public init(perMinute: Int, now: Date) {
        let rate = Double(max(1, perMinute))
        capacity = rate
        perSecond = rate / 60
        tokens = rate
        updatedAt = now
    }

    /// Takes one token if there is one. On refusal, the whole seconds until the next token.
    public mutating func take(now: Date) -> (allowed: Bool, retryAfter: Int) {
        let elapsed = max(0, now.timeIntervalSince(updatedAt))
        tokens = min(capacity, tokens + elapsed * perSecond)
        updatedAt = max(updatedAt, now)
        if tokens >= 1 {
            tokens -= 1
            return (true, 0)
        }
        return (false, max(1, Int(((1 - tokens) / perSecond).rounded(.up))))
    }
}
