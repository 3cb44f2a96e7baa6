import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Runs the overdue sweep every `interval` seconds while the server runs, and stops with it.
/// Several instances may all run it: the sweep claims its rows.
final class SweepScheduler: LifecycleHandler, Sendable {
    let interval: TimeInterval
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(interval: TimeInterval) {
        self.interval = interval
    }

    func didBootAsync(_ application: Application) async throws {
        guard interval > 0 else { return }
        let services = try application.grid
        let db = application.db
        let logger = application.logger
        let interval = interval
        task.withLockedValue {
            $0 = Task {
                while !Task.isCancelled {
                    do {
                        let result = try await OverdueSweep(services: services).run(on: db)
                        if result.escalated + result.urged + result.supervised > 0 {
                            logger.info("overdue sweep: \(result.escalated) escalated, \(result.urged) urged, \(result.supervised) supervised")
                        }
                    } catch {
                        logger.error("overdue sweep failed: \(error)")
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
