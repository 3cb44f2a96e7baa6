import ArgumentParser
import Foundation
import GridServer

/// `gridgov sweep`: one overdue sweep (escalate what waits too long, urge what is overdue in
/// handling), for cron. Safe beside running servers: the sweep claims its rows.
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sweep", abstract: "Escalate and urge overdue events once.")

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
