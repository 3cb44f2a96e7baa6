/// Valid identifiers for demo data: resident identity numbers (GB 11643), unified social credit
/// codes (GB 32100 with a GB 11714 organisation code inside), phones and document numbers.
/// Built from bytes, not formatted strings: a district's million people need them fast.
enum DemoIdentity {
    private static let zero = UInt8(ascii: "0")

    private static let residentWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let residentChecks: [UInt8] = Array("10X98765432".utf8)

    /// An 18-character resident identity number with a correct check character.
    /// - Parameters: region 6 digits; sequence 0…999 (odd for men, even for women).
    static func residentID(region: Int, birth: CalendarDay, sequence: Int) -> String {
        String(unsafeUninitializedCapacity: 18) { buffer in
            write(region, width: 6, into: buffer, at: 0)
            write(birth.year, width: 4, into: buffer, at: 6)
            write(birth.month, width: 2, into: buffer, at: 10)
            write(birth.day, width: 2, into: buffer, at: 12)
            write(sequence, width: 3, into: buffer, at: 14)
            var sum = 0
            for index in 0..<17 { sum += Int(buffer[index] - zero) * residentWeights[index] }
            buffer[17] = residentChecks[sum % 11]
            return 18
        }
    }

    /// A unified social credit code: authority and type (`"91"` enterprise, `"92"` individual
    /// business, `"93"` cooperative, `"51"`/`"52"` social organisations, `"11"`/`"12"` public
    /// bodies), 6-digit region, a 9-character organisation code made of `serial` (0…99,999,999,
    /// unique per district) with its GB 11714 check character, and the GB 32100 check character.
    static func creditCode(prefix: String, region: Int, serial: Int) -> String {
        var organisation = [UInt8](repeating: zero, count: 8)
        write(serial, width: 8, into: &organisation, at: 0)
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for index in 0..<8 { sum += Int(organisation[index] - zero) * weights[index] }
        let check = 11 - sum % 11
        let checkCharacter: UInt8 = check == 10 ? UInt8(ascii: "X") : check == 11 ? zero : zero + UInt8(check)
        var regionBytes = [UInt8](repeating: zero, count: 6)
        write(region, width: 6, into: &regionBytes, at: 0)
        let body = prefix + String(decoding: regionBytes + organisation + [checkCharacter], as: UTF8.self)
        return body + String(SocialCreditCode.checkCharacter(for: body) ?? "0")
    }

    private static let mobilePrefixes: [Int] = [
        133, 135, 136, 137, 138, 139, 150, 151, 152, 157, 158, 159, 166, 173, 177, 180, 181, 182, 183, 187, 188, 189, 191, 199,
    ]

    /// A mainland mobile number (passes `MobileNumber`).
    static func mobile(_ random: inout SeededGenerator) -> String {
        let prefix = random.pick(mobilePrefixes), subscriber = random.int(0..<100_000_000)
        return String(unsafeUninitializedCapacity: 11) { buffer in
            write(prefix, width: 3, into: buffer, at: 0)
            write(subscriber, width: 8, into: buffer, at: 3)
            return 11
        }
    }

    /// A Chengdu landline, `028-8xxxxxxx` or `028-6xxxxxxx`.
    static func landline(_ random: inout SeededGenerator) -> String {
        var bytes = [UInt8](repeating: zero, count: 8)
        write(random.pick([8, 6]) * 10_000_000 + random.int(0..<10_000_000), width: 8, into: &bytes, at: 0)
        return "028-" + String(decoding: bytes, as: UTF8.self)
    }

    /// `width` decimal digits of `value` (zero-padded, truncated on the left).
    static func digits(_ value: Int, width: Int) -> String {
        var bytes = [UInt8](repeating: zero, count: width)
        write(value, width: width, into: &bytes, at: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func write(_ value: Int, width: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var rest = abs(value)
        for index in stride(from: offset + width - 1, through: offset, by: -1) {
            bytes[index] = zero + UInt8(rest % 10)
            rest /= 10
        }
    }

    private static func write(_ value: Int, width: Int, into bytes: inout [UInt8], at offset: Int) {
        var rest = abs(value)
        for index in stride(from: offset + width - 1, through: offset, by: -1) {
            bytes[index] = zero + UInt8(rest % 10)
            rest /= 10
        }
    }
}
