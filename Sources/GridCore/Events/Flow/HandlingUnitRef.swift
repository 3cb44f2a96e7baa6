import Foundation

/// A unit an event is dispatched to (承办单位): a department (职能部门) or an outside unit
/// (外驻单位). The path decides who may act for it: a handler whose unit path contains it.
public struct HandlingUnitRef: Sendable, Hashable, Codable {
    public let id: UUID
    public let path: UnitPath
    public let kind: UnitKind

    public init(id: UUID, path: UnitPath, kind: UnitKind) {
        self.id = id
        self.path = path
        self.kind = kind
    }

    /// A reference to an existing unit.
    public init(_ unit: OrgUnit) {
        self.init(id: unit.id, path: unit.path, kind: unit.kind)
    }
}
