import Foundation
import GridCore
import GridStore
import NIOConcurrencyHelpers

/// Per-key rate limits (限流) in memory: one token bucket per client, sized by the client's
/// requests a minute. Each instance keeps its own buckets, so behind a load balancer a key's
/// allowance is per instance.
final class Open311RateLimiter: Sendable {
    private let buckets = NIOLockedValueBox<[UUID: TokenBucket]>([:])

    /// Takes one request from the client's allowance.
    func take(_ client: Open311Client, now: Date) -> (allowed: Bool, retryAfter: Int) {
        buckets.withLockedValue { buckets in
            var bucket = buckets[client.id].flatMap { $0.capacity == Double(max(1, client.ratePerMinute)) ? $0 : nil }
                ?? TokenBucket(perMinute: client.ratePerMinute, now: now)
            let result = bucket.take(now: now)
            buckets[client.id] = bucket
            return result
        }
    }
}
