import Foundation
import GridCore
import GridTestSupport
import Vapor

/// Shapes from the small demo map, fetched through the API as a client would.
enum MapFixtures {
    /// The small demo's first community has grids 001 and 002 (and maybe a special grid).
    static let community = "510117001001"
    static let mergedCode = "510117001001020"

    static func feature(_ app: Application, _ token: String, _ code: String) async throws -> GeoJSONFeature {
        let (status, body) = try await app.call(.GET, "/api/v1/grids/\(code)", token: token)
        guard status == .ok else { throw TestSupportError.unexpected("grid \(code): \(status) \(body)") }
        return try JSONDecoder().decode(GeoJSONFeature.self, from: Data(body.utf8))
    }

    static func geometry(_ app: Application, _ token: String, _ code: String) async throws -> GeoJSONGeometry {
        guard let geometry = try await feature(app, token, code).geometry else { throw TestSupportError.unexpected("no geometry") }
        return geometry
    }

    static func mergeRequest(_ app: Application, _ token: String) async throws -> GridChangeRequestDTO {
        try await mergeThenSplit(app, token).0
    }

    /// Merge 001 + 002 into 020 (their outlines together), then split 020 back into 021 and 022
    /// with the original outlines: parts that cover the merged grid exactly.
    static func mergeThenSplit(_ app: Application, _ token: String) async throws -> (GridChangeRequestDTO, GridChangeRequestDTO) {
        let a = try await geometry(app, token, community + "001")
        let b = try await geometry(app, token, community + "002")
        let together = MultiPolygon((a.multiPolygon?.polygons ?? []) + (b.multiPolygon?.polygons ?? []))
        let merge = GridChangeRequestDTO(
            datum: "gcj02", codes: [community + "001", community + "002"],
            into: GridPartDTO(code: mergedCode, name: "合并网格", geometry: .multiPolygon(together)))
        let split = GridChangeRequestDTO(
            datum: "gcj02",
            parts: [GridPartDTO(code: community + "021", name: "新甲网格", geometry: a), GridPartDTO(code: community + "022", name: "新乙网格", geometry: b)])
        return (merge, split)
    }
}
