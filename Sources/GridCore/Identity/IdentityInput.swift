/// Input clean-up shared by the identity parsers.
enum IdentityInput {
    /// Full-width forms (０-９, Ａ-Ｚ, ｘ, the ideographic space), which Chinese input methods
    /// produce, folded to ASCII, and surrounding whitespace removed.
    static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        let characters = Substring(String(scalars))
        return String(characters.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    /// The value of an ASCII digit, else nil.
    static func digitValue(_ character: Character) -> Int? {
        guard isDigit(character), let value = character.wholeNumberValue else { return nil }
        return value
    }
}
