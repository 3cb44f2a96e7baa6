/// Uniform doubles from the demo generator (`SeededGenerator`, SplitMix64, in Demo/), computed
/// from its raw bits so the demo geometry is the same on every platform (unlike
/// `Double.random(in:using:)`, whose algorithm is the standard library's to change).
extension SeededGenerator {
    /// A uniform double in [0, 1) from the top 53 bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in the range.
    mutating func next(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + nextUnit() * (range.upperBound - range.lowerBound)
    }
}
