/// The receipt number of a self-declaration (回执号), e.g. `K7M2Q-9XHT4`: what the declarant
/// keeps to look up the outcome without an account. Ten characters from `alphabet` (31^10 ≈ 8×10^14
/// numbers, too many to guess), in two groups of five.
public enum DeclarationReceipt {
    /// Digits and capitals without the look-alikes 0, O, 1, I and L.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    /// Characters per group; a receipt is two groups joined by `-`.
    public static let groupLength = 5

    /// A new receipt number. Uniqueness is the store's to enforce (draw again on a clash).
    public static func make(using generator: inout some RandomNumberGenerator) -> String {
        var characters: [Character] = []
        for index in 0..<(2 * groupLength) {
            if index == groupLength { characters.append("-") }
            characters.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
        }
        return String(characters)
    }

    /// A receipt number as typed, in its canonical form: surrounding spaces, full-width
    /// characters and lower case tolerated, the dash (or a space in its place) optional. Nil when
    /// it is not a receipt number.
    public static func normalized(_ text: String) -> String? {
        var characters = Array(IdentityInput.folded(text).uppercased())
        if characters.count == 2 * groupLength + 1, ["-", " ", "‐", "–", "—"].contains(characters[groupLength]) {
            characters.remove(at: groupLength)
        }
        guard characters.count == 2 * groupLength, characters.allSatisfy(alphabet.contains) else { return nil }
        characters.insert("-", at: groupLength)
        return String(characters)
    }
}
