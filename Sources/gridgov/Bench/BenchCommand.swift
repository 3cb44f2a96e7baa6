import ArgumentParser
import AsyncHTTPClient
import Foundation
import GridCore
import GridServer
import GridStore
import NIOCore
import NIOHTTP1
import Vapor

/// `gridgov bench`: measures event reporting over HTTP (locate, validate, event + timeline +
/// audit in one transaction) against a bare route doing one Fluent insert, in the same run, on
/// a fresh demo database. The architecture's bar: reports at least half the bare rate.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure event reports over HTTP against a bare Fluent insert route.")

    @ArgumentParser.Option(help: "Database URL; a fresh SQLite file in a temporary folder by default.")
    var database: String?

    @ArgumentParser.Option(help: "Concurrent connections.")
    var connections = 16

    @ArgumentParser.Option(help: "Requests per measurement (after a warm-up of a tenth as many).")
    var requests = 20_000

    @ArgumentParser.Option(help: "Instead of measuring, send this many reports one by one with every SQL statement logged (debug level), to count statements per report.")
    var trace: Int?

    func run() async throws {
        await Runtime.run {
            guard connections > 0, requests > 0 else {
                throw ConfigurationError.invalidValue(
                    option: "connections/requests", value: "\(connections)/\(requests)",
                    reason: LocalizedText(zh: "应为正整数", en: "they must be positive whole numbers"))
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gridgov-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            var config = ServerConfig()
            config.database = try database.map(DatabaseLocation.parse) ?? .sqliteFile(path: folder.appendingPathComponent("bench.sqlite").path)
            config.keyFile = folder.appendingPathComponent("bench.key").path
            config.dataDirectory = folder.appendingPathComponent("data").path
            config.bcryptCost = 4
            try await Runtime.withApplication(config) { app in
                app.logger.logLevel = .warning
                _ = try await DemoSeeder(services: app.grid).load(scale: .district, password: "bench-password-1", events: false, volume: .sample, on: app.db)
                try await BareInsertRoute.install(on: app)
                try await app.server.start(address: .hostname("127.0.0.1", port: 0))
                do {
                    guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "no port") }
                    if let trace {
                        try await traceReports(trace, base: "http://127.0.0.1:\(port)", app: app)
                    } else {
                        try await measure(base: "http://127.0.0.1:\(port)", database: config.database)
                    }
                } catch {
                    await app.server.shutdown()
                    throw error
                }
                await app.server.shutdown()
            }
        }
    }

    /// The two measurements against the server at `base`, printed.
    private func measure(base: String, database: DatabaseLocation) async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)))
        do {
            let token = try await Self.login(client, base)
            let reports = try ReportBodies(count: requests + requests / 10)
            let load = LoadGenerator(client: client, connections: connections)
            Runtime.say("gridgov bench: \(connections) connections, \(requests) requests each, database \(database)")
            Runtime.say("  processors: \(ProcessInfo.processInfo.activeProcessorCount)")
            let bare: @Sendable (Int) -> HTTPClientRequest = { index in
                Self.request(base + "/bench/bare", body: #"{"note":"bare \#(index)"}"#, token: nil)
            }
            let report: @Sendable (Int) -> HTTPClientRequest = { index in
                Self.request(base + "/api/v1/events", body: reports.body(index), token: token)
            }
            _ = await load.run(total: requests / 10, expect: .created, makeRequest: bare)
            let bareResult = await load.run(total: requests, expect: .created, makeRequest: bare)
            _ = await load.run(total: requests / 10, expect: .created) { report($0 + requests) }
            let reportResult = await load.run(total: requests, expect: .created, makeRequest: report)
            Runtime.say("  bare Fluent insert:   " + bareResult.line)
            Runtime.say("  POST /api/v1/events:  " + reportResult.line)
            Runtime.say(String(format: "  reports / bare: %.2f (bar: ≥ 0.50)", reportResult.rate / bareResult.rate))
            try await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Sends `count` reports one after another with the server's logger at debug level, so that
    /// each SQL statement a report makes is printed.
    private func traceReports(_ count: Int, base: String, app: Application) async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let token = try await Self.login(client, base)
            let reports = try ReportBodies(count: count)
            app.logger.logLevel = .debug
            for index in 0..<count {
                Runtime.say("gridgov bench: report \(index + 1) of \(count)")
                let response = try await client.execute(Self.request(base + "/api/v1/events", body: reports.body(index), token: token), timeout: .seconds(30))
                let body = try await response.body.collect(upTo: 1 << 22)
                Runtime.say("gridgov bench: answered \(response.status.code), \(body.readableBytes) bytes")
            }
            app.logger.logLevel = .warning
            try await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    static func request(_ url: String, body: String, token: String?) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.body = .bytes(ByteBuffer(string: body))
        return request
    }

    static func login(_ client: HTTPClient, _ base: String) async throws -> String {
        let body = String(decoding: try JSONEncoder().encode(LoginRequestDTO(username: "district_op", password: "bench-password-1")), as: UTF8.self)
        let response = try await client.execute(request(base + "/api/v1/auth/login", body: body, token: nil), timeout: .seconds(30))
        let data = try await response.body.collect(upTo: 1 << 20)
        struct Answer: Decodable { let token: String }
        return try JSONDecoder().decode(Answer.self, from: Data(buffer: data)).token
    }
}

/// Report bodies spread over every grid of the demo (random points inside each outline, so the
/// duplicate search sees a realistic density), of types that need no extra attributes.
struct ReportBodies: Sendable {
    let bodies: [String]

    init(count: Int) throws {
        let hierarchy = try DemoHierarchy(scale: .district)
        let grids = hierarchy.units.filter { $0.kind == .grid }.compactMap { hierarchy.geometries[$0.id] }
        let catalog = EventCatalog.standard
        let types = catalog.types.filter { catalog.isReportable($0.code) && $0.requiredAttributes.isEmpty }.map(\.code)
        var generator = SeededGenerator(seed: 42)
        var bodies: [String] = []
        bodies.reserveCapacity(count)
        let encoder = JSONEncoder()
        while bodies.count < count, !grids.isEmpty, !types.isEmpty {
            let shape = grids[Int(generator.next() % UInt64(grids.count))]
            guard let box = shape.boundingBox else { continue }
            let point = Coordinate(
                lon: box.minLon + Double(generator.next() % 10_000) / 10_000 * box.width,
                lat: box.minLat + Double(generator.next() % 10_000) / 10_000 * box.height)
            guard shape.contains(point) else { continue }
            let request = ReportEventRequestDTO(
                id: UUID(), type: types[Int(generator.next() % UInt64(types.count))], description: "压测上报 \(bodies.count)",
                location: .init(lon: point.lon, lat: point.lat, datum: "gcj02"))
            bodies.append(String(decoding: try encoder.encode(request), as: UTF8.self))
        }
        self.bodies = bodies
    }

    func body(_ index: Int) -> String {
        bodies[index % bodies.count]
    }
}
