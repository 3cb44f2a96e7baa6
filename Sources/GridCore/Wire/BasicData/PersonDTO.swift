import Foundation

/// A person as the API shows them. `id_number` and `phone` are masked (`510117********1234`)
/// unless the caller holds the unmask right and asked for this one record with a reason.
public struct PersonDTO: Codable, Sendable, Equatable {
    public struct Label: Codable, Sendable, Equatable {
        public var code: String
        public var label: String

        public init(code: String, label: String) {
            self.code = code
            self.label = label
        }
    }

    public var id: UUID
    public var name: String
    public var idType: Label
    public var idNumber: String
    public var phone: String?
    public var masked: Bool
    public var residenceKind: Label
    public var sex: String?
    public var birthDate: String?
    public var age: Int?
    public var relation: String?
    public var roomID: UUID?
    public var householdID: UUID?
    public var gridPath: String
    public var movedInOn: String?
    public var movedOutOn: String?
    public var careGroups: [Label]
    public var tags: [String]
    public var updatedOn: String
    public var version: Int

    public init(
        id: UUID, name: String, idType: Label, idNumber: String, phone: String?, masked: Bool, residenceKind: Label, sex: String?,
        birthDate: String?, age: Int?, relation: String?, roomID: UUID?, householdID: UUID?, gridPath: String, movedInOn: String?,
        movedOutOn: String?, careGroups: [Label], tags: [String], updatedOn: String, version: Int
    ) {
        self.id = id
        self.name = name
        self.idType = idType
        self.idNumber = idNumber
        self.phone = phone
        self.masked = masked
        self.residenceKind = residenceKind
        self.sex = sex
        self.birthDate = birthDate
        self.age = age
        self.relation = relation
        self.roomID = roomID
        self.householdID = householdID
        self.gridPath = gridPath
        self.movedInOn = movedInOn
        self.movedOutOn = movedOutOn
        self.careGroups = careGroups
        self.tags = tags
        self.updatedOn = updatedOn
        self.version = version
    }

    enum CodingKeys: String, CodingKey {
        case id, name, phone, masked, sex, age, relation, tags, version
        case idType = "id_type"
        case idNumber = "id_number"
        case residenceKind = "residence_kind"
        case birthDate = "birth_date"
        case roomID = "room_id"
        case householdID = "household_id"
        case gridPath = "grid_path"
        case movedInOn = "moved_in_on"
        case movedOutOn = "moved_out_on"
        case careGroups = "care_groups"
        case updatedOn = "updated_on"
    }
}
