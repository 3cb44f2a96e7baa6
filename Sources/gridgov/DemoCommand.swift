import ArgumentParser
import Foundation
import GridCore
import GridServer
import GridStore

/// `gridgov demo`: a fresh database with the demo district, one account per role, and the server.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Create a fresh demo database (SQLite by default), load demo data and serve it.")

    static let defaultDatabasePath = "./gridgov-demo.sqlite"

    @OptionGroup var options: ServerOptions
    @OptionGroup var listen: ListenOptions

    @Option(help: "small (a tiny district for tests) or district (Pidu's full shape).")
    var scale: String = "district"

    @Flag(name: .customLong("no-serve"), help: "Load the demo data and exit instead of serving.")
    var noServe = false

    @Flag(name: .customLong("no-events"), help: "Leave out the year of demo events, patrols and household visits.")
    var noEvents = false

    @Flag(help: "Pidu's full volume (1.08 M residents, 330 k events, 3.2 M household visits; about 3½ minutes to load) instead of a tenth of it.")
    var full = false

    func run() async throws {
        await Runtime.run {
            guard let scale = DemoHierarchy.Scale(rawValue: scale) else {
                throw ConfigurationError.invalidValue(
                    option: "scale", value: self.scale, reason: LocalizedText(zh: "应为 small 或 district", en: "it must be small or district"))
            }
            let environment = ProcessInfo.processInfo.environment
            let usesDefaultDatabase = options.database == nil && environment["GRIDGOV_DATABASE_URL"] == nil
            var config = try options.config(defaultDatabase: "sqlite://" + Self.defaultDatabasePath)
            try listen.apply(to: &config)
            if usesDefaultDatabase { try Self.removeDemoDatabase() }
            let password = environment["GRIDGOV_DEMO_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 } ?? "gridgov-demo"
            Runtime.bootstrapLogging(try options.resolvedLogFormat)
            try await Runtime.withApplication(config) { app in
                let started = Date()
                let accounts = try await DemoSeeder(services: app.grid).load(scale: scale, password: password, events: !noEvents, volume: full ? .full : .sample, on: app.db)
                let units = try await UnitStore.count(on: app.db)
                Runtime.say(Self.banner(config: config, accounts: accounts, units: units, seconds: Date().timeIntervalSince(started), password: password))
                if !noServe { try await app.execute() }
            }
        }
    }

    /// "Fresh" means the default demo file and its WAL companions are removed first.
    static func removeDemoDatabase() throws {
        for suffix in ["", "-wal", "-shm"] {
            let path = defaultDatabasePath + suffix
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
    }

    static func banner(config: ServerConfig, accounts: [DemoSeeder.DemoAccount], units: Int, seconds: Double, password: String) -> String {
        let shownPassword = password == "gridgov-demo" ? password : "(GRIDGOV_DEMO_PASSWORD)"
        var lines = [
            "",
            "GridGov 演示 / demo — \(DemoHierarchy.districtName) \(DemoHierarchy.districtCode): \(units) units loaded in \(String(format: "%.1f", seconds)) s",
            "  数据库 database: \(config.database)",
            "  控制台 console:  http://\(config.hostname):\(config.port)/login",
            "  接口 API:        http://\(config.hostname):\(config.port)/api/v1  (OpenAPI: /api/openapi.json)",
            "  Open311:         http://\(config.hostname):\(config.port)/open311/v2  (api_key \(DemoSeeder.open311Key))",
            "  演示账号 accounts (password \(shownPassword)):",
        ]
        for account in accounts {
            lines.append("    \(account.username.padding(toLength: 14, withPad: " ", startingAt: 0)) \(account.role.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)) \(account.unitCode) \(account.unitName)")
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
