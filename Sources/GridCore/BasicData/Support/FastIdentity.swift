/// Quick acceptance of well-formed identifiers for bulk work (imports of tens of thousands of
/// lines, the demo generator). Each check accepts only what the public parser accepts; anything
/// else goes to that parser (`ResidentID`, `MobileNumber`, `UnitCode`), which says precisely
/// what is wrong. So results never differ, only the common case is faster.
enum FastIdentity {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checks: [UInt8] = Array("10X98765432".utf8)
    private static let provinces: Set<Int> = Set(ResidentID.provinceCodes.compactMap { Int($0) })

    /// True when `number` is 18 ASCII characters that `ResidentID(number, today:)` accepts:
    /// digits and a final digit or X, a province code, a real birth date from 1900 to `today`,
    /// the right check character.
    static func isValidResidentID(_ number: String, today: CalendarDay) -> Bool {
        var bytes = [UInt8](repeating: 0, count: 18)
        var count = 0
        for byte in number.utf8 {
            guard count < 18 else { return false }
            bytes[count] = byte
            count += 1
        }
        guard count == 18 else { return false }
        var sum = 0
        for index in 0..<17 {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return false }
            sum += Int(byte - 0x30) * weights[index]
        }
        guard bytes[17] == checks[sum % 11] else { return false }
        func value(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) } }
        guard provinces.contains(value(0..<2)),
              let birth = CalendarDay(year: value(6..<10), month: value(10..<12), day: value(12..<14))
        else { return false }
        return birth.year >= ResidentID.minimumBirthYear && birth <= today
    }

    /// The mobile number for a plain 11-digit entry starting 13–19 (what `MobileNumber` makes of
    /// it), nil for anything else.
    static func plainMobile(_ text: String) -> MobileNumber? {
        let bytes = text.utf8
        guard bytes.count == 11, bytes.first == 0x31, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let second = bytes.dropFirst().first, second >= 0x33
        else { return nil }
        return MobileNumber(checkedDigits: text)
    }

    /// A mobile number as entered: the quick path for plain digits, else the full parser.
    static func mobile(_ text: String, field: String) throws(IdentityError) -> MobileNumber {
        if let quick = plainMobile(text) { return quick }
        return try MobileNumber(text, field: field)
    }

    /// Whether `text` is a valid unit code (`UnitCode`): 1–40 ASCII letters, digits, `-`, `_`, `.`.
    static func isUnitCode(_ text: some StringProtocol) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 40 else { return false }
        return bytes.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}
