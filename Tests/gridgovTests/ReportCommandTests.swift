import Foundation
import GridCore
import GridStore
import GridTestSupport
import Testing
import Vapor

/// `gridgov report` as a worker's script runs it against a real server: straight through, or
/// through an offline queue that keeps a report made while the server is down.
@Suite struct ReportCommandTests {
    /// A 1×1 PNG.
    static let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

    /// Serves the app on a free loopback port for the body's duration.
    static func serving<T: Sendable>(_ app: Application, _ body: @Sendable (URL) async throws -> T) async throws -> T {
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port, let url = URL(string: "http://127.0.0.1:\(port)") else {
            await app.server.shutdown()
            throw TestSupportError.unexpected("no port")
        }
        do {
            let result = try await body(url)
            await app.server.shutdown()
            return result
        } catch {
            await app.server.shutdown()
            throw error
        }
    }

    /// Runs the binary on a Dispatch thread: the server answering it runs in this process on
    /// Swift's cooperative threads, which a blocking wait must not hold.
    static func run(_ arguments: [String], in directory: URL) async throws -> CommandLineTests.Run {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try CommandLineTests.run(arguments, in: directory) })
            }
        }
    }

    /// A WGS-84 point inside the demo worker's grid.
    static func point(_ app: Application) async throws -> Coordinate {
        let token = try await app.token("gridworker")
        let (_, body) = try await app.call(.GET, "/api/v1/grids/510117001001001", token: token)
        let feature = try JSONDecoder().decode(GeoJSONFeature.self, from: Data(body.utf8))
        guard let inside = feature.geometry?.multiPolygon?.pointOnSurface else { throw TestSupportError.unexpected("no point") }
        return DatumConverter.convert(inside, from: .gcj02, to: .wgs84)
    }

    static func arguments(server: String, point: Coordinate, extra: [String] = []) -> [String] {
        ["report", "--server", server, "--username", "gridworker", "--password", TestApp.password,
         "--type", "B0501", "--description", "3号楼消防通道被杂物堵塞", "--attribute", "blocked_by=杂物",
         "--lon", String(point.lon), "--lat", String(point.lat)] + extra
    }

    static func reportedBy(_ username: String, _ app: Application) async throws -> [StoredEvent] {
        guard let user = try await UserStore.find(username: username, on: app.db) else { throw TestSupportError.unexpected("no \(username)") }
        var filter = EventStore.Filter()
        filter.reporterID = user.id
        return try await EventStore.list(filter, page: 1, per: 50, on: app.db).items
    }

    @Test("bad input is one sentence in Chinese and English and exit code 1", arguments: [
        (["--lon", "500"], "--lon must lie between -180 and 180"),
        (["--datum", "bd09"], "datum"),
        (["--photo", "/no/such/photo.jpg"], "cannot read the photo file /no/such/photo.jpg"),
        (["--attribute", "novalue"], "--attribute must be name=value"),
        (["--server", "not a url"], "is invalid"),
    ])
    func badInput(extra: [String], expected: String) throws {
        let directory = try CommandLineTests.scratch()
        let result = try CommandLineTests.run(Self.arguments(server: "http://127.0.0.1:1", point: Coordinate(lon: 103.9, lat: 30.8), extra: extra), in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains(expected), "stderr was: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 2, "one sentence in each language: \(result.stderr)")
    }

    @Test("a report goes straight through and prints its ticket number; a refusal is one sentence")
    func direct() async throws {
        try await TestApp.with { app in
            let point = try await Self.point(app)
            try await Self.serving(app) { url in
                let directory = try CommandLineTests.scratch()
                let ok = try await Self.run(Self.arguments(server: url.absoluteString, point: point), in: directory)
                #expect(ok.status == 0, "\(ok.stderr)")
                let events = try await Self.reportedBy("gridworker", app)
                #expect(events.count == 1)
                #expect(ok.stdout.contains("已上报 reported \(events.first?.number ?? "?")"))
                let refused = try await Self.run(
                    ["report", "--server", url.absoluteString, "--username", "gridworker", "--password", TestApp.password,
                     "--type", "NO-SUCH", "--description", "x", "--lon", String(point.lon), "--lat", String(point.lat)], in: directory)
                #expect(refused.status == 1)
                #expect(refused.stderr.contains("服务器拒绝"), "\(refused.stderr)")
                #expect(refused.stderr.contains("field type"), "\(refused.stderr)")
            }
        }
    }

    @Test("a report made while the server is down is kept in the queue and sent by the next --flush-only")
    func queuedWhileDown() async throws {
        try await TestApp.with { app in
            let point = try await Self.point(app)
            let directory = try CommandLineTests.scratch()
            let queue = directory.appendingPathComponent("queue").path
            let photo = directory.appendingPathComponent("photo.png")
            try #require(Data(base64Encoded: Self.png)).write(to: photo)
            let seen = "2026-03-02T09:15:00+08:00"
            // the server is down
            let kept = try await Self.run(
                Self.arguments(server: "http://127.0.0.1:1", point: point, extra: ["--queue", queue, "--photo", photo.path, "--occurred-at", seen]),
                in: directory)
            #expect(kept.status == 0, "\(kept.stderr)")
            #expect(kept.stdout.contains("1 条待上传"), "\(kept.stdout)")
            let stillDown = try await Self.run(
                ["report", "--server", "http://127.0.0.1:1", "--username", "gridworker", "--password", TestApp.password, "--queue", queue, "--flush-only"],
                in: directory)
            #expect(stillDown.status == 1)
            #expect(stillDown.stderr.contains("cannot reach the server; 1 waiting to upload"), "\(stillDown.stderr)")
            // the server is back
            try await Self.serving(app) { url in
                let flushed = try await Self.run(
                    ["report", "--server", url.absoluteString, "--username", "gridworker", "--password", TestApp.password, "--queue", queue, "--flush-only"],
                    in: directory)
                #expect(flushed.status == 0, "\(flushed.stderr)")
                #expect(flushed.stdout.contains("已上报 reported"), "\(flushed.stdout)")
                let events = try await Self.reportedBy("gridworker", app)
                #expect(events.count == 1)
                #expect(events.first?.occurredAt == ISO8601DateFormatter().date(from: seen))
                if let id = events.first?.snapshot.id {
                    #expect(try await EventStore.photos(id, on: app.db).count == 1)
                }
                // nothing left: flushing again sends nothing more
                let again = try await Self.run(
                    ["report", "--server", url.absoluteString, "--username", "gridworker", "--password", TestApp.password, "--queue", queue, "--flush-only"],
                    in: directory)
                #expect(again.status == 0)
                #expect(try await Self.reportedBy("gridworker", app).count == 1)
            }
        }
    }
}
