/// The address code (地址编码): one deterministic key per standard address, so that the same
/// place typed two ways is one address, and two places are never one.
///
/// Scheme: `<community unit code>|<road>|<number>|<building>|<unit>|<room>`, with trailing empty
/// components dropped, e.g. `510117003012|望丛东路|88|3|2|1203` (a room) or
/// `510117003012|望丛东路|88` (a door plate). Each component is normalised:
/// 1. full-width characters folded to ASCII, all whitespace and `|` removed, ASCII letters
///    upper-cased;
/// 2. a leading `第` (building, unit) and the usual trailing suffix removed: 号 (number);
///    号楼, 栋, 幢, 座, 楼, 号 (building); 单元 (unit); 室, 号, 房 (room);
/// 3. a component written wholly in Chinese numerals (`三`, `十二`, `一百零五`) becomes digits;
/// 4. leading zeros of an all-digit component are dropped (`0301` → `301`).
/// District, street and community names are not part of the code: the community code carries
/// them. The code is readable and injective on normalised components (its parts can be split
/// back on `|`), so it is unique without any lookup.
extension StandardAddress {
    /// The separator between the parts of an address code.
    public static let codeSeparator: Character = "|"

    public var addressCode: String {
        var parts = [
            communityCode.rawValue,
            Self.normalized(road, suffixes: []),
            Self.normalized(number, suffixes: ["号"]),
            Self.normalized(building, suffixes: ["号楼", "栋", "幢", "座", "楼", "号"], dropOrdinal: true),
            Self.normalized(unit, suffixes: ["单元"], dropOrdinal: true),
            Self.normalized(room, suffixes: ["室", "号", "房"]),
        ]
        while parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        return parts.joined(separator: String(Self.codeSeparator))
    }

    /// The community code at the start of an address code, if it has the shape of one: letters,
    /// digits, `-`, `_` or `.` before the first `|`.
    public static func communityCode(ofAddressCode code: String) -> String? {
        guard let separator = code.utf8.firstIndex(of: UInt8(ascii: "|")) else { return nil }
        let head = Substring(code.utf8[..<separator])
        return FastIdentity.isUnitCode(head) ? String(head) : nil
    }

    /// One component normalised for the address code (see the type's documentation).
    static func normalized(_ text: String, suffixes: [String], dropOrdinal: Bool = false) -> String {
        // Plain ASCII digits (most units and room numbers) only lose their leading zeros.
        let bytes = text.utf8
        if !bytes.isEmpty, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            let trimmed = bytes.drop { $0 == UInt8(ascii: "0") }
            return trimmed.isEmpty ? "0" : String(decoding: trimmed, as: UTF8.self)
        }
        var value = String(BasicDataText.folded(text).filter { !$0.isWhitespace && $0 != codeSeparator })
        value = String(value.map { $0.isASCII ? Character($0.uppercased()) : $0 })
        if dropOrdinal, value.hasPrefix("第"), value.count > 1 { value.removeFirst() }
        if let suffix = suffixes.first(where: { value.hasSuffix($0) && value.count > $0.count }) {
            value.removeLast(suffix.count)
        }
        if let number = chineseNumeral(value) {
            return String(number)
        }
        if !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }) {
            let trimmed = value.drop { $0 == "0" }
            return trimmed.isEmpty ? "0" : String(trimmed)
        }
        return value
    }

    private static let numeralDigits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let numeralUnits: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    /// The value of a number written in Chinese numerals below 10,000 (`三`, `十二`, `二十`,
    /// `一百零五`, `两千`), nil for anything else.
    static func chineseNumeral(_ text: String) -> Int? {
        let digits = numeralDigits, units = numeralUnits
        guard !text.isEmpty, text.count <= 8, text.allSatisfy({ digits[$0] != nil || units[$0] != nil }) else { return nil }
        if !text.contains(where: { units[$0] != nil }) {
            // Digit by digit: 一二〇三 → 1203.
            return text.reduce(0) { $0 * 10 + (digits[$1] ?? 0) }
        }
        var total = 0
        var current: Int?
        var lastUnit = Int.max
        for character in text {
            if let digit = digits[character] {
                if digit == 0 { continue }  // 零 only holds a place: 一百零五
                guard current == nil else { return nil }
                current = digit
            } else if let unit = units[character] {
                guard unit < lastUnit else { return nil }
                total += (current ?? 1) * unit
                current = nil
                lastUnit = unit
            }
        }
        return total + (current ?? 0)
    }
}
