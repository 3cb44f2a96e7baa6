import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Runs a background job every `interval` seconds while the server runs and stops with it
/// (the overdue sweep, webhook delivery). Several instances may all run one: jobs claim their rows.
final class PeriodicJob: LifecycleHandler, Sendable {
    let name: String
    let interval: TimeInterval
    let body: @Sendable (Application) async throws -> String?
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    /// - Parameter body: one run; returns a line worth logging, or nil when nothing happened.
    init(name: String, interval: TimeInterval, body: @escaping @Sendable (Application) async throws -> String?) {
        self.name = name
        self.interval = interval
        self.body = body
    }

    func didBootAsync(_ application: Application) async throws {
        guard interval > 0 else { return }
        let logger = application.logger
        let (name, interval, body) = (name, interval, body)
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    do {
                        if let line = try await body(application) { logger.info("\(name): \(line)") }
                    } catch {
                        logger.error("\(name) failed: \(error)")
                    }
                    try? await Task.sleep(for: .seconds(interval))
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task.withLockedValue { $0?.cancel() }
    }
}
