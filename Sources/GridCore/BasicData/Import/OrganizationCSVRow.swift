import Foundation

/// One line of an organisations file (实有单位导入), parsed and checked. The address is named by
/// its code and resolved by the caller (`makeOrganization`).
public struct OrganizationCSVRow: Sendable, Hashable, Codable {
    public var name: String
    public var creditCode: SocialCreditCode?
    public var kind: OrganizationKind
    /// The standard address's code (`StandardAddress.addressCode`).
    public var addressCode: String
    public var legalPerson: String
    public var phone: String
    /// Nil when the file leaves it empty.
    public var employeeCount: Int?

    public init(
        name: String, creditCode: SocialCreditCode?, kind: OrganizationKind, addressCode: String,
        legalPerson: String = "", phone: String = "", employeeCount: Int? = nil
    ) {
        self.name = name
        self.creditCode = creditCode
        self.kind = kind
        self.addressCode = addressCode
        self.legalPerson = legalPerson
        self.phone = phone
        self.employeeCount = employeeCount
    }

    /// The row for exporting `organization`.
    public init(organization: Organization) {
        self.init(
            name: organization.name, creditCode: organization.creditCode, kind: organization.kind,
            addressCode: organization.address.addressCode, legalPerson: organization.legalPerson,
            phone: organization.phone, employeeCount: organization.employeeCount)
    }

    /// The organisation record, once the caller has resolved the address and chosen the id.
    public func makeOrganization(
        id: UUID, address: StandardAddress, roomID: UUID? = nil, gridPath: UnitPath, updatedOn: CalendarDay
    ) -> Organization {
        Organization(
            id: id, name: name, creditCode: creditCode, kind: kind, address: address, roomID: roomID,
            legalPerson: legalPerson, phone: phone, employeeCount: employeeCount ?? 0, gridPath: gridPath,
            updatedOn: updatedOn)
    }
}
