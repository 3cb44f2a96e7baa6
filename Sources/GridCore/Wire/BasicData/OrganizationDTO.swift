import Foundation

/// An organisation (实有单位) as the API shows it; its phone masked.
public struct OrganizationDTO: Codable, Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var creditCode: String?
    public var kind: PersonDTO.Label
    public var addressCode: String
    public var address: String
    public var roomID: UUID?
    public var legalPerson: String
    public var phone: String?
    public var employeeCount: Int
    /// People registered as working here (从业人员登记).
    public var registeredEmployees: Int
    public var gridPath: String
    public var updatedOn: String
    public var version: Int

    public init(_ organization: Organization, registeredEmployees: Int, version: Int, language: Language) {
        id = organization.id
        name = organization.name
        creditCode = organization.creditCode?.value
        kind = PersonDTO.Label(code: organization.kind.rawValue, label: organization.kind.label.text(in: language))
        addressCode = organization.address.addressCode
        address = organization.address.fullText
        roomID = organization.roomID
        legalPerson = organization.legalPerson
        phone = organization.phone.isEmpty ? nil : Masking.maskPhone(organization.phone)
        employeeCount = organization.employeeCount
        self.registeredEmployees = registeredEmployees
        gridPath = organization.gridPath.rawValue
        updatedOn = organization.updatedOn.description
        self.version = version
    }

    enum CodingKeys: String, CodingKey {
        case id, name, kind, address, phone, version
        case creditCode = "credit_code"
        case addressCode = "address_code"
        case roomID = "room_id"
        case legalPerson = "legal_person"
        case employeeCount = "employee_count"
        case registeredEmployees = "registered_employees"
        case gridPath = "grid_path"
        case updatedOn = "updated_on"
    }
}

/// A standard address (一标) found by code or text: a building's door plate or one of its rooms.
public struct AddressDTO: Codable, Sendable, Equatable {
    public var code: String
    public var text: String
    /// `building` or `room`.
    public var level: String
    public var buildingID: UUID
    public var roomID: UUID?
    public var gridPath: String

    public init(code: String, text: String, level: String, buildingID: UUID, roomID: UUID?, gridPath: String) {
        self.code = code
        self.text = text
        self.level = level
        self.buildingID = buildingID
        self.roomID = roomID
        self.gridPath = gridPath
    }

    enum CodingKeys: String, CodingKey {
        case code, text, level
        case buildingID = "building_id"
        case roomID = "room_id"
        case gridPath = "grid_path"
    }
}

/// One change of a record (变更记录): who, when, why, and each field from what to what
/// (identifiers masked).
public struct RecordHistoryDTO: Codable, Sendable, Equatable {
    public struct Change: Codable, Sendable, Equatable {
        public var field: String
        public var label: String
        public var old: String?
        public var new: String?

        public init(_ change: FieldChange, language: Language) {
            field = change.field
            label = change.label.text(in: language)
            old = change.old?.text(in: language)
            new = change.new?.text(in: language)
        }
    }

    public var version: Int
    public var changedAt: Date
    public var changedBy: String
    public var summary: String
    public var changes: [Change]

    public init(version: Int, changedAt: Date, changedBy: String, summary: String, changes: [Change]) {
        self.version = version
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.summary = summary
        self.changes = changes
    }

    enum CodingKeys: String, CodingKey {
        case version, summary, changes
        case changedAt = "changed_at"
        case changedBy = "changed_by"
    }
}
