import Foundation
import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// Request counts and latency histograms per route, and the database pool's settings and health,
/// in Prometheus text format. One registry per application (not the process-global
/// MetricsSystem), so tests that start many applications do not share counters.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]
    private let inFlight: Gauge
    let poolMaxConnections: Gauge
    let databaseUp: Gauge
    let databaseCheckDuration: DurationHistogram

    init(databaseConnections: Int) {
        inFlight = registry.makeGauge(descriptor: Self.name("http_requests", "in_flight", "Requests being handled now"))
        poolMaxConnections = registry.makeGauge(descriptor: Self.name("db_pool", "max_connections", "Database connections the pool may open"))
        databaseUp = registry.makeGauge(descriptor: Self.name("db", "up", "1 when the last database health check succeeded"))
        databaseCheckDuration = registry.makeDurationHistogram(
            descriptor: Self.name("db_check_duration", "seconds", "Time to acquire a pooled connection and run SELECT 1"),
            labels: [], buckets: buckets)
        poolMaxConnections.set(Double(databaseConnections))
    }

    /// Records one finished request. `route` is the registered pattern (`/api/v1/units/:id`),
    /// never the raw path, so the number of series stays bounded.
    func record(method: String, route: String, status: UInt, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(
            descriptor: Self.name("http_requests", "total", "HTTP requests by route and status"),
            labels: labels
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.name("http_request_duration", "seconds", "HTTP request latency by route"),
            labels: [("method", method), ("route", route)], buckets: buckets
        ).record(duration)
    }

    func started() { inFlight.increment(by: 1) }
    func finished() { inFlight.decrement(by: 1) }

    /// `gridgov_<metric>_<unit>`, the Prometheus naming convention.
    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "gridgov", metricName: metric, unitName: unit, helpText: help)
    }

    public func exposition() -> String {
        registry.emitToString()
    }
}

/// Times every request and counts it by route and status.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: ServerMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        metrics.started()
        defer { metrics.finished() }
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        do {
            let response = try await next.respond(to: request)
            metrics.record(method: request.method.rawValue, route: route, status: response.status.code, duration: clock.now - start)
            return response
        } catch {
            let status = ErrorMapping(error, language: .en).status.code
            metrics.record(method: request.method.rawValue, route: route, status: status, duration: clock.now - start)
            throw error
        }
    }
}
