import FluentKit
import Foundation
import GridCore

/// Row of `units`. Private to GridStore: callers get `GridCore.OrgUnit`.
// Fluent's property wrappers cannot be checked Sendable; instances never cross tasks.
final class UnitModel: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "path") var path: String
    @Field(key: "depth") var depth: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ unit: OrgUnit, now: Date) {
        id = unit.id
        code = unit.code.rawValue
        name = unit.name
        kind = unit.kind.rawValue
        parentID = unit.parentID
        path = unit.path.rawValue
        depth = unit.path.depth
        createdAt = now
        updatedAt = now
    }

    func toDomain() throws(StoreError) -> OrgUnit {
        guard let id, let kind = UnitKind(rawValue: kind), let path = UnitPath(rawValue: path),
              let code = try? UnitCode(code)
        else { throw StoreError.corruptRow(table: Self.schema, id: id?.uuidString ?? "?") }
        return OrgUnit(id: id, code: code, name: name, kind: kind, parentID: parentID, path: path)
    }
}
