import Foundation
import GridCore
import GridStore

/// Everything the server needs to start, parsed once (command line, then environment, then
/// defaults) by `gridgov` and handed to `configure`. Nothing else reads the environment.
public struct ServerConfig: Sendable {
    public var database: DatabaseLocation
    /// A PostgreSQL schema to use instead of `public` (tests isolate themselves this way).
    public var postgresSearchPath: [String]?
    public var hostname: String
    public var port: Int
    /// The master key for personal data; created with mode 0600 on first run if absent.
    public var keyFile: String
    /// Photos and other uploads are stored here by SHA-256.
    public var dataDirectory: String
    /// Debian's shared browser libraries (libjs-leaflet, libjs-chart.js), served at `/javascript`.
    public var javascriptDirectory: String
    public var apiTokenLifetime: TimeInterval
    public var sessionLifetime: TimeInterval
    public var loginPolicy: LoginPolicy
    /// bcrypt cost; 12 in production, lower in tests where hashing time is not the point.
    public var bcryptCost: Int
    /// Set the `Secure` flag on cookies (behind HTTPS).
    public var secureCookies: Bool
    /// Apply pending migrations at start (serve does; tools that only read may not).
    public var migrateOnStart: Bool
    /// A map tile URL template (`https://…/{z}/{x}/{y}.png`) for the console map; none by default,
    /// since no tile server is reachable from a government network by default.
    public var mapTileURL: String?
    /// Seconds between overdue sweeps while serving; 0 turns the built-in sweep off (run
    /// `gridgov sweep` from cron instead, or let another instance do it).
    public var sweepInterval: TimeInterval
    /// Seconds between webhook delivery runs while serving; 0 turns delivery off (`gridgov
    /// webhooks deliver` from cron, or another instance).
    public var webhookInterval: TimeInterval = 0
    /// Reports of one type this close (metres) within `duplicateWindow` are offered as duplicates.
    public var duplicateRadius: Double = 50
    public var duplicateWindow: TimeInterval = 7 * 86_400
    /// The Open311 `jurisdiction_id` this server answers to; nil means the top unit's code.
    public var open311Jurisdiction: String? = nil

    public init(
        database: DatabaseLocation = .default,
        postgresSearchPath: [String]? = nil,
        hostname: String = "127.0.0.1",
        port: Int = 8080,
        keyFile: String = "./gridgov.key",
        dataDirectory: String = "./data",
        javascriptDirectory: String = "/usr/share/javascript",
        apiTokenLifetime: TimeInterval = 12 * 3600,
        sessionLifetime: TimeInterval = 8 * 3600,
        loginPolicy: LoginPolicy = LoginPolicy(),
        bcryptCost: Int = 12,
        secureCookies: Bool = false,
        migrateOnStart: Bool = true,
        mapTileURL: String? = nil,
        sweepInterval: TimeInterval = 0
    ) {
        self.database = database
        self.postgresSearchPath = postgresSearchPath
        self.hostname = hostname
        self.port = port
        self.keyFile = keyFile
        self.dataDirectory = dataDirectory
        self.javascriptDirectory = javascriptDirectory
        self.apiTokenLifetime = apiTokenLifetime
        self.sessionLifetime = sessionLifetime
        self.loginPolicy = loginPolicy
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.migrateOnStart = migrateOnStart
        self.mapTileURL = mapTileURL
        self.sweepInterval = sweepInterval
    }
}
