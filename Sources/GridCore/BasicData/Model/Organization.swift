import Foundation

/// An actual organisation (实有单位): an enterprise, a shop, a social organisation, a homestay,
/// a hotel or a public body with its premises in the grid.
public struct Organization: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    /// 单位名称.
    public var name: String
    /// 统一社会信用代码 (GB 32100); may be missing for small shops (see `OrganizationKind.requiresCreditCode`).
    public var creditCode: SocialCreditCode?
    public var kind: OrganizationKind
    /// Where it trades (经营地址).
    public var address: StandardAddress
    /// The room it occupies (a shop), if known.
    public var roomID: UUID?
    /// 法定代表人/负责人.
    public var legalPerson: String
    /// 联系电话: a mobile number or a landline (`028-87654321`).
    public var phone: String
    /// 从业人数.
    public var employeeCount: Int
    /// The grid it lies in.
    public var gridPath: UnitPath
    /// The day the record was last confirmed or changed (核实/更新日期).
    public var updatedOn: CalendarDay

    public init(
        id: UUID, name: String, creditCode: SocialCreditCode?, kind: OrganizationKind, address: StandardAddress,
        roomID: UUID? = nil, legalPerson: String, phone: String, employeeCount: Int, gridPath: UnitPath, updatedOn: CalendarDay
    ) {
        self.id = id
        self.name = name
        self.creditCode = creditCode
        self.kind = kind
        self.address = address
        self.roomID = roomID
        self.legalPerson = legalPerson
        self.phone = phone
        self.employeeCount = employeeCount
        self.gridPath = gridPath
        self.updatedOn = updatedOn
    }
}
