import Foundation

/// An `application/x-www-form-urlencoded` body or query string as Open311 sends it (表单),
/// including `attribute[CODE]=v` and `attribute[CODE][]=v1&attribute[CODE][]=v2`. Keys keep
/// every value in order; `+` is a space.
public struct Open311Form: Sendable, Equatable {
    public private(set) var values: [String: [String]]

    public init(values: [String: [String]] = [:]) {
        self.values = values
    }

    public init(encoded text: String) {
        var values: [String: [String]] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let rawKey = parts.first else { continue }
            let key = Self.decode(rawKey)
            guard !key.isEmpty else { continue }
            values[key, default: []].append(parts.count > 1 ? Self.decode(parts[1]) : "")
        }
        self.values = values
    }

    /// The first non-empty value of `key` (an empty parameter is the same as an absent one).
    public subscript(key: String) -> String? {
        values[key]?.lazy.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
    }

    /// Adds the values of `other` for keys this form lacks (query string behind the body).
    public func filling(from other: Open311Form) -> Open311Form {
        var merged = values
        for (key, list) in other.values where self[key] == nil { merged[key] = list }
        return Open311Form(values: merged)
    }

    /// The submitted attributes by code: `attribute[CODE]` and `attribute[CODE][]`.
    public var attributes: [String: [String]] {
        var found: [String: [String]] = [:]
        for (key, list) in values where key.hasPrefix("attribute[") {
            var name = key.dropFirst("attribute[".count)
            if name.hasSuffix("[]") { name = name.dropLast(2) }
            guard name.hasSuffix("]") else { continue }
            let code = String(name.dropLast())
            guard !code.isEmpty, !code.contains("[") else { continue }
            found[code, default: []] += list
        }
        return found
    }

    /// Single values for the keys that have one (the query filters).
    public var firstValues: [String: String] {
        values.compactMapValues { $0.first }
    }

    static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
