import Foundation

extension PersonUpdateDTO {
    /// The person with this request's changes (人员信息修改), checked as a whole record. Every
    /// problem is reported at once, each naming the request's JSON field.
    ///
    /// `roomID` is taken as given: the caller resolves the room and sets the grid it lies in.
    public func applied(to person: Person, today: CalendarDay) throws(ValidationFailures) -> Person {
        var changed = person
        var failures: [ValidationFailure] = []
        if let name { changed.name = BasicDataText.trimmed(name) }
        if let idType {
            if let type = PersonIDType(cell: idType) { changed.idType = type } else {
                failures.append(ValidationFailure(field: "id_type", zh: "未知的证件类型“\(idType)”", en: "unknown document type '\(idType)'"))
            }
        }
        if let idNumber { changed.idNumber = Person.normalizedIDNumber(idNumber) }
        if let phone {
            if BasicDataText.trimmed(phone).isEmpty { changed.phone = nil } else {
                do { changed.phone = try MobileNumber(phone, field: "phone") } catch { failures.append(ValidationFailure(field: "phone", reason: error.reason)) }
            }
        }
        if let residenceKind {
            if let kind = ResidenceKind(cell: residenceKind) { changed.residenceKind = kind } else {
                failures.append(ValidationFailure(
                    field: "residence_kind", zh: "未知的人员类型“\(residenceKind)”", en: "unknown residence kind '\(residenceKind)'"))
            }
        }
        if let roomID { changed.roomID = roomID }
        if let relation {
            if BasicDataText.trimmed(relation).isEmpty { changed.relationToHead = nil } else if let value = HouseholdRelation(cell: relation) {
                changed.relationToHead = value
            } else {
                failures.append(ValidationFailure(field: "relation", zh: "未知的与户主关系“\(relation)”", en: "unknown relation '\(relation)'"))
            }
        }
        if let movedInOn { changed.movedInOn = Self.day(movedInOn, field: "moved_in_on", failures: &failures) ?? changed.movedInOn }
        if let careGroups {
            var groups: Set<CareGroup> = []
            for (index, raw) in careGroups.enumerated() {
                if let group = CareGroup(cell: raw) { groups.insert(group) } else {
                    failures.append(ValidationFailure(
                        field: "care_groups[\(index)]", zh: "未知的关注群体“\(raw)”", en: "unknown care group '\(raw)'"))
                }
            }
            changed.careGroups = groups
        }
        if let tags { changed.tags = tags.map(BasicDataText.trimmed) }
        if let sex {
            if let value = ResidentID.Sex(cell: sex) { changed.declaredSex = value } else {
                failures.append(ValidationFailure(field: "sex", zh: "性别应为男或女", en: "sex must be male or female"))
            }
        }
        if let birthDate { changed.declaredBirthDate = Self.day(birthDate, field: "birth_date", failures: &failures) }
        changed.updatedOn = today
        // Record rules on what parsed; a field that failed to parse is reported once.
        failures = WireField.merging(changed.validate(today: today), into: failures, rename: Self.jsonField)
        guard failures.isEmpty else { throw ValidationFailures(failures) }
        return changed
    }

    /// A `YYYY-MM-DD` day, or a failure on `field`.
    static func day(_ text: String, field: String, failures: inout [ValidationFailure]) -> CalendarDay? {
        guard let day = CalendarDay(iso: BasicDataText.trimmed(text)) else {
            failures.append(ValidationFailure(field: field, zh: "日期“\(text)”应为 YYYY-MM-DD 格式的真实日期", en: "date '\(text)' must be a real YYYY-MM-DD date"))
            return nil
        }
        return day
    }

    /// The request's JSON key of a `Person` property named by `Person.validate` (`idNumber` → `id_number`).
    static func jsonField(_ property: String) -> String {
        switch property {
        case "relationToHead": "relation"
        case "declaredSex": "sex"
        case "declaredBirthDate": "birth_date"
        case "roomID": "room_id"
        default: WireField.snakeCased(property)
        }
    }
}
