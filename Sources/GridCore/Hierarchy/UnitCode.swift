import Foundation

/// The code of a unit: administrative codes for territory (GB/T 2260 county 6 digits, street 9,
/// community 12, grid 15), and free codes of letters, digits, `-`, `_` and `.` for departments.
public struct UnitCode: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    public init(_ raw: String, field: String = "code") throws(ValidationFailure) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw ValidationFailure(field: field, zh: "编码不能为空", en: "the code must not be empty")
        }
        guard trimmed.count <= 40 else {
            throw ValidationFailure(field: field, zh: "编码不能超过 40 个字符", en: "the code must be at most 40 characters")
        }
        let allowed = CharacterSet(charactersIn: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_.")
        guard trimmed.unicodeScalars.allSatisfy(allowed.contains) else {
            throw ValidationFailure(
                field: field,
                zh: "编码只能包含字母、数字、“-”“_”“.”",
                en: "the code may contain only letters, digits, '-', '_' and '.'"
            )
        }
        rawValue = trimmed
    }

    /// For codes built by the platform itself from digits (demo data, generated grid codes).
    init(trusted raw: String) {
        rawValue = raw
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.reason.en))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var isAllDigits: Bool { rawValue.allSatisfy(\.isASCII) && rawValue.allSatisfy(\.isNumber) }

    public var description: String { rawValue }
    public static func < (lhs: UnitCode, rhs: UnitCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
