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

extension EventFixtures {
    /// Reports an event and walks it to a dispatch to the enforcement bureau (510117-ZF): the
    /// community accepts it at level 3 and escalates, the street dispatches.
    static func dispatchToDepartment(_ app: Application, description: String = "3号楼消防通道被杂物堵塞") async throws -> UUID {
        let worker = try await app.token("gridworker")
        let community = try await app.token("community_op")
        let street = try await app.token("street_op")
        let report = try await report(app, worker, description: description)
        _ = try await app.call(.POST, "/api/v1/events", token: worker, json: report)
        for (token, action, input) in [
            (community, "accept", EventActionRequestDTO(level: 3)), (community, "escalate", EventActionRequestDTO(reason: "超出职能")),
            (street, "dispatch", EventActionRequestDTO(unit: "510117-ZF")),
        ] {
            let status = try await app.call(.POST, "/api/v1/events/\(report.id)/actions/\(action)", token: token, json: input).status
            guard status == .ok else { throw TestSupportError.unexpected("\(action) answered \(status)") }
        }
        return report.id
    }
}

/// `#require` outside a test: throws instead of recording.
func require<T>(_ value: T?, _ message: String = "missing value") throws -> T {
    guard let value else { throw TestSupportError.unexpected(message) }
    return value
}
