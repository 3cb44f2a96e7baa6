import Foundation
import GridClient
import GridCore
import GridTestSupport
import Vapor

/// Reports made the way a phone makes them, at a place inside the demo worker's grid.
enum ClientFixtures {
    static let workerGrid = "510117001001001"
    /// 消防通道堵塞, a hazard on the standard admission list.
    static let fireLane = "B0501"

    /// A WGS-84 point (as a phone's GPS gives it) inside `grid`, read from the API.
    static func phonePoint(_ app: Application, grid: String = workerGrid) async throws -> Coordinate {
        let token = try await app.token("gridworker")
        let (status, body) = try await app.call(.GET, "/api/v1/grids/\(grid)", token: token)
        guard status == .ok else { throw TestSupportError.unexpected("grid \(grid): \(status)") }
        let feature = try JSONDecoder().decode(GeoJSONFeature.self, from: Data(body.utf8))
        guard let inside = feature.geometry?.multiPolygon?.pointOnSurface else { throw TestSupportError.unexpected("no point in \(grid)") }
        return DatumConverter.convert(inside, from: .gcj02, to: .wgs84)
    }

    static func report(
        at point: Coordinate, id: UUID = UUID(), type: String = fireLane, description: String = "3号楼消防通道被杂物堵塞", occurredAt: Date? = nil
    ) -> ReportEventRequestDTO {
        ReportEventRequestDTO(
            id: id, type: type, description: description, location: .init(lon: point.lon, lat: point.lat, datum: "wgs84"),
            occurredAt: occurredAt, attributes: ["blocked_by": .string("杂物")])
    }

    /// A whole second in the past: the wire carries RFC 3339 times without fractions.
    static func wholeSecond(_ offset: TimeInterval) -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + offset).rounded(.down))
    }

    /// A fresh directory for a queue.
    static func queueDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gridclient-queue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Nothing listens there: every request fails to connect, as without network.
    static let unreachable = URL(string: "http://127.0.0.1:1")!
}
