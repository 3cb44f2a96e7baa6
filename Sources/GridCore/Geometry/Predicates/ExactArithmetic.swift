/// Error-free transformations (Dekker, Knuth, Shewchuk): a floating-point operation's result
/// plus the exact rounding error, so that sums of products can be evaluated without error.
enum ExactArithmetic {
    /// a − b = hi + lo exactly.
    @inline(__always)
    static func twoDiff(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) {
        let x = a - b
        let bVirtual = a - x
        let aVirtual = x + bVirtual
        let bRound = bVirtual - b
        let aRound = a - aVirtual
        return (x, aRound + bRound)
    }

    /// a + b = hi + lo exactly.
    @inline(__always)
    static func twoSum(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) {
        let x = a + b
        let bVirtual = x - a
        let aVirtual = x - bVirtual
        let bRound = b - bVirtual
        let aRound = a - aVirtual
        return (x, aRound + bRound)
    }

    /// a × b = hi + lo exactly (the fused multiply-add gives the rounding error).
    @inline(__always)
    static func twoProduct(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) {
        let x = a * b
        return (x, (-x).addingProduct(a, b))
    }

    /// A non-overlapping expansion: components in increasing magnitude whose exact sum is the
    /// value. Grown one term at a time (Shewchuk's GROW-EXPANSION), so it stays non-overlapping
    /// and its sign is the sign of its largest non-zero component.
    struct Expansion {
        let storage: UnsafeMutableBufferPointer<Double>
        var count = 0

        init(storage: UnsafeMutableBufferPointer<Double>) {
            self.storage = storage
        }

        mutating func add(_ value: Double) {
            var q = value
            for i in 0..<count {
                let (sum, error) = ExactArithmetic.twoSum(q, storage[i])
                storage[i] = error
                q = sum
            }
            storage[count] = q
            count += 1
        }

        mutating func addProduct(_ a: Double, _ b: Double) {
            let (hi, lo) = ExactArithmetic.twoProduct(a, b)
            add(lo)
            add(hi)
        }

        var sign: Int {
            for i in stride(from: count - 1, through: 0, by: -1) where storage[i] != 0 {
                return storage[i] > 0 ? 1 : -1
            }
            return 0
        }
    }
}
