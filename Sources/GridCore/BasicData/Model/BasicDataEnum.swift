/// An enumeration of basic data (基础数据枚举): a stable snake_case raw value, which is the API and
/// CSV name, and a label in Chinese and English. An import cell may be written either way.
public protocol BasicDataEnum: CaseIterable, RawRepresentable, Sendable, Hashable, Codable
where RawValue == String {
    /// The name shown on screens and written in exported files (Chinese first).
    var label: LocalizedText { get }
    /// Other spellings accepted on import (`身份证` for `居民身份证`); none by default.
    var aliases: [String] { get }
}

extension BasicDataEnum {
    public var aliases: [String] { [] }

    /// Reads what a person wrote in a cell: the raw value, the Chinese label, the English label
    /// (ASCII case ignored) or an alias. Surrounding spaces and full-width letters are tolerated.
    /// Nil for an empty or unknown cell.
    public init?(cell: String) {
        let text = BasicDataText.folded(cell)
        guard !text.isEmpty else { return nil }
        let lower = text.lowercased()
        for candidate in Self.allCases {
            if candidate.rawValue == lower || candidate.label.zhHans == text || candidate.label.en.lowercased() == lower
                || candidate.aliases.contains(text) {
                self = candidate
                return
            }
        }
        return nil
    }

    /// The accepted Chinese labels, `、`-separated, for messages.
    static var chineseChoices: String { allCases.map(\.label.zhHans).joined(separator: "、") }

    /// The accepted raw values, `, `-separated, for messages.
    static var rawChoices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
