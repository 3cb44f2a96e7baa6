import ArgumentParser
import Foundation
import GridServer
import GridStore

/// `gridgov migrate`: applies pending migrations and exits. Safe to run twice, and safe to run
/// while another instance starts: the migrations take a lock.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        await Runtime.run {
            let config = try options.config()
            Runtime.bootstrapLogging(try options.resolvedLogFormat)
            try await Runtime.withApplication(config) { _ in
                Runtime.say("gridgov: migrations applied to \(config.database)")
            }
        }
    }
}
