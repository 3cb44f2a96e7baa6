import Foundation

/// The materialised path of a unit: its ancestors' codes and its own, e.g. `/510117/510117001/`.
/// "Everything under this street" is a prefix match, and so is a user's access scope.
/// The trailing slash keeps `/5101/` from matching `/51011/`.
public struct UnitPath: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    /// The path of a root unit.
    public init(root code: UnitCode) {
        rawValue = "/\(code.rawValue)/"
    }

    /// Wraps a stored path; nil unless it has the `/code/…/` shape.
    public init?(rawValue: String) {
        // "//" looked for byte by byte: Foundation's substring search was most of the cost of
        // checking a path, and a district's bulk reads check millions.
        guard rawValue.hasPrefix("/"), rawValue.hasSuffix("/"), rawValue.count > 2,
              !zip(rawValue.utf8, rawValue.utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: "/") && $1 == UInt8(ascii: "/") })
        else { return nil }
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let path = UnitPath(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad unit path \(raw)"))
        }
        self = path
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The path of a child with `code` under this unit.
    public func appending(_ code: UnitCode) -> UnitPath {
        UnitPath(trusted: rawValue + code.rawValue + "/")
    }

    /// For text already known to be a well-formed path (built from one).
    init(trusted: String) { rawValue = trusted }

    /// True when `other` is this unit or lies anywhere beneath it.
    public func contains(_ other: UnitPath) -> Bool {
        other.rawValue.hasPrefix(rawValue)
    }

    /// The root's path, its child's, … down to this one.
    public var ancestorsAndSelf: [UnitPath] {
        var paths: [UnitPath] = []
        var raw = "/"
        for code in codes {
            raw += code + "/"
            paths.append(UnitPath(trusted: raw))
        }
        return paths
    }

    /// The parent unit's path; nil for the root.
    public var parent: UnitPath? {
        ancestorsAndSelf.dropLast().last
    }

    /// The codes from the root down to this unit.
    public var codes: [String] {
        rawValue.split(separator: "/").map(String.init)
    }

    /// 0 for a root.
    public var depth: Int { codes.count - 1 }

    public var description: String { rawValue }

    public static func < (lhs: UnitPath, rhs: UnitPath) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension UnitPath {
    /// The smallest string greater than every path in this subtree under byte-wise ordering:
    /// `/a/b/` → `/a/b0` (`0` follows `/`). A subtree is then the range `[rawValue, upperBound)`,
    /// which both SQLite and PostgreSQL answer from a plain B-tree index.
    public var subtreeUpperBound: String {
        String(rawValue.dropLast()) + "0"
    }
}
