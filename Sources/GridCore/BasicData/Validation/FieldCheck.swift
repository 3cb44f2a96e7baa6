/// Small checks shared by the basic-data validators; each returns a failure or nil.
enum FieldCheck {
    /// The longest name, owner or department name accepted.
    static let maximumNameLength = 100

    static func failure(_ error: some UserFacingError) -> ValidationFailure {
        ValidationFailure(field: error.field, zh: error.reason.zhHans, en: error.reason.en)
    }

    /// Empty (or blank) text for a required field.
    static func required(_ value: String, field: String, zh: String, en: String) -> ValidationFailure? {
        guard BasicDataText.trimmed(value).isEmpty else { return nil }
        return ValidationFailure(field: field, zh: "\(zh)不能为空", en: "the \(en) must not be empty")
    }

    /// Required and at most `maximumNameLength` characters.
    static func name(_ value: String, field: String, zh: String, en: String) -> ValidationFailure? {
        if let missing = required(value, field: field, zh: zh, en: en) { return missing }
        guard value.count > maximumNameLength else { return nil }
        return ValidationFailure(
            field: field, zh: "\(zh)不能超过 \(maximumNameLength) 个字",
            en: "the \(en) must be at most \(maximumNameLength) characters")
    }

    /// A day that must not lie after `today`.
    static func notAfterToday(_ day: CalendarDay?, today: CalendarDay, field: String, zh: String, en: String) -> ValidationFailure? {
        guard let day, day > today else { return nil }
        return ValidationFailure(field: field, zh: "\(zh) \(day) 晚于今天", en: "the \(en) \(day) is in the future")
    }

    /// A count or measure that must not be negative (or NaN).
    static func nonNegative(_ value: Double?, field: String, zh: String, en: String) -> ValidationFailure? {
        guard let value, !(value >= 0) || !value.isFinite else { return nil }
        return ValidationFailure(field: field, zh: "\(zh)不能为负数", en: "the \(en) must not be negative")
    }

    static func validCoordinate(_ coordinate: Coordinate, field: String) -> ValidationFailure? {
        guard !coordinate.isValidGeographic else { return nil }
        return ValidationFailure(
            field: field, zh: "坐标 \(coordinate) 不是有效的经纬度",
            en: "\(coordinate) is not a valid longitude and latitude")
    }

    /// A contact phone: a mainland mobile number, a landline with or without area code
    /// (`028-87654321`, `87654321`) or a 400/800 service number. Spaces, dashes and brackets
    /// between digit groups are allowed.
    static func contactPhone(_ text: String, field: String) -> ValidationFailure? {
        let folded = BasicDataText.folded(text)
        guard !folded.isEmpty else { return nil }
        if FastIdentity.plainMobile(folded) != nil || (try? MobileNumber(folded, field: field)) != nil { return nil }
        let digits = folded.filter { !" -()（）".contains($0) }
        let allDigits = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
        if allDigits {
            let isService = (digits.hasPrefix("400") || digits.hasPrefix("800")) && digits.count == 10
            let isLocal = (7...8).contains(digits.count) && !digits.hasPrefix("0") && !digits.hasPrefix("1")
            let isWithArea = digits.hasPrefix("0") && (10...12).contains(digits.count) && !digits.hasPrefix("00")
            if isService || isLocal || isWithArea { return nil }
        }
        return ValidationFailure(
            field: field, zh: "联系电话“\(text)”应为手机号码或固定电话（如 028-87654321）",
            en: "the phone “\(text)” must be a mobile number or a landline (such as 028-87654321)")
    }
}

extension ValidationFailure {
    /// The failure of an identity check (`IdentityError`) or any other user-facing error.
    init(_ error: some UserFacingError) {
        self.init(field: error.field, zh: error.reason.zhHans, en: error.reason.en)
    }
}
