import ArgumentParser
import Foundation
import GridServer
import GridStore

/// `gridgov indicators rebuild`: recomputes the indicator tables from every stored event — after
/// an upgrade that changes how events are counted, or to check the incremental upkeep. Run it
/// with the servers stopped: reports written during the rebuild could be counted twice.
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators", abstract: "Maintain the indicator tables.", subcommands: [Rebuild.self])

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rebuild", abstract: "Recompute the indicator tables from the events.")

        @OptionGroup var options: ServerOptions

        func run() async throws {
            await Runtime.run {
                let config = try options.config()
                let started = Date()
                try await Runtime.withApplication(config) { app in
                    try await IndicatorStore.rebuild(on: app.db)
                }
                Runtime.say(String(format: "gridgov: indicator tables rebuilt in %.1f s", Date().timeIntervalSince(started)))
            }
        }
    }
}
