extension StandardAddress {
    /// The components a complete address of `level` must have, as (field key, Chinese, English).
    static func requiredComponents(for level: Level) -> [(key: String, zh: String, en: String, keyPath: KeyPath<StandardAddress, String>)] {
        var fields: [(key: String, zh: String, en: String, keyPath: KeyPath<StandardAddress, String>)] = [
            ("road", "街路巷", "road", \.road),
            ("number", "门牌号", "door number", \.number),
        ]
        if level != .doorplate { fields.append(("building", "楼栋", "building", \.building)) }
        if level == .room {
            fields.append(("unit", "单元", "unit", \.unit))
            fields.append(("room", "房间", "room", \.room))
        }
        return fields
    }

    /// Completeness check (地址完整性): one failure for each missing component of a `level`
    /// address — road and number always; building too for a building; building, unit and room
    /// for a room. Field keys are prefixed with `fieldPrefix` (`address.road`).
    public func completenessFailures(for level: Level, fieldPrefix: String = "address.") -> [ValidationFailure] {
        Self.requiredComponents(for: level).compactMap { component in
            guard BasicDataText.trimmed(self[keyPath: component.keyPath]).isEmpty else { return nil }
            return ValidationFailure(
                field: fieldPrefix + component.key,
                zh: "地址缺少\(component.zh)", en: "the address has no \(component.en)")
        }
    }

    /// The keys (`road`, `number`…) of the components a `level` address lacks.
    public func missingComponents(for level: Level) -> [String] {
        Self.requiredComponents(for: level).compactMap { component in
            BasicDataText.trimmed(self[keyPath: component.keyPath]).isEmpty ? component.key : nil
        }
    }

    public func isComplete(for level: Level) -> Bool {
        missingComponents(for: level).isEmpty
    }
}
