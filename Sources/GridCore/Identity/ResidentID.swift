import Foundation

/// A checked citizen identity number (公民身份号码, GB 11643-1999): 6-digit region code,
/// 8-digit birth date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2
/// check character.
///
/// `description` is the masked form, so that printing or logging one never leaks the number;
/// use `value` deliberately. Encodes as the normalised 18-character string.
public struct ResidentID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 性别, from the parity of the sequence number.
    public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
        case male
        case female

        public var label: LocalizedText {
            switch self {
            case .male: LocalizedText(zh: "男", en: "male")
            case .female: LocalizedText(zh: "女", en: "female")
            }
        }
    }

    /// Province-level codes of GB/T 2260 (省级行政区划代码), 11 Beijing … 82 Macao.
    public static let provinceCodes: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
        "65", "71", "81", "82",
    ]

    /// Birth dates before this year are refused: no living resident was born earlier.
    public static let minimumBirthYear = 1900

    /// The normalised number: 18 ASCII characters, a final `x` upper-cased to `X`.
    public let value: String
    public let birthDate: CalendarDay
    public let sex: Sex

    /// Checks `text` as entered: surrounding spaces and full-width characters are tolerated, a
    /// lower-case `x` is accepted. The birth date must exist, be in 1900 or later and not after `today`.
    ///
    /// - Throws: `IdentityError` naming `field`, with the first problem found in this order:
    ///   empty, length, characters, province, birth date, check character.
    public init(_ text: String, today: CalendarDay, field: String = "id_number") throws(IdentityError) {
        self = try ResidentID.parse(text, today: today, field: field)
    }

    /// As `init(_:today:field:)`, with today taken as the local day of `now` in `timeZone`.
    public init(
        _ text: String, now: Date, timeZone: TimeZone = WorkingCalendar.defaultTimeZone,
        field: String = "id_number"
    ) throws(IdentityError) {
        let today = WorkingCalendar(holidays: .empty, timeZone: timeZone).day(of: now)
        self = try ResidentID.parse(text, today: today, field: field)
    }

    private init(value: String, birthDate: CalendarDay, sex: Sex) {
        self.value = value
        self.birthDate = birthDate
        self.sex = sex
    }

    /// 6-digit administrative region code of the registering county (户籍地行政区划代码).
    public var regionCode: String { String(value.prefix(6)) }

    /// The first two digits of `regionCode`.
    public var provinceCode: String { String(value.prefix(2)) }

    /// The 3-digit sequence number (顺序码).
    public var sequence: String { String(value.dropFirst(14).prefix(3)) }

    /// The 18th character (校验码): a digit or X.
    public var checkCharacter: Character { value.last ?? "0" }

    /// `510117********1234`, for screens (see `Masking`).
    public var masked: String { Masking.maskIDNumber(value) }

    public var description: String { masked }

    /// Age in whole years on `day` (周岁), e.g. for the elderly care group.
    public func age(on day: CalendarDay) -> Int {
        birthDate.completedYears(until: day)
    }

    /// The check character for the first 17 digits (ISO 7064 MOD 11-2), or nil when `digits` is
    /// not exactly 17 ASCII digits.
    public static func checkCharacter(for digits: some StringProtocol) -> Character? {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let values = digits.compactMap(IdentityInput.digitValue)
        guard digits.count == 17, values.count == 17 else { return nil }
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let map: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]
        return map[sum % 11]
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        // A stored number was checked against the clock when entered; decoding has no clock, so
        // it re-checks everything except "not in the future".
        let key = decoder.codingPath.last(where: { $0.intValue == nil })?.stringValue
        self = try ResidentID.parse(text, today: nil, field: key ?? "id_number")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    private static func parse(_ text: String, today: CalendarDay?, field: String) throws(IdentityError) -> ResidentID {
        func failure(_ problem: IdentityError.Problem) -> IdentityError {
            IdentityError(subject: .residentID, problem: problem, field: field)
        }
        let folded = IdentityInput.folded(text)
        guard !folded.isEmpty else { throw failure(.empty) }
        let characters = Array(folded)
        guard characters.count == 18 else { throw failure(.length(expected: 18, found: characters.count)) }
        for (offset, character) in characters.enumerated() {
            if offset == 17 {
                guard IdentityInput.isDigit(character) || character == "X" || character == "x" else {
                    throw failure(.character(position: 18, found: character, expected: .digitOrX))
                }
            } else if !IdentityInput.isDigit(character) {
                throw failure(.character(position: offset + 1, found: character, expected: .digit))
            }
        }
        let value = folded.uppercased()
        let province = String(value.prefix(2))
        guard provinceCodes.contains(province) else { throw failure(.unknownProvince(province)) }
        let birthDigits = String(characters[6..<14])
        guard let birthDate = CalendarDay(compact: birthDigits) else {
            throw failure(.impossibleBirthDate(birthDigits))
        }
        guard birthDate.year >= minimumBirthYear else { throw failure(.birthDateTooEarly(birthDate)) }
        if let today, birthDate > today { throw failure(.birthDateInFuture(birthDate)) }
        let found = value.last ?? "0"
        if let expected = checkCharacter(for: value.prefix(17)), expected != found {
            throw failure(.checkCharacter(expected: expected, found: found))
        }
        let sequenceDigit = IdentityInput.digitValue(characters[16]) ?? 0
        return ResidentID(value: value, birthDate: birthDate, sex: sequenceDigit % 2 == 1 ? .male : .female)
    }
}
