import Foundation
import NIOConcurrencyHelpers

/// The server's notion of now. Production reads the system clock; tests move it forward to
/// expire tokens and locks without sleeping.
public final class GridClock: Sendable {
    private let offset = NIOLockedValueBox<TimeInterval>(0)

    public init() {}

    public var now: Date { Date().addingTimeInterval(offset.withLockedValue { $0 }) }

    /// Moves the clock forward (tests only).
    public func advance(by seconds: TimeInterval) {
        offset.withLockedValue { $0 += seconds }
    }
}
