/// Masks personal data for screens and exports (脱敏显示), as PIPL asks: enough to recognise a
/// record, not enough to use it. Counting is by Character, so Chinese names mask one star per
/// character. Short or unexpected input is masked entirely rather than partly revealed.
public enum Masking {
    /// The mask character.
    public static let star: Character = "*"

    /// Keeps the first 6 (region) and last 4 characters: `510117********1234`. Values shorter than
    /// 11 characters are masked entirely.
    public static func maskIDNumber(_ value: String) -> String {
        keep(first: 6, last: 4, of: value)
    }

    /// Keeps the first 3 and last 4 digits: `138****5678`. Values shorter than 8 characters are
    /// masked entirely.
    public static func maskPhone(_ value: String) -> String {
        keep(first: 3, last: 4, of: value)
    }

    /// Keeps the first character (the surname, usually): `张三丰` → `张**`, `欧阳娜娜` → `欧***`.
    /// A one-character name becomes `*`, since keeping it would reveal it all.
    public static func maskName(_ name: String) -> String {
        let characters = Array(IdentityInput.folded(name))
        guard let first = characters.first else { return "" }
        guard characters.count > 1 else { return String(star) }
        return String(first) + String(repeating: star, count: characters.count - 1)
    }

    /// Keeps `first` and `last` characters and stars the rest, one star per character; the whole
    /// value is starred unless at least one character would be hidden.
    private static func keep(first: Int, last: Int, of value: String) -> String {
        // ASCII without CR (CR LF is one Character) has one Character per byte: the same result
        // by bytes, without breaking the text into Characters (a district's million IDs and phones).
        let bytes = value.utf8
        if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            guard bytes.count > first + last else { return String(repeating: star, count: bytes.count) }
            return String(decoding: bytes.prefix(first), as: UTF8.self) + String(repeating: star, count: bytes.count - first - last)
                + String(decoding: bytes.suffix(last), as: UTF8.self)
        }
        let characters = Array(value)
        guard characters.count > first + last else {
            return String(repeating: star, count: characters.count)
        }
        let hidden = characters.count - first - last
        return String(characters.prefix(first)) + String(repeating: star, count: hidden)
            + String(characters.suffix(last))
    }
}
