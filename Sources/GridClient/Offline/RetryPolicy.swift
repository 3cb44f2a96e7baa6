import Foundation

/// When to try an item again after an attempt got no usable answer (no network, 5xx, 429):
/// exponential back-off with a cap, and some jitter so that a hundred phones coming out of the
/// same basement do not all knock at the same second.
public struct RetryPolicy: Sendable, Equatable {
    /// Wait after the first failed attempt.
    public var initialDelay: TimeInterval
    public var multiplier: Double
    /// No wait is longer than this.
    public var maximumDelay: TimeInterval
    /// Fraction of the delay drawn at random either way (0 = exact delays).
    public var jitter: Double

    public init(initialDelay: TimeInterval = 2, multiplier: Double = 2, maximumDelay: TimeInterval = 600, jitter: Double = 0.2) {
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The wait after the `attempt`-th failed attempt (from 1), with `random` in 0..<1.
    public func delay(afterAttempt attempt: Int, random: Double = 0.5) -> TimeInterval {
        let exponent = Double(max(attempt, 1) - 1)
        let base = min(maximumDelay, initialDelay * pow(multiplier, min(exponent, 64)))
        let spread = base * jitter * (2 * min(max(random, 0), 1) - 1)
        return min(maximumDelay, max(0, base + spread))
    }
}
