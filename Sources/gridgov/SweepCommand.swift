import ArgumentParser
import Foundation
import GridServer

/// `gridgov sweep`: one overdue sweep by the district's overdue policy (by default: escalate
/// what waits too long, urge what is overdue later), for cron. Safe beside running servers:
/// the sweep claims its rows.
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sweep", abstract: "Act on overdue events once, by the overdue policy.")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        await Runtime.run {
            let config = try options.config()
            let result = try await Runtime.withApplication(config) { app in
                try await OverdueSweep(services: app.grid).run(on: app.db)
            }
            Runtime.say("gridgov: overdue sweep: \(result.escalated) escalated, \(result.urged) urged, \(result.supervised) supervised, \(result.skipped) left to people")
        }
    }
}

/// `gridgov deliver`: sends the queued webhook messages that are due, once, for cron.
struct DeliverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deliver", abstract: "Send due webhook messages once.")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        await Runtime.run {
            let config = try options.config()
            let result = try await Runtime.withApplication(config) { app in
                try await WebhookDispatcher(services: app.grid, client: app.client).run(on: app.db)
            }
            Runtime.say("gridgov: webhooks: \(result.delivered) delivered, \(result.retrying) to retry, \(result.failed) failed")
        }
    }
}
