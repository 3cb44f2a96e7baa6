import Fluent
import Foundation
import GridCore
import GridStore
import Leaf
import LeafKit
import Vapor

/// Sets up an application: database, migrations (under a lock), services, middleware, pages and
/// routes. Bad configuration throws a `ConfigurationError` that reads as one sentence.
public func configure(_ app: Application, _ config: ServerConfig) async throws {
    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    // Large enough for photo uploads later; JSON bodies are capped per route.
    app.routes.defaultMaxBodySize = "16mb"

    try GridDatabase.register(config.database, in: app.databases, postgresSearchPath: config.postgresSearchPath)
    GridDatabase.addMigrations(to: app.migrations)
    if config.migrateOnStart {
        try await GridDatabase.migrate(
            databases: app.databases, migrations: app.migrations, logger: app.logger, location: config.database)
    } else {
        try await GridDatabase.checkReachable(app.db, location: config.database)
    }

    let keyRing = try KeyRing.loadOrCreate(path: config.keyFile)
    do {
        try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
    } catch {
        throw ConfigurationError.invalidValue(
            option: "data-dir", value: config.dataDirectory,
            reason: LocalizedText(zh: "无法创建目录", en: "the directory cannot be created"))
    }

    let resources = GridResources.directory
    let services = GridServices(
        config: config,
        keyRing: keyRing,
        policy: AccessPolicy(),
        clock: GridClock(),
        metrics: ServerMetrics(databaseConnections: config.database.isSQLite ? System.coreCount : 4 * System.coreCount),
        openAPI: OpenAPIRegistry(),
        strings: try PageStrings(directory: resources + "/Localizations"),
        passwords: try PasswordHasher(cost: config.bcryptCost),
        map: GridMapService(),
        catalog: CatalogService(),
        calendars: CalendarService()
    )
    app.setGridServices(services)
    try await services.map.reload(on: app.db)
    try await services.catalog.load(on: app.db)
    try await services.calendars.load(on: app.db)

    app.views.use(.leaf)
    app.leaf.sources = .singleSource(NIOLeafFiles(
        fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: resources, viewDirectory: resources + "/Views"))
    app.leaf.cache.isEnabled = app.environment.isRelease

    // Order: request id outermost (errors carry it too), then errors, then metrics (so refused requests are counted), then sign-in.
    app.middleware = Middlewares()
    app.middleware.use(RequestIDMiddleware())
    app.middleware.use(GridErrorMiddleware())
    app.middleware.use(MetricsMiddleware(metrics: services.metrics))
    app.middleware.use(AuthenticationMiddleware())

    // Webhook receivers get a bounded wait and no redirects (a message goes where it was subscribed).
    app.http.client.configuration.timeout = .init(connect: .seconds(5), read: .seconds(10))
    app.http.client.configuration.redirectConfiguration = .disallow
    app.lifecycle.use(PeriodicJob(name: "overdue sweep", interval: config.sweepInterval) { app in
        // Settings another instance may have changed: the admission list and the calendar.
        try await app.grid.catalog.load(on: app.db)
        try await app.grid.calendars.load(on: app.db)
        let result = try await OverdueSweep(services: try app.grid).run(on: app.db)
        guard result.escalated + result.urged + result.supervised > 0 else { return nil }
        return "\(result.escalated) escalated, \(result.urged) urged, \(result.supervised) supervised"
    })
    app.lifecycle.use(PeriodicJob(name: "webhook delivery", interval: config.webhookInterval) { app in
        let result = try await WebhookDispatcher(services: try app.grid, client: app.client).run(on: app.db)
        guard result.delivered + result.retrying + result.failed > 0 else { return nil }
        return "\(result.delivered) delivered, \(result.retrying) to retry, \(result.failed) failed"
    })
    // Visits due follow the register as each month opens; hourly is plenty (the sweep's switch turns it on).
    app.lifecycle.use(PeriodicJob(name: "visits due", interval: config.sweepInterval > 0 ? 3600 : 0) { app in
        try await IndicatorStore.refreshVisitsDue(today: IndicatorStore.day(try app.grid.clock.now), openOnly: true, on: app.db)
        return nil
    })
    try routes(app, services)
}

/// Where the bundled templates, strings and static files are.
enum GridResources {
    static var directory: String {
        if let override = ProcessInfo.processInfo.environment["GRIDGOV_RESOURCES"], !override.isEmpty {
            return override
        }
        return Bundle.module.bundleURL.appendingPathComponent("Resources").path
    }
}
