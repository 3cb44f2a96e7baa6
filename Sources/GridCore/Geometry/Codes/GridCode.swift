import Foundation

/// The 15-digit grid code (网格编码) of GB/T 30428.1 as the Beijing standard applies it:
/// 6 digits county (区县, GB/T 2260) + 3 street (街道/镇) + 3 community (社区/村) + 3 grid serial
/// (网格顺序码). Serials are numbered within their community west→east, then north→south, and a
/// code stays stable when neighbouring grids change.
///
/// Example: `510117` 郫都区 · `003` street · `012` community · `004` grid → `510117003012004`.
public struct GridCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The 15 digits.
    public let rawValue: String

    /// Parses and validates a code; the error names the part at fault.
    public init(_ text: String, field: String? = "code") throws(ValidationFailure) {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard digits.count == 15, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            throw ValidationFailure(
                field: field,
                zh: "网格编码应为 15 位数字（6 位区县 + 3 位街道 + 3 位社区 + 3 位网格），收到“\(text)”",
                en: "a grid code has 15 digits (6 county + 3 street + 3 community + 3 grid); got “\(text)”")
        }
        try Self.checkCounty(String(digits.prefix(6)), field: field)
        let parts = [("街道", "street", 6), ("社区", "community", 9), ("网格顺序", "grid serial", 12)]
        for (zh, en, offset) in parts where Self.digits(digits, offset, 3) == "000" {
            throw ValidationFailure(
                field: field, zh: "网格编码“\(text)”的\(zh)码不能为 000", en: "the \(en) part of grid code “\(text)” cannot be 000")
        }
        rawValue = digits
    }

    /// Builds a code from its parts (each of street, community and serial 1…999).
    public init(county: String, street: Int, community: Int, serial: Int, field: String? = "code") throws(ValidationFailure) {
        for (zh, en, value) in [("街道", "street", street), ("社区", "community", community), ("网格顺序", "grid serial", serial)]
        where !(1...999).contains(value) {
            throw ValidationFailure(
                field: field, zh: "\(zh)码应在 1–999 之间，收到 \(value)", en: "the \(en) number must be 1–999; got \(value)")
        }
        try self.init(county + Self.threeDigits(street) + Self.threeDigits(community) + Self.threeDigits(serial), field: field)
    }

    /// The county (区县) code, 6 digits (GB/T 2260), e.g. `510117`.
    public var countyCode: String { Self.digits(rawValue, 0, 6) }
    /// The street (街道) code, 9 digits including the county.
    public var streetCode: String { Self.digits(rawValue, 0, 9) }
    /// The community (社区) code, 12 digits including county and street: the grid's parent.
    public var communityCode: String { Self.digits(rawValue, 0, 12) }
    /// The street number within the county (1…999).
    public var streetNumber: Int { Int(Self.digits(rawValue, 6, 3)) ?? 0 }
    /// The community number within the street (1…999).
    public var communityNumber: Int { Int(Self.digits(rawValue, 9, 3)) ?? 0 }
    /// The grid serial within the community (1…999).
    public var serial: Int { Int(Self.digits(rawValue, 12, 3)) ?? 0 }

    public var description: String { rawValue }

    public static func < (lhs: GridCode, rhs: GridCode) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// GB/T 2260 province prefixes (省级代码) in use, to catch mistyped county codes early.
    static let provincePrefixes: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ]

    static func checkCounty(_ county: String, field: String?) throws(ValidationFailure) {
        // A province code (xx0000) is not a county; prefecture codes ending in 00 are allowed
        // because cities without counties (东莞 441900, 中山 442000) number their towns directly.
        guard provincePrefixes.contains(String(county.prefix(2))), county.suffix(4) != "0000" else {
            throw ValidationFailure(
                field: field, zh: "区县代码“\(county)”不是有效的 GB/T 2260 代码", en: "“\(county)” is not a valid GB/T 2260 county code")
        }
    }

    private static func digits(_ text: String, _ offset: Int, _ length: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard offset + length <= scalars.count else { return "" }
        return String(String.UnicodeScalarView(scalars[offset..<(offset + length)]))
    }

    /// A code part as three digits, zero-padded (`7` → `007`).
    static func threeDigits(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
}
