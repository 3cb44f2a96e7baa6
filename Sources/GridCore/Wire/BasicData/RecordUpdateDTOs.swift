import Foundation

/// `PATCH /api/v1/rooms/{id}`: the fields to change, every other field kept; `version` is the
/// version the editor read. An empty string clears `landlord_name` and `landlord_phone`.
public struct RoomUpdateDTO: Codable, Sendable, Equatable {
    public var version: Int
    public var use: String?
    public var occupied: Bool?
    public var area: Double?
    public var ownerName: String?
    public var landlordName: String?
    public var landlordPhone: String?
    public var floor: Int?
    public var reason: String?

    public init(
        version: Int, use: String? = nil, occupied: Bool? = nil, area: Double? = nil, ownerName: String? = nil,
        landlordName: String? = nil, landlordPhone: String? = nil, floor: Int? = nil, reason: String? = nil
    ) {
        self.version = version
        self.use = use
        self.occupied = occupied
        self.area = area
        self.ownerName = ownerName
        self.landlordName = landlordName
        self.landlordPhone = landlordPhone
        self.floor = floor
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case version, use, occupied, area, floor, reason
        case ownerName = "owner_name"
        case landlordName = "landlord_name"
        case landlordPhone = "landlord_phone"
    }
}

/// `PATCH /api/v1/organizations/{id}`: the fields to change, every other field kept; `version`
/// is the version the editor read. An empty string clears `credit_code` and `phone`.
public struct OrganizationUpdateDTO: Codable, Sendable, Equatable {
    public var version: Int
    public var name: String?
    public var creditCode: String?
    public var kind: String?
    public var legalPerson: String?
    public var phone: String?
    public var employeeCount: Int?
    public var reason: String?

    public init(
        version: Int, name: String? = nil, creditCode: String? = nil, kind: String? = nil, legalPerson: String? = nil,
        phone: String? = nil, employeeCount: Int? = nil, reason: String? = nil
    ) {
        self.version = version
        self.name = name
        self.creditCode = creditCode
        self.kind = kind
        self.legalPerson = legalPerson
        self.phone = phone
        self.employeeCount = employeeCount
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case version, name, kind, phone, reason
        case creditCode = "credit_code"
        case legalPerson = "legal_person"
        case employeeCount = "employee_count"
    }
}
