import Foundation

/// A person of the actual population (实有人口): registered, floating or overseas, living in a
/// room of the grid.
///
/// For a resident identity card, sex and birth date are not stored: they are read from the
/// number (`sex`, `birthDate`). Other documents do not carry them, so the person's declared
/// values are kept (`declaredSex`, `declaredBirthDate`). `description` never shows the number.
public struct Person: Sendable, Hashable, Codable, Identifiable, CustomStringConvertible {
    public var id: UUID
    /// 姓名.
    public var name: String
    /// 证件类型.
    public var idType: PersonIDType
    /// 证件号码, normalised by the initialiser (full-width folded, spaces trimmed, letters upper-cased).
    public var idNumber: String
    /// 联系电话.
    public var phone: MobileNumber?
    /// 人员类型: registered, floating or overseas.
    public var residenceKind: ResidenceKind
    /// The room the person lives in (居住房屋).
    public var roomID: UUID?
    /// The household (户) the person belongs to; people of one household share it.
    public var householdID: UUID?
    /// 与户主关系.
    public var relationToHead: HouseholdRelation?
    /// 迁入日期: when the person came to live here.
    public var movedInOn: CalendarDay?
    /// 迁出日期: set when the person moves away. A person is never deleted for moving out.
    public var movedOutOn: CalendarDay?
    /// 关注群体.
    public var careGroups: Set<CareGroup>
    /// Free tags (标签): 党员, 志愿者, 楼栋长…
    public var tags: [String]
    /// The grid the person lives in.
    public var gridPath: UnitPath
    /// The day the record was last confirmed or changed (核实/更新日期).
    public var updatedOn: CalendarDay
    /// Sex as declared, for documents that do not carry it; ignored for resident identity cards.
    public var declaredSex: ResidentID.Sex?
    /// Birth date as declared, for documents that do not carry it; ignored for resident identity cards.
    public var declaredBirthDate: CalendarDay?
    /// 工作单位: the organisation (实有单位) the person works for, if known.
    public var employerID: UUID?

    public init(
        id: UUID, name: String, idType: PersonIDType, idNumber: String, phone: MobileNumber? = nil,
        residenceKind: ResidenceKind, roomID: UUID? = nil, householdID: UUID? = nil,
        relationToHead: HouseholdRelation? = nil, movedInOn: CalendarDay? = nil, movedOutOn: CalendarDay? = nil,
        careGroups: Set<CareGroup> = [], tags: [String] = [], gridPath: UnitPath, updatedOn: CalendarDay,
        declaredSex: ResidentID.Sex? = nil, declaredBirthDate: CalendarDay? = nil, employerID: UUID? = nil
    ) {
        self.id = id
        self.name = name
        self.idType = idType
        self.idNumber = Person.normalizedIDNumber(idNumber)
        self.phone = phone
        self.residenceKind = residenceKind
        self.roomID = roomID
        self.householdID = householdID
        self.relationToHead = relationToHead
        self.movedInOn = movedInOn
        self.movedOutOn = movedOutOn
        self.careGroups = careGroups
        self.tags = tags
        self.gridPath = gridPath
        self.updatedOn = updatedOn
        self.declaredSex = declaredSex
        self.declaredBirthDate = declaredBirthDate
        self.employerID = employerID
    }

    /// An identity number as stored and compared: full-width characters folded, surrounding
    /// spaces removed, letters upper-cased.
    public static func normalizedIDNumber(_ text: String) -> String {
        // Already normal (ASCII digits and capitals): the common case, kept cheap for bulk loads.
        if !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) { return text }
        return BasicDataText.folded(text).uppercased()
    }

    /// 性别: from the identity number's sequence digit for a resident identity card, else as declared.
    public var sex: ResidentID.Sex? {
        guard idType == .residentID else { return declaredSex }
        let bytes = Array(idNumber.utf8)
        guard bytes.count == 18, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[16]) else { return nil }
        return (bytes[16] - UInt8(ascii: "0")) % 2 == 1 ? .male : .female
    }

    /// 出生日期: from the identity number for a resident identity card, else as declared.
    public var birthDate: CalendarDay? {
        guard idType == .residentID else { return declaredBirthDate }
        let bytes = Array(idNumber.utf8)
        guard bytes.count == 18 else { return nil }
        return CalendarDay(compact: String(decoding: bytes[6..<14], as: UTF8.self))
    }

    /// Age in whole years on `day` (周岁), nil when the birth date is unknown.
    public func age(on day: CalendarDay) -> Int? {
        birthDate?.completedYears(until: day)
    }

    /// Whether the person lives here on `day`: moved in (or no date known) and not yet moved out.
    public func isResident(on day: CalendarDay) -> Bool {
        if let movedInOn, movedInOn > day { return false }
        if let movedOutOn, movedOutOn <= day { return false }
        return true
    }

    /// The masked identity number (`510117********1234`), for screens.
    public var maskedIDNumber: String { Masking.maskIDNumber(idNumber) }

    /// Name, document type and masked number: safe to log.
    public var description: String { "\(name) (\(idType.rawValue) \(maskedIDNumber))" }
}
