import Foundation

extension Declaration {
    /// What accepting the declaration does to the registry (采纳入库): the person record to store.
    /// Pure; the server finds `existing` (the person registered with `content.idNumber`), the room
    /// and the employer, stores the result and calls `accepted(by:at:personID:)` with its id.
    ///
    /// - newTenant: without `existing`, a new person (`newPersonID`) living in the room since
    ///   `effectiveOn`; with one, the same person moved into the room (moved-out date cleared,
    ///   household left when the room changes, phone replaced when declared).
    /// - movedOut: `existing`, living in that room, moved out on `effectiveOn` (`Person.movingOut`).
    /// - newEmployee: `existing` with its employer set (and the employer's grid when it has no room;
    ///   phone replaced when declared), or a new person without a room in the employer's grid.
    /// `updatedOn` becomes `recordedOn` in every case.
    ///
    /// - Parameters:
    ///   - roomID, roomGridPath: the room `content.addressCode` names (new tenant, moved out).
    ///   - employerID, employerGridPath: the organisation `content.creditCode` names (new employee).
    /// - Throws: `ValidationFailure` on `addressCode` when the room is missing or (moved out) the
    ///   person does not live there; on `creditCode` when the employer is missing; on `idNumber`
    ///   when no one is registered to move out; on `residenceKind` when a new person has none;
    ///   on `effectiveOn` when `Person.movingOut` refuses the day or the person already moved out.
    public func effect(
        existing: Person?, roomID: UUID?, roomGridPath: UnitPath?, employerID: UUID?, employerGridPath: UnitPath?,
        recordedOn: CalendarDay, newPersonID: UUID
    ) throws(ValidationFailure) -> Person {
        let content = self.content
        switch content.kind {
        case .newTenant:
            guard let roomID, let roomGridPath else { throw Self.roomMissing }
            guard var person = existing else {
                return Person(
                    id: newPersonID, name: content.personName, idType: content.idType, idNumber: content.idNumber,
                    phone: content.personPhone, residenceKind: try content.requiredResidenceKind(), roomID: roomID,
                    movedInOn: content.effectiveOn, gridPath: roomGridPath, updatedOn: recordedOn,
                    declaredSex: content.declaredSex, declaredBirthDate: content.declaredBirthDate)
            }
            if person.roomID != roomID {
                person.householdID = nil
                person.relationToHead = nil
            }
            person.roomID = roomID
            person.gridPath = roomGridPath
            person.movedInOn = content.effectiveOn
            person.movedOutOn = nil
            if let phone = content.personPhone { person.phone = phone }
            person.updatedOn = recordedOn
            return person
        case .movedOut:
            guard let roomID else { throw Self.roomMissing }
            guard let person = existing else {
                throw ValidationFailure(
                    field: "id_number", zh: "登记信息中没有持此证件号码的人员",
                    en: "no one is registered with this document number")
            }
            guard person.roomID == roomID else {
                throw ValidationFailure(
                    field: "address_code", zh: "该房屋没有登记此人", en: "this person is not registered in this room")
            }
            do {
                return try person.movingOut(on: content.effectiveOn, recordedOn: recordedOn)
            } catch {
                // The declaration's field for the day is `effectiveOn`.
                throw ValidationFailure(field: "effective_on", zh: error.reason.zhHans, en: error.reason.en)
            }
        case .newEmployee:
            guard let employerID, let employerGridPath else {
                throw ValidationFailure(
                    field: "credit_code", zh: "没有登记该统一社会信用代码的单位",
                    en: "no organisation is registered with this unified social credit code")
            }
            guard var person = existing else {
                return Person(
                    id: newPersonID, name: content.personName, idType: content.idType, idNumber: content.idNumber,
                    phone: content.personPhone, residenceKind: try content.requiredResidenceKind(),
                    gridPath: employerGridPath, updatedOn: recordedOn, declaredSex: content.declaredSex,
                    declaredBirthDate: content.declaredBirthDate, employerID: employerID)
            }
            person.employerID = employerID
            if person.roomID == nil { person.gridPath = employerGridPath }
            if let phone = content.personPhone { person.phone = phone }
            person.updatedOn = recordedOn
            return person
        }
    }

    private static var roomMissing: ValidationFailure {
        ValidationFailure(field: "address_code", zh: "该地址没有登记的房屋", en: "no room is registered at this address")
    }
}

extension ValidDeclaration {
    /// The kind of residence for a new person record; validation makes it present for the kinds
    /// that create one.
    func requiredResidenceKind() throws(ValidationFailure) -> ResidenceKind {
        guard let residenceKind else {
            throw ValidationFailure(field: "residence_kind", zh: "请选择人员类型", en: "choose the kind of residence")
        }
        return residenceKind
    }
}
