extension UnitPath {
    /// The enclosing unit's path (`/a/b/c/` → `/a/b/`), nil for a root. Used for the territory
    /// chain grid → community → street → district, which nests one level per path segment.
    var territorialParent: UnitPath? {
        // The path up to its last inner slash; a root (`/a/`) has none. Same as rebuilding it from
        // `codes.dropLast()`, without splitting the string.
        let bytes = rawValue.utf8
        guard bytes.count > 2, let last = bytes.indices.last,
              let cut = bytes[bytes.startIndex..<last].lastIndex(of: UInt8(ascii: "/")), cut != bytes.startIndex
        else { return nil }
        // A prefix of a well-formed path ending at one of its slashes is itself well formed.
        return UnitPath(trusted: String(rawValue[...cut]))
    }
}

extension UnitKind {
    /// The next wider territorial level an event is escalated to: community → street → district.
    var escalationTarget: UnitKind? {
        switch self {
        case .grid, .specialGrid: .community
        case .community: .street
        case .street: .district
        default: nil
        }
    }
}
