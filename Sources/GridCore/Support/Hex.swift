/// Lower-case hexadecimal text of bytes (digests, keyed hashes, secrets). Written by table, not
/// `String(format:)`: the demo hashes millions of identifiers and formatting cost more than the HMAC.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same for bytes in memory, written straight into the string's storage (no array, no
    /// generic iteration): the keyed hashes of a district's million residents.
    public static func lowercase(_ bytes: UnsafeRawBufferPointer) -> String {
        write(bytes, digits: digits, dashed: false)
    }

    /// `UUID.uuidString`'s text — uppercase, 8-4-4-4-12 — of a UUID's 16 bytes, without the C
    /// formatting call behind `uuidString` (ten million ids in the district demo).
    public static func uuidString(_ bytes: UnsafeRawBufferPointer) -> String {
        write(bytes, digits: upper, dashed: true)
    }

    private static let upper = Array("0123456789ABCDEF".utf8)

    /// `dashed`: a dash before bytes 4, 6, 8 and 10, as in a UUID.
    private static func write(_ bytes: UnsafeRawBufferPointer, digits: [UInt8], dashed: Bool) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2 + (dashed ? 4 : 0)) { buffer in
            var position = 0
            for (index, byte) in bytes.enumerated() {
                if dashed, index == 4 || index == 6 || index == 8 || index == 10 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
                buffer[position] = digits[Int(byte >> 4)]
                buffer[position + 1] = digits[Int(byte & 0x0F)]
                position += 2
            }
            return position
        }
    }
}
