import Foundation
import Logging

/// Times the demo loader's phases into the log, so a slow load says where its time went.
enum DemoPhase {
    static func timed<T: Sendable>(_ name: String, logger: Logger, _ body: () async throws -> T) async rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await body()
        logger.info("demo phase \(name): \(seconds(clock.now - start)) s")
        return result
    }

    /// A duration in seconds with one decimal.
    static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        return String(format: "%.1f", Double(whole) + Double(attoseconds) * 1e-18)
    }
}
