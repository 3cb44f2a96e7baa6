import Foundation
import GridCore
import GridTestSupport
import Vapor

/// Reports built the way the phone app builds them.
enum EventFixtures {
    /// 消防通道堵塞 (a hazard the standard list carries) inside grid 510117001001001.
    static let fireLaneType = "B0501"

    static func report(
        _ app: Application, _ token: String, id: UUID = UUID(), description: String = "3号楼消防通道被杂物堵塞", grid: String = "510117001001001"
    ) async throws -> ReportEventRequestDTO {
        let shape = try require(try await MapFixtures.geometry(app, token, grid).multiPolygon)
        let inside = try require(shape.pointOnSurface)
        let phone = DatumConverter.convert(inside, from: .gcj02, to: .wgs84)
        return ReportEventRequestDTO(
            id: id, type: fireLaneType, description: description,
            location: .init(lon: phone.lon, lat: phone.lat, datum: "wgs84"),
            attributes: ["blocked_by": .string("杂物")])
    }
}

/// `#require` outside a test: throws instead of recording.
func require<T>(_ value: T?, _ message: String = "missing value") throws -> T {
    guard let value else { throw TestSupportError.unexpected(message) }
    return value
}
