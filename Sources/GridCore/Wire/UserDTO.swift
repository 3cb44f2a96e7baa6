import Foundation

/// A unit as other records refer to it.
public struct UnitSummaryDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var code: String
    public var name: String
    public var kind: UnitKind

    public init(id: UUID, code: String, name: String, kind: UnitKind) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
    }

    public init(_ unit: OrgUnit) {
        self.init(id: unit.id, code: unit.code.rawValue, name: unit.name, kind: unit.kind)
    }
}

/// A user account as the API shows it (`GET /api/v1/me`, user lists). Never carries the hash.
public struct UserDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var username: String
    public var displayName: String
    public var roles: [Role]
    public var unit: UnitSummaryDTO
    public var disabled: Bool
    public var lockedUntil: Date?
    /// What the user may do (`GET /api/v1/me` only), so clients can show just the usable menus.
    public var permissions: [String]?

    public init(
        id: UUID, username: String, displayName: String, roles: [Role], unit: UnitSummaryDTO,
        disabled: Bool = false, lockedUntil: Date? = nil, permissions: [String]? = nil
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.unit = unit
        self.disabled = disabled
        self.lockedUntil = lockedUntil
        self.permissions = permissions
    }

    enum CodingKeys: String, CodingKey {
        case id, username, roles, unit, disabled, permissions
        case displayName = "display_name"
        case lockedUntil = "locked_until"
    }
}

/// `POST /api/v1/users` body.
public struct CreateUserRequestDTO: Codable, Sendable, Equatable {
    public var username: String
    public var displayName: String?
    public var password: String
    public var roles: [String]
    /// The scope unit, by id or code.
    public var unit: String

    public init(username: String, displayName: String? = nil, password: String, roles: [String], unit: String) {
        self.username = username
        self.displayName = displayName
        self.password = password
        self.roles = roles
        self.unit = unit
    }

    enum CodingKeys: String, CodingKey {
        case username, password, roles, unit
        case displayName = "display_name"
    }
}

/// `PATCH /api/v1/users/{id}` body: only the fields present change.
public struct UpdateUserRequestDTO: Codable, Sendable, Equatable {
    public var displayName: String?
    public var roles: [String]?
    public var unit: String?
    public var disabled: Bool?
    public var password: String?

    public init(displayName: String? = nil, roles: [String]? = nil, unit: String? = nil, disabled: Bool? = nil, password: String? = nil) {
        self.displayName = displayName
        self.roles = roles
        self.unit = unit
        self.disabled = disabled
        self.password = password
    }

    enum CodingKeys: String, CodingKey {
        case roles, unit, disabled, password
        case displayName = "display_name"
    }
}
