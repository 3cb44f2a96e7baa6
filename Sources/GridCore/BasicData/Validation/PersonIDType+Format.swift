extension PersonIDType {
    /// Checks a document number against the format of this document type; nil when it fits.
    /// Resident identity cards get the full GB 11643 check (`ResidentID`); other documents a
    /// format check:
    /// - passport: 5–20 letters and digits;
    /// - Hong Kong/Macau: `H` or `M` and 8 or 10 digits (回乡证), or an 18-character residence
    ///   permit starting 810000/820000 with a GB 11643 check character;
    /// - Taiwan: 8 or 10 letters and digits (台胞证), or an 18-character residence permit starting
    ///   830000 with a GB 11643 check character;
    /// - foreigner permanent residence: 3 letters and 12 digits (2004 card) or 18 characters
    ///   starting with 9 with a GB 11643 check character (2017 card);
    /// - other: 1–30 letters, digits and dashes.
    /// `number` should be normalised (`Person.normalizedIDNumber`).
    public func formatFailure(of number: String, today: CalendarDay, field: String = "idNumber") -> ValidationFailure? {
        if number.isEmpty {
            return ValidationFailure(field: field, zh: "证件号码不能为空", en: "the document number must not be empty")
        }
        if self == .residentID {
            if FastIdentity.isValidResidentID(number, today: today) { return nil }
            do {
                _ = try ResidentID(number, today: today, field: field)
                return nil
            } catch {
                return ValidationFailure(error)
            }
        }
        let characters = Array(number)
        let isAlphanumeric = characters.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
        let fits: Bool
        switch self {
        case .residentID:
            fits = true
        case .passport:
            fits = isAlphanumeric && (5...20).contains(characters.count)
        case .hongKongMacauPermit:
            fits = Self.isPermit(characters, prefixes: ["H", "M"]) || Self.isResidencePermit(number, prefixes: ["810000", "820000"])
        case .taiwanPermit:
            fits = (isAlphanumeric && (characters.count == 8 || characters.count == 10))
                || Self.isResidencePermit(number, prefixes: ["830000"])
        case .foreignPermanentResidence:
            let old = characters.count == 15 && characters.prefix(3).allSatisfy { $0.isASCII && $0.isUppercase }
                && characters.dropFirst(3).allSatisfy { $0.isASCII && $0.isNumber }
            fits = old || Self.isResidencePermit(number, prefixes: ["9"])
        case .other:
            fits = (1...30).contains(characters.count)
                && characters.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase || $0 == "-") }
        }
        guard !fits else { return nil }
        return ValidationFailure(
            field: field, zh: "证件号码“\(number)”不符合\(label.zhHans)的格式",
            en: "“\(number)” is not a valid \(label.en) number")
    }

    /// `H`/`M` and 8 or 10 digits.
    private static func isPermit(_ characters: [Character], prefixes: Set<Character>) -> Bool {
        guard let first = characters.first, prefixes.contains(first) else { return false }
        let rest = characters.dropFirst()
        return (rest.count == 8 || rest.count == 10) && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// 18 characters in the resident-ID layout with a valid check character and one of the prefixes.
    private static func isResidencePermit(_ number: String, prefixes: [String]) -> Bool {
        guard number.count == 18, prefixes.contains(where: number.hasPrefix),
              let expected = ResidentID.checkCharacter(for: number.prefix(17))
        else { return false }
        return number.last == expected
    }
}
