import ArgumentParser
import Foundation
import GridServer
import Vapor

/// `gridgov serve`: applies pending migrations (under a lock) and serves the API and console
/// until SIGINT or SIGTERM, then finishes in-flight requests and stops.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the GridGov server.")

    @OptionGroup var options: ServerOptions
    @OptionGroup var listen: ListenOptions

    func run() async throws {
        await Runtime.run {
            var config = try options.config()
            try listen.apply(to: &config)
            Runtime.bootstrapLogging(try options.resolvedLogFormat)
            try await Runtime.withApplication(config) { app in
                app.logger.info("GridGov serving on http://\(config.hostname):\(config.port) with \(config.database)")
                try await app.execute()
            }
        }
    }
}
