import FluentKit
import Foundation
import GridStore
import Vapor

/// `GET /healthz`, `GET /metrics` and `GET /api/openapi.json`: for load balancers, Prometheus and
/// API clients. None needs a sign-in.
struct OpsController {
    let services: GridServices

    struct Health: Content {
        var status: String
        var database: String
        var engine: String
        var detail: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get("healthz") { req async throws -> Response in
            let clock = ContinuousClock()
            let start = clock.now
            let engine = services.config.database.isSQLite ? "sqlite" : "postgresql"
            do {
                try await GridDatabase.checkReachable(req.db, location: services.config.database)
                services.metrics.databaseCheckDuration.record(clock.now - start)
                services.metrics.databaseUp.set(Double(1))
                return try APIRouter.json(Health(status: "ok", database: "ok", engine: engine), status: .ok)
            } catch {
                services.metrics.databaseUp.set(Double(0))
                req.logger.error("health check failed: \(error)")
                return try APIRouter.json(
                    Health(status: "unavailable", database: "unreachable", engine: engine, detail: GridDatabase.describe(error)),
                    status: .serviceUnavailable)
            }
        }
        routes.get("metrics") { _ async throws -> Response in
            let response = Response(status: .ok, body: .init(string: services.metrics.exposition()))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
            return response
        }
        routes.get("api", "openapi.json") { _ async throws -> Response in
            let response = Response(status: .ok, body: .init(data: try services.openAPI.document()))
            response.headers.contentType = .json
            return response
        }
    }
}
