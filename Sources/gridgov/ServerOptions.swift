import ArgumentParser
import Foundation
import GridCore
import GridServer
import GridStore

/// Options shared by every command that opens the database. Each falls back to an environment
/// variable, then to a default, and is parsed once into a `ServerConfig`.
struct ServerOptions: ParsableArguments {
    @Option(help: "Database URL: sqlite:///path/file.sqlite or postgres://user:pass@host:port/db (env GRIDGOV_DATABASE_URL; default sqlite://./gridgov.sqlite).")
    var database: String?

    @Option(name: .customLong("key-file"), help: "Personal-data encryption key, created with mode 0600 if absent (env GRIDGOV_KEY_FILE; default ./gridgov.key).")
    var keyFile: String?

    @Option(name: .customLong("data-dir"), help: "Directory for uploaded files (env GRIDGOV_DATA_DIR; default ./data).")
    var dataDirectory: String?

    @Option(name: .customLong("javascript-dir"), help: "Debian's shared browser libraries (env GRIDGOV_JAVASCRIPT_DIR; default /usr/share/javascript).")
    var javascriptDirectory: String?

    @Option(name: .customLong("log-format"), help: "Log format: text or json (env GRIDGOV_LOG_FORMAT; default text).")
    var logFormat: String?

    /// Builds the configuration; bad values become one clear sentence.
    func config(environment: [String: String] = ProcessInfo.processInfo.environment, defaultDatabase: String? = nil) throws -> ServerConfig {
        var config = ServerConfig()
        let databaseURL = database ?? environment["GRIDGOV_DATABASE_URL"] ?? defaultDatabase
        if let databaseURL {
            config.database = try DatabaseLocation.parse(databaseURL)
        }
        config.keyFile = keyFile ?? environment["GRIDGOV_KEY_FILE"] ?? config.keyFile
        config.dataDirectory = dataDirectory ?? environment["GRIDGOV_DATA_DIR"] ?? config.dataDirectory
        config.javascriptDirectory = javascriptDirectory ?? environment["GRIDGOV_JAVASCRIPT_DIR"] ?? config.javascriptDirectory
        config.open311Jurisdiction = environment["GRIDGOV_OPEN311_JURISDICTION"].flatMap { $0.isEmpty ? nil : $0 }
        for (name, assign) in [
            ("GRIDGOV_SWEEP_INTERVAL", { (config: inout ServerConfig, seconds: TimeInterval) in config.sweepInterval = seconds }),
            ("GRIDGOV_WEBHOOK_INTERVAL", { (config: inout ServerConfig, seconds: TimeInterval) in config.webhookInterval = seconds }),
        ] {
            guard let raw = environment[name] else { continue }
            guard let seconds = TimeInterval(raw), seconds >= 0 else {
                throw ConfigurationError.invalidValue(
                    option: name, value: raw, reason: LocalizedText(zh: "应为不小于 0 的秒数", en: "it must be a number of seconds, 0 or more"))
            }
            assign(&config, seconds)
        }
        if let cost = environment["GRIDGOV_BCRYPT_COST"] {
            guard let value = Int(cost), (4...16).contains(value) else {
                throw ConfigurationError.invalidValue(
                    option: "GRIDGOV_BCRYPT_COST", value: cost,
                    reason: LocalizedText(zh: "应为 4–16 的整数", en: "it must be a whole number from 4 to 16"))
            }
            config.bcryptCost = value
        }
        return config
    }

    var resolvedLogFormat: LogFormat {
        get throws {
            let raw = logFormat ?? ProcessInfo.processInfo.environment["GRIDGOV_LOG_FORMAT"] ?? "text"
            guard let format = LogFormat(rawValue: raw) else {
                throw ConfigurationError.invalidValue(
                    option: "log-format", value: raw, reason: LocalizedText(zh: "应为 text 或 json", en: "it must be text or json"))
            }
            return format
        }
    }
}

/// `--hostname` and `--port` for the commands that serve.
struct ListenOptions: ParsableArguments {
    @Option(help: "Address to listen on (env GRIDGOV_HOSTNAME; default 127.0.0.1).")
    var hostname: String?

    @Option(help: "Port to listen on (env GRIDGOV_PORT; default 8080).")
    var port: Int?

    func apply(to config: inout ServerConfig, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        config.hostname = hostname ?? environment["GRIDGOV_HOSTNAME"] ?? config.hostname
        // A serving process sweeps overdue events every minute unless told otherwise.
        if environment["GRIDGOV_SWEEP_INTERVAL"] == nil { config.sweepInterval = 60 }
        // …and sends queued webhook messages every five seconds.
        if environment["GRIDGOV_WEBHOOK_INTERVAL"] == nil { config.webhookInterval = 5 }
        if let port {
            config.port = port
        } else if let raw = environment["GRIDGOV_PORT"] {
            guard let value = Int(raw) else {
                throw ConfigurationError.invalidValue(
                    option: "port", value: raw, reason: LocalizedText(zh: "应为端口号", en: "it must be a port number"))
            }
            config.port = value
        }
        guard (1...65535).contains(config.port) else {
            throw ConfigurationError.invalidValue(
                option: "port", value: String(config.port), reason: LocalizedText(zh: "应在 1–65535 之间", en: "it must be between 1 and 65535"))
        }
    }
}
