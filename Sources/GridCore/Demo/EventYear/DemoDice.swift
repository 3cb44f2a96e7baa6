import Foundation

/// The dice of the demo year: `SeededGenerator` (SplitMix64) with the few distributions the
/// generator needs, computed from raw bits so the output is the same on every platform.
struct DemoDice {
    private var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// Dice for one part of the year, e.g. (seed, day) or (seed, day, event): the parts are
    /// mixed so that neighbouring keys give unrelated streams.
    init(_ parts: UInt64...) {
        var state: UInt64 = 0x5DEE_CE66_D1CE_5EED
        for part in parts { state = DemoDice.mix(state ^ part) }
        generator = SeededGenerator(seed: state)
    }

    mutating func next() -> UInt64 { generator.next() }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(generator.next() >> 11) * 0x1p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// Uniform in the closed range.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(generator.next() % UInt64(range.count))
    }

    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// One element; the array must not be empty.
    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(generator.next() % UInt64(items.count))]
    }

    /// Exponential with the given mean.
    mutating func exponential(mean: Double) -> Double {
        -mean * log(1 - unit())
    }

    /// Poisson (Knuth's product method; the demo's rates are small).
    mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda > 30 {
            // Normal approximation for the rare large rate.
            let u1 = max(unit(), 1e-12), u2 = unit()
            let z = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
            return max(0, Int((lambda + z * lambda.squareRoot()).rounded()))
        }
        let limit = exp(-lambda)
        var product = unit()
        var count = 0
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }

    /// An index drawn from cumulative weights (ascending, last = total).
    mutating func index(cumulative: [Double]) -> Int {
        guard let total = cumulative.last, total > 0 else { return 0 }
        let target = unit() * total
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// A version-4 UUID from the stream.
    mutating func uuid() -> UUID {
        DemoHierarchy.uuid(&generator)
    }

    /// A plausible Chinese name (`DemoNames.person`).
    mutating func person() -> String {
        DemoNames.person(&generator)
    }

    /// SplitMix64's finaliser: a strong 64-bit mix.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a over the UTF-8 bytes: a stable hash of a string (Swift's `hashValue` is seeded per run).
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Cumulative sums of `weights`.
    static func cumulative(_ weights: [Double]) -> [Double] {
        var total = 0.0
        return weights.map { weight in
            total += max(0, weight)
            return total
        }
    }
}
