import Foundation

extension MobileNumber {
    /// For digits already known to be a mainland mobile number (11 digits, 13–19): the demo
    /// generator's, and plain entries `FastIdentity` has checked. Skips re-reading them, which a
    /// district's million phones would notice; tests check generated numbers with the public parser.
    init(checkedDigits digits: String) {
        self.value = digits
    }
}

extension SocialCreditCode {
    /// For the demo generator, whose codes are valid by construction (`DemoIdentity.creditCode`);
    /// tests check every generated code with the public parser.
    init(demoValue value: String) {
        self.value = value
    }
}

extension UUID {
    /// A version-4-shaped UUID from two draws of the demo generator, without intermediate arrays.
    static func demo(_ random: inout SeededGenerator) -> UUID {
        let a = random.next(), b = random.next()
        func byte(_ word: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: word >> (8 * index)) }
        return UUID(uuid: (
            byte(a, 0), byte(a, 1), byte(a, 2), byte(a, 3), byte(a, 4), byte(a, 5),
            (byte(a, 6) & 0x0F) | 0x40,  // version 4
            byte(a, 7),
            (byte(b, 0) & 0x3F) | 0x80,  // RFC 4122 variant
            byte(b, 1), byte(b, 2), byte(b, 3), byte(b, 4), byte(b, 5), byte(b, 6), byte(b, 7)))
    }
}
