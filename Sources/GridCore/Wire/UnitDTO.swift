import Foundation

/// A unit with its place in the tree (`GET /api/v1/units`, `/api/v1/units/{id}`).
public struct UnitDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var parentID: UUID?
    public var path: String
    public var depth: Int
    /// Present in tree answers; nil where only the node was asked for.
    public var children: [UnitDTO]?
    public var childCount: Int?
    /// From the root down to the parent (`GET /api/v1/units/{id}` only).
    public var ancestors: [UnitSummaryDTO]?

    public init(_ unit: OrgUnit, children: [UnitDTO]? = nil, childCount: Int? = nil, ancestors: [UnitSummaryDTO]? = nil) {
        id = unit.id
        code = unit.code.rawValue
        name = unit.name
        kind = unit.kind
        parentID = unit.parentID
        path = unit.path.rawValue
        depth = unit.path.depth
        self.children = children
        self.childCount = childCount
        self.ancestors = ancestors
    }

    enum CodingKeys: String, CodingKey {
        case id, code, name, kind, path, depth, children, ancestors
        case parentID = "parent_id"
        case childCount = "child_count"
    }
}

/// `POST /api/v1/units` body.
public struct CreateUnitRequestDTO: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var kind: String
    /// The parent, by id or code; nil for a new root.
    public var parent: String?

    public init(code: String, name: String, kind: String, parent: String?) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parent = parent
    }
}

/// `PATCH /api/v1/units/{id}` body.
public struct UpdateUnitRequestDTO: Codable, Sendable, Equatable {
    public var name: String?

    public init(name: String?) {
        self.name = name
    }
}

/// `GET /api/v1/units`: the requested level of the tree, children nested to the requested depth.
public struct UnitTreeDTO: Codable, Sendable, Equatable {
    public var items: [UnitDTO]

    public init(items: [UnitDTO]) {
        self.items = items
    }
}
