/// One changed field between two versions of a record (字段变更): old and new values as display
/// text in both languages, nil for "empty". Sensitive values (identity numbers, phones) are
/// flagged, not masked: the caller masks them for screens (`masked()`) and keeps them in full
/// only where the law allows.
public struct FieldChange: Sendable, Hashable, Codable {
    /// The property name (`idNumber`, `movedOutOn`).
    public let field: String
    public let label: LocalizedText
    public let old: LocalizedText?
    public let new: LocalizedText?
    public let sensitivity: SensitiveKind?

    public init(field: String, label: LocalizedText, old: LocalizedText?, new: LocalizedText?, sensitivity: SensitiveKind? = nil) {
        self.field = field
        self.label = label
        self.old = old
        self.new = new
        self.sensitivity = sensitivity
    }

    public var isSensitive: Bool { sensitivity != nil }

    /// The change with sensitive values masked (unchanged for other fields).
    public func masked() -> FieldChange {
        guard let sensitivity else { return self }
        func mask(_ text: LocalizedText?) -> LocalizedText? {
            text.map { LocalizedText(zh: sensitivity.mask($0.zhHans), en: sensitivity.mask($0.en)) }
        }
        return FieldChange(field: field, label: label, old: mask(old), new: mask(new), sensitivity: sensitivity)
    }

    /// `姓名：张三 → 张三丰` / `name: 张三 → 张三丰`, with `（空）` / `(empty)` for no value.
    public var summary: LocalizedText {
        LocalizedText(
            zh: "\(label.zhHans)：\(old?.zhHans ?? "（空）") → \(new?.zhHans ?? "（空）")",
            en: "\(label.en): \(old?.en ?? "(empty)") → \(new?.en ?? "(empty)")")
    }
}
