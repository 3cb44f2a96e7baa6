import ArgumentParser
import Foundation
import GridCore
import GridServer
import GridStore

/// `gridgov open311 key create|list`: Open311 API keys (Open311 接入密钥) from the command line.
struct Open311Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open311", abstract: "Open311 GeoReport v2 clients and their API keys.", subcommands: [Key.self])

    struct Key: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Manage Open311 API keys.", subcommands: [Create.self, List.self])
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a key to a new client; the key is printed once and stored only as a hash.")

        @OptionGroup var options: ServerOptions
        @Argument(help: "The client's name (an app or a department system).") var name: String
        @Option(name: .customLong("rate-per-minute"), help: "Requests a minute the key may make (default \(Open311ClientService.defaultRatePerMinute)).")
        var ratePerMinute: Int = Open311ClientService.defaultRatePerMinute

        func run() async throws {
            await Runtime.run {
                let config = try options.config()
                let (client, key) = try await Runtime.withApplication(config) { app in
                    try await Open311ClientService(services: app.grid).create(name: name, ratePerMinute: ratePerMinute, by: .commandLine, on: app.db)
                }
                Runtime.say("gridgov: Open311 client \(client.name) (\(client.ratePerMinute)/min); its key, shown this once:")
                Runtime.say(key)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List Open311 clients (never their keys).")

        @OptionGroup var options: ServerOptions

        func run() async throws {
            await Runtime.run {
                let config = try options.config()
                let clients = try await Runtime.withApplication(config) { app in try await Open311ClientStore.all(on: app.db) }
                for client in clients {
                    Runtime.say("\(client.name)\t…\(client.keyHint)\t\(client.ratePerMinute)/min\t\(client.active ? "active" : "disabled")")
                }
            }
        }
    }
}
