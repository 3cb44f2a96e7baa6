/// Draws for the demo population, from the raw bits of `SeededGenerator`, so the output is the
/// same on every platform and every run (never `Hasher` or `Int.random(in:)`, whose algorithms
/// the standard library may change or seed per process).
extension SeededGenerator {
    /// A uniform integer in `range` (the modulo bias is below 2⁻⁴⁰ for demo-sized ranges).
    mutating func int(_ range: Range<Int>) -> Int {
        guard range.count > 1 else { return range.lowerBound }
        return range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        int(range.lowerBound..<(range.upperBound + 1))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        nextUnit() < p
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(0..<elements.count)]
    }

    /// An index drawn with the given cumulative weights (the last one is the total).
    mutating func index(cumulative: [Double]) -> Int {
        let total = cumulative.last ?? 0
        let draw = nextUnit() * total
        return cumulative.firstIndex { draw < $0 } ?? (cumulative.count - 1)
    }
}

enum DemoHash {
    /// FNV-1a 64 of the UTF-8 bytes: a stable hash (unlike `Hasher`, which is seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The SplitMix64 finaliser: spreads the bits of `value`.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Cumulative sums of weights, for `SeededGenerator.index(cumulative:)`.
    static func cumulative(_ weights: [Double]) -> [Double] {
        var sum = 0.0
        return weights.map { sum += $0; return sum }
    }

    /// A bijection of 0..<modulus (for a modulus of the form 10ⁿ, n ≥ 2): spreads consecutive
    /// serials over the whole range so generated numbers look random yet never collide.
    static func scramble(_ value: Int, modulus: Int) -> Int {
        // 7_654_321 is odd and not a multiple of 5, hence invertible modulo any power of ten.
        ((value % modulus) * (7_654_321 % modulus) + 1_234_567 % modulus) % modulus
    }
}
