/// Text clean-up for basic data with a fast path for the common case (plain ASCII or Chinese
/// text with nothing to trim or fold), so that files of tens of thousands of lines read quickly.
/// Results equal those of `CSVText.trimmed` and `IdentityInput.folded` for the characters that
/// occur in practice.
enum BasicDataText {
    /// Leading and trailing whitespace (full-width spaces included) removed.
    static func trimmed(_ text: String) -> String {
        hasPlainEdges(text.utf8) ? text : trimmedSlowly(text)
    }

    static func trimmed(_ text: Substring) -> String {
        hasPlainEdges(text.utf8) ? String(text) : trimmedSlowly(text)
    }

    private static func trimmedSlowly(_ text: some StringProtocol) -> String {
        guard let first = text.first, let last = text.last else { return "" }
        if !first.isWhitespace, !last.isWhitespace { return String(text) }
        guard let start = text.firstIndex(where: { !$0.isWhitespace }),
              let end = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[start...end])
    }

    /// True when the text begins and ends with a printable ASCII character or a CJK ideograph
    /// (lead byte E4–E9), so that no whitespace can be trimmed: decided on bytes, without
    /// Unicode property lookups.
    static func hasPlainEdges(_ bytes: some BidirectionalCollection<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        func plainASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
        let firstPlain = plainASCII(first) || (0xE4...0xE9).contains(first)
        guard firstPlain else { return false }
        if plainASCII(last) { return true }
        // A CJK ideograph ends with two continuation bytes after its lead byte.
        let tail = bytes.suffix(3)
        guard tail.count == 3, let lead = tail.first else { return false }
        return (0xE4...0xE9).contains(lead) && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// Full-width forms folded to ASCII (`IdentityInput.folded`) and surrounding whitespace
    /// removed; text without full-width forms is only trimmed.
    static func folded(_ text: String) -> String {
        // U+3000 and U+FF01…U+FF5E are E3 80 80 and EF BC 81…EF BD 9E in UTF-8.
        let mayHaveFullWidth = text.utf8.contains { $0 == 0xEF || $0 == 0xE3 }
        return mayHaveFullWidth ? IdentityInput.folded(text) : trimmed(text)
    }

    /// The lines of a file, split at LF, CRLF or CR, blank lines kept (their numbers count).
    static func lines(_ text: Substring) -> [Substring] {
        var lines: [Substring] = []
        var start = text.utf8.startIndex
        var index = start
        let end = text.utf8.endIndex
        while index < end {
            let byte = text.utf8[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(Substring(text.utf8[start..<index]))
                var next = text.utf8.index(after: index)
                if byte == 0x0D, next < end, text.utf8[next] == 0x0A { next = text.utf8.index(after: next) }
                start = next
                index = next
            } else {
                index = text.utf8.index(after: index)
            }
        }
        lines.append(Substring(text.utf8[start..<end]))
        return lines
    }

    /// The fields of one CSV line in the `CSVText` dialect (commas, double quotes, `""` for a
    /// quote inside quotes, whitespace around unquoted fields ignored); nil when a quote is left
    /// open. Works on UTF-8 bytes: the structural characters are all ASCII.
    static func fields(of line: Substring) -> [String]? {
        var fields: [String] = []
        var current: [UInt8] = []
        var inQuotes = false
        var wasQuoted = false
        let bytes = Array(line.utf8)
        var index = 0
        func finish() {
            let text = String(decoding: current, as: UTF8.self)
            fields.append(wasQuoted ? text : trimmed(text))
            current.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        current.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    current.append(byte)
                }
            } else if byte == UInt8(ascii: ",") {
                finish()
            } else if byte == UInt8(ascii: "\""), String(decoding: current, as: UTF8.self).allSatisfy(\.isWhitespace) {
                current.removeAll(keepingCapacity: true)
                inQuotes = true
                wasQuoted = true
            } else if !wasQuoted || !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) {
                // Text after a closing quote is kept (never silently lost); spaces there are not.
                current.append(byte)
            }
        }
        guard !inQuotes else { return nil }
        finish()
        return fields
    }
}
