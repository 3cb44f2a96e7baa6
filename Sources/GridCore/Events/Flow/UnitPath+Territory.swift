extension UnitPath {
    /// The enclosing unit's path (`/a/b/c/` → `/a/b/`), nil for a root. Used for the territory
    /// chain grid → community → street → district, which nests one level per path segment.
    var territorialParent: UnitPath? {
        let codes = self.codes
        guard codes.count > 1 else { return nil }
        return UnitPath(rawValue: "/" + codes.dropLast().joined(separator: "/") + "/")
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
