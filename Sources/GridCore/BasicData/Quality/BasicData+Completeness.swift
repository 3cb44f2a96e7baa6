extension Person {
    /// The age from which a phone number is expected (children often have none).
    public static let phoneExpectedFromAge = 18

    /// The fields a complete person record has (采集完整性), as keys of those missing: `name`,
    /// `idNumber`, `phone` (adults, or when the age is unknown), `roomID`, `movedInOn`,
    /// `relationToHead`, and for documents other than the resident identity card `declaredSex`
    /// and `declaredBirthDate`.
    public func missingFields(today: CalendarDay) -> [String] {
        var missing: [String] = []
        if BasicDataText.trimmed(name).isEmpty { missing.append("name") }
        if idNumber.isEmpty { missing.append("idNumber") }
        if phone == nil, (age(on: today) ?? Self.phoneExpectedFromAge) >= Self.phoneExpectedFromAge { missing.append("phone") }
        if roomID == nil { missing.append("roomID") }
        if movedInOn == nil { missing.append("movedInOn") }
        if relationToHead == nil { missing.append("relationToHead") }
        if idType != .residentID {
            if declaredSex == nil { missing.append("declaredSex") }
            if declaredBirthDate == nil { missing.append("declaredBirthDate") }
        }
        return missing
    }
}

extension Room {
    /// The fields a complete room record has, as keys of those missing: `number`, `area`,
    /// `ownerName`, and for rentals `landlordName` and `landlordPhone`.
    public var missingFields: [String] {
        var missing: [String] = []
        if BasicDataText.trimmed(number).isEmpty { missing.append("number") }
        if area == nil { missing.append("area") }
        if BasicDataText.trimmed(ownerName).isEmpty { missing.append("ownerName") }
        if use == .rental {
            if BasicDataText.trimmed(landlordName ?? "").isEmpty { missing.append("landlordName") }
            if landlordPhone == nil { missing.append("landlordPhone") }
        }
        return missing
    }
}

extension Organization {
    /// The fields a complete organisation record has, as keys of those missing: `name`,
    /// `creditCode` (kinds that require one), `legalPerson`, `phone`, `address.road`, `address.number`.
    public var missingFields: [String] {
        var missing: [String] = []
        if BasicDataText.trimmed(name).isEmpty { missing.append("name") }
        if creditCode == nil, kind.requiresCreditCode { missing.append("creditCode") }
        if BasicDataText.trimmed(legalPerson).isEmpty { missing.append("legalPerson") }
        if BasicDataText.trimmed(phone).isEmpty { missing.append("phone") }
        missing += address.missingComponents(for: .doorplate).map { "address." + $0 }
        return missing
    }
}
