import FluentKit
import Foundation

/// Row of `unit_geometries`: one version of a unit's outline, in GCJ-02, valid over
/// `[valid_from, valid_to)` (local dates, `YYYY-MM-DD`, so they compare as text on both engines).
// Fluent's property wrappers cannot be checked Sendable; instances never cross tasks.
final class UnitGeometryModel: Model, @unchecked Sendable {
    static let schema = "unit_geometries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "unit_id") var unit: UnitModel
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_to") var validTo: String?
    @Field(key: "source_datum") var sourceDatum: String
    @Field(key: "geometry") var geometry: String
    @Field(key: "area_m2") var area: Double
    @Field(key: "centroid_lon") var centroidLon: Double
    @Field(key: "centroid_lat") var centroidLat: Double
    @Field(key: "min_lon") var minLon: Double
    @Field(key: "min_lat") var minLat: Double
    @Field(key: "max_lon") var maxLon: Double
    @Field(key: "max_lat") var maxLat: Double
    @OptionalField(key: "change_id") var changeID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Row of `grid_staff`: a person serving a grid in a role over `[valid_from, valid_to)`.
// Fluent's property wrappers cannot be checked Sendable; instances never cross tasks.
final class GridStaffModel: Model, @unchecked Sendable {
    static let schema = "grid_staff"

    @ID(key: .id) var id: UUID?
    @Parent(key: "unit_id") var unit: UnitModel
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "work_phone") var workPhone: String?
    @Field(key: "role") var role: String
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_to") var validTo: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
