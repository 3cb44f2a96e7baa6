/// A checked unified social credit code (统一社会信用代码, GB 32100-2015) of an organisation:
/// registration authority (登记管理部门), organisation type (机构类别), 6-digit region code,
/// 9-character organisation code (组织机构代码) and a check character, 18 characters from
/// `alphabet`. Encodes as the normalised string.
public struct SocialCreditCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 31 characters a code may use, in value order 0…30: digits and capitals without I, O,
    /// S, V, Z (too easily confused with 1, 0, 5, U, 2).
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// The normalised code: 18 characters, letters upper-cased.
    public let value: String

    /// Checks `text` as entered: surrounding spaces, full-width characters and lower-case letters
    /// are tolerated.
    ///
    /// - Throws: `IdentityError` naming `field`, with the first problem found in this order:
    ///   empty, length, characters (charset; positions 3–8 digits), check character.
    public init(_ text: String, field: String = "credit_code") throws(IdentityError) {
        func failure(_ problem: IdentityError.Problem) -> IdentityError {
            IdentityError(subject: .creditCode, problem: problem, field: field)
        }
        let folded = IdentityInput.folded(text)
        guard !folded.isEmpty else { throw failure(.empty) }
        // Upper-case ASCII letters only; anything else is reported as found.
        let characters = folded.map { $0.isASCII ? Character($0.uppercased()) : $0 }
        guard characters.count == 18 else { throw failure(.length(expected: 18, found: characters.count)) }
        var values: [Int] = []
        for (offset, character) in characters.enumerated() {
            guard let value = SocialCreditCode.value(of: character) else {
                throw failure(.character(position: offset + 1, found: character, expected: .creditCodeCharacter))
            }
            if (2..<8).contains(offset), !IdentityInput.isDigit(character) {
                throw failure(.character(position: offset + 1, found: character, expected: .digit))
            }
            values.append(value)
        }
        let expected = SocialCreditCode.checkCharacter(values: values.prefix(17))
        if expected != characters[17] {
            throw failure(.checkCharacter(expected: expected, found: characters[17]))
        }
        self.value = String(characters)
    }

    /// 登记管理部门代码: 1 institutions (机构编制), 5 civil affairs (民政), 9 market regulation (工商), Y other…
    public var registrationAuthority: Character { value.first ?? "0" }

    /// 机构类别代码, within the registration authority (e.g. 91 enterprise, 92 individual business).
    public var organizationType: Character { value.dropFirst().first ?? "0" }

    /// 登记管理机关行政区划码 (characters 3–8).
    public var regionCode: String { String(value.dropFirst(2).prefix(6)) }

    /// 主体标识码 / 组织机构代码 (characters 9–17).
    public var organizationCode: String { String(value.dropFirst(8).prefix(9)) }

    public var checkCharacter: Character { value.last ?? "0" }

    /// Whether `organizationCode` carries a valid GB 11714 check character of its own. Informative
    /// only: GB 32100 does not make the code invalid on this alone, so parsing does not refuse it.
    public var hasValidOrganizationCodeCheck: Bool {
        let characters = Array(organizationCode)
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (character, weight) in zip(characters.prefix(8), weights) {
            // GB 11714 values: digits 0–9, letters A=10 … Z=35.
            guard let value = Int(String(character), radix: 36) else { return false }
            sum += value * weight
        }
        let check = 11 - sum % 11
        let expected: Character = check == 10 ? "X" : check == 11 ? "0" : Character(String(check))
        return characters.count == 9 && characters[8] == expected
    }

    public var description: String { value }

    /// The check character for the first 17 characters, or nil when `prefix` is not 17 characters
    /// of `alphabet` (upper case).
    public static func checkCharacter(for prefix: some StringProtocol) -> Character? {
        let values = prefix.compactMap(value(of:))
        guard prefix.count == 17, values.count == 17 else { return nil }
        return checkCharacter(values: values[...])
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text, field: decoder.codingPath.last(where: { $0.intValue == nil })?.stringValue ?? "credit_code")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// Σ value × weight, weights 3^(i) mod 31; check = 31 − Σ mod 31, with 31 written as 0.
    private static func checkCharacter(values: ArraySlice<Int>) -> Character {
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    private static func value(of character: Character) -> Int? {
        alphabet.firstIndex(of: character)
    }
}
