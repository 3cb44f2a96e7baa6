/// A checked mainland China mobile number (手机号码): 11 digits starting 13–19.
///
/// Accepts what people type: a `+86`, `0086` or `86` country prefix, spaces and dashes between
/// groups, full-width digits. `description` is the masked form (`138****5678`), so printing one
/// never leaks it; use `value` deliberately. Encodes as the 11 digits.
public struct MobileNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 11 digits, no prefix, no separators.
    public let value: String

    /// - Throws: `IdentityError` naming `field` (default `phone`): empty, a character other than a
    ///   digit, space or dash, not 11 digits after removing the prefix, or not starting 13–19.
    public init(_ text: String, field: String = "phone") throws(IdentityError) {
        func failure(_ problem: IdentityError.Problem) -> IdentityError {
            IdentityError(subject: .mobileNumber, problem: problem, field: field)
        }
        var digits = IdentityInput.folded(text).filter { $0 != " " && $0 != "-" }
        guard !digits.isEmpty else { throw failure(.empty) }
        if digits.hasPrefix("+86") {
            digits.removeFirst(3)
        } else if digits.hasPrefix("0086") {
            digits.removeFirst(4)
        } else if digits.hasPrefix("86"), digits.count == 13 {
            // Only as a prefix of 11 more digits: a bare 11-digit number never starts with 86.
            digits.removeFirst(2)
        }
        if let bad = digits.first(where: { !IdentityInput.isDigit($0) }) {
            throw failure(.character(position: nil, found: bad, expected: .digit))
        }
        guard digits.count == 11 else { throw failure(.length(expected: 11, found: digits.count)) }
        let prefix = String(digits.prefix(2))
        guard digits.first == "1", let second = digits.dropFirst().first?.wholeNumberValue, (3...9).contains(second)
        else { throw failure(.notMobilePrefix(prefix)) }
        self.value = digits
    }

    /// `138****5678`, for screens (see `Masking`).
    public var masked: String { Masking.maskPhone(value) }

    public var description: String { masked }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text, field: decoder.codingPath.last(where: { $0.intValue == nil })?.stringValue ?? "phone")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
