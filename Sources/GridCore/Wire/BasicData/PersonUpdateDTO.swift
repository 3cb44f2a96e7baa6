import Foundation

/// `PATCH /api/v1/people/{id}`: the fields to change, every other field kept. `version` is the
/// version the editor read; a newer stored version refuses the change (409). An empty string
/// clears `phone` and `relation`.
public struct PersonUpdateDTO: Codable, Sendable, Equatable {
    public var version: Int
    public var name: String?
    public var idType: String?
    public var idNumber: String?
    public var phone: String?
    public var residenceKind: String?
    /// Moving within the registry to another room (the grid follows the room).
    public var roomID: UUID?
    public var relation: String?
    public var movedInOn: String?
    public var careGroups: [String]?
    public var tags: [String]?
    /// For documents other than the resident identity card (which carries them).
    public var sex: String?
    public var birthDate: String?
    /// Why the record changed (核实, 更正…), kept in the history.
    public var reason: String?

    public init(
        version: Int, name: String? = nil, idType: String? = nil, idNumber: String? = nil, phone: String? = nil,
        residenceKind: String? = nil, roomID: UUID? = nil, relation: String? = nil, movedInOn: String? = nil,
        careGroups: [String]? = nil, tags: [String]? = nil, sex: String? = nil, birthDate: String? = nil, reason: String? = nil
    ) {
        self.version = version
        self.name = name
        self.idType = idType
        self.idNumber = idNumber
        self.phone = phone
        self.residenceKind = residenceKind
        self.roomID = roomID
        self.relation = relation
        self.movedInOn = movedInOn
        self.careGroups = careGroups
        self.tags = tags
        self.sex = sex
        self.birthDate = birthDate
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case version, name, phone, relation, tags, sex, reason
        case idType = "id_type"
        case idNumber = "id_number"
        case residenceKind = "residence_kind"
        case roomID = "room_id"
        case movedInOn = "moved_in_on"
        case careGroups = "care_groups"
        case birthDate = "birth_date"
    }
}

/// `POST /api/v1/people/{id}/move-out`: the person left (迁出). The record stays, closed.
public struct MoveOutRequestDTO: Codable, Sendable, Equatable {
    public var version: Int
    /// `YYYY-MM-DD`; today when absent.
    public var movedOutOn: String?
    public var reason: String?

    public init(version: Int, movedOutOn: String? = nil, reason: String? = nil) {
        self.version = version
        self.movedOutOn = movedOutOn
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case version, reason
        case movedOutOn = "moved_out_on"
    }
}
