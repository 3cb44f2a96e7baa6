extension RoomUpdateDTO {
    /// The room with this request's changes (房屋信息修改), checked as a whole record against its
    /// building; every problem at once, each naming the request's JSON field.
    public func applied(to room: Room, in building: Building, today: CalendarDay) throws(ValidationFailures) -> Room {
        var changed = room
        var failures: [ValidationFailure] = []
        if let use {
            if let value = RoomUse(cell: use) { changed.use = value } else {
                failures.append(ValidationFailure(field: "use", zh: "未知的房屋用途“\(use)”", en: "unknown room use '\(use)'"))
            }
        }
        if let occupied { changed.isOccupied = occupied }
        if let area { changed.area = area }
        if let floor { changed.floor = floor }
        if let ownerName { changed.ownerName = BasicDataText.trimmed(ownerName) }
        if let landlordName { changed.landlordName = BasicDataText.trimmed(landlordName).isEmpty ? nil : BasicDataText.trimmed(landlordName) }
        if let landlordPhone {
            if BasicDataText.trimmed(landlordPhone).isEmpty { changed.landlordPhone = nil } else {
                do { changed.landlordPhone = try MobileNumber(landlordPhone, field: "landlord_phone") } catch {
                    failures.append(ValidationFailure(field: "landlord_phone", reason: error.reason))
                }
            }
        }
        changed.updatedOn = today
        failures = WireField.merging(changed.validate(today: today, building: building), into: failures) {
            $0 == "isOccupied" ? "occupied" : WireField.snakeCased($0)
        }
        guard failures.isEmpty else { throw ValidationFailures(failures) }
        return changed
    }
}

extension OrganizationUpdateDTO {
    /// The organisation with this request's changes (单位信息修改), checked as a whole record;
    /// every problem at once, each naming the request's JSON field.
    public func applied(to organization: Organization, today: CalendarDay) throws(ValidationFailures) -> Organization {
        var changed = organization
        var failures: [ValidationFailure] = []
        if let name { changed.name = BasicDataText.trimmed(name) }
        if let creditCode {
            if BasicDataText.trimmed(creditCode).isEmpty { changed.creditCode = nil } else {
                do { changed.creditCode = try SocialCreditCode(creditCode, field: "credit_code") } catch {
                    failures.append(ValidationFailure(field: "credit_code", reason: error.reason))
                }
            }
        }
        if let kind {
            if let value = OrganizationKind(cell: kind) { changed.kind = value } else {
                failures.append(ValidationFailure(field: "kind", zh: "未知的单位类型“\(kind)”", en: "unknown organisation kind '\(kind)'"))
            }
        }
        if let legalPerson { changed.legalPerson = BasicDataText.trimmed(legalPerson) }
        if let phone { changed.phone = BasicDataText.trimmed(phone) }
        if let employeeCount { changed.employeeCount = employeeCount }
        changed.updatedOn = today
        failures = WireField.merging(changed.validate(today: today), into: failures)
        guard failures.isEmpty else { throw ValidationFailures(failures) }
        return changed
    }
}
