import Foundation

/// One line of a people file (实有人口导入), parsed and checked. Where the person lives is
/// named as the file names it — an address code, or a building and a room — and resolved to a
/// room by the caller (`makePerson`).
public struct PersonCSVRow: Sendable, Hashable, Codable {
    public var name: String
    public var idType: PersonIDType
    /// Normalised (`Person.normalizedIDNumber`).
    public var idNumber: String
    public var phone: MobileNumber?
    public var residenceKind: ResidenceKind
    /// The room's address code (`StandardAddress.addressCode`); empty when building and room are given.
    public var addressCode: String
    /// The building as the file names it (its address code or its name); with `room`.
    public var building: String
    public var room: String
    public var movedInOn: CalendarDay?
    public var movedOutOn: CalendarDay?
    public var relationToHead: HouseholdRelation?
    public var careGroups: Set<CareGroup>
    public var tags: [String]
    /// For documents other than the resident identity card (which carries them).
    public var sex: ResidentID.Sex?
    public var birthDate: CalendarDay?

    public init(
        name: String, idType: PersonIDType, idNumber: String, phone: MobileNumber? = nil, residenceKind: ResidenceKind,
        addressCode: String = "", building: String = "", room: String = "", movedInOn: CalendarDay? = nil,
        movedOutOn: CalendarDay? = nil, relationToHead: HouseholdRelation? = nil, careGroups: Set<CareGroup> = [],
        tags: [String] = [], sex: ResidentID.Sex? = nil, birthDate: CalendarDay? = nil
    ) {
        self.name = name
        self.idType = idType
        self.idNumber = Person.normalizedIDNumber(idNumber)
        self.phone = phone
        self.residenceKind = residenceKind
        self.addressCode = addressCode
        self.building = building
        self.room = room
        self.movedInOn = movedInOn
        self.movedOutOn = movedOutOn
        self.relationToHead = relationToHead
        self.careGroups = careGroups
        self.tags = tags
        self.sex = idType == .residentID ? nil : sex
        self.birthDate = idType == .residentID ? nil : birthDate
    }

    /// The row for exporting `person`, who lives at `addressCode` (or in `building`/`room`).
    public init(person: Person, addressCode: String, building: String = "", room: String = "") {
        self.init(
            name: person.name, idType: person.idType, idNumber: person.idNumber, phone: person.phone,
            residenceKind: person.residenceKind, addressCode: addressCode, building: building, room: room,
            movedInOn: person.movedInOn, movedOutOn: person.movedOutOn, relationToHead: person.relationToHead,
            careGroups: person.careGroups, tags: person.tags, sex: person.declaredSex, birthDate: person.declaredBirthDate)
    }

    /// The person record, once the caller has resolved the address to a room and chosen the ids.
    public func makePerson(
        id: UUID, roomID: UUID?, householdID: UUID? = nil, gridPath: UnitPath, updatedOn: CalendarDay
    ) -> Person {
        Person(
            id: id, name: name, idType: idType, idNumber: idNumber, phone: phone, residenceKind: residenceKind,
            roomID: roomID, householdID: householdID, relationToHead: relationToHead, movedInOn: movedInOn,
            movedOutOn: movedOutOn, careGroups: careGroups, tags: tags, gridPath: gridPath, updatedOn: updatedOn,
            declaredSex: sex, declaredBirthDate: birthDate)
    }
}
