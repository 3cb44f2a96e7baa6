/// A column of a basic-data import file: its Chinese header (written on export), an English
/// snake_case header and other spellings accepted on import.
public protocol BasicDataColumn: CaseIterable, Hashable, Sendable where AllCases == [Self] {
    /// The Chinese header, as exported (`证件号码`).
    var header: String { get }
    /// The English header (`id_number`).
    var englishHeader: String { get }
    /// More spellings accepted on import (`身份证号`).
    var headerAliases: [String] { get }
    /// The record property the column fills (`idNumber`), as validation failures name it.
    var key: String { get }
    /// Whether the header must have this column.
    var isRequired: Bool { get }
}

extension BasicDataColumn {
    /// The column a header cell names: the Chinese header, the English header (ASCII case and
    /// `-`/space for `_` ignored) or an alias; a leading or trailing `*` (a template's "required"
    /// mark) and full-width characters are tolerated.
    public init?(header written: String) {
        var text = BasicDataText.folded(written)
        while text.hasPrefix("*") { text.removeFirst() }
        while text.hasSuffix("*") { text.removeLast() }
        text = BasicDataText.trimmed(text)
        let english = text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        guard let column = Self.allCases.first(where: {
            $0.header == text || $0.englishHeader == english || $0.headerAliases.contains(text)
        }) else { return nil }
        self = column
    }

    /// The column whose record property is `key`.
    static func column(forKey key: String) -> Self? {
        allCases.first { $0.key == key }
    }

    /// The Chinese header line, in declaration order.
    public static var chineseHeaderLine: String { allCases.map(\.header).joined(separator: ",") }

    /// The English header line, in declaration order.
    public static var englishHeaderLine: String { allCases.map(\.englishHeader).joined(separator: ",") }
}
