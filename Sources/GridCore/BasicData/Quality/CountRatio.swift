/// A rate kept as its two counts (分子/分母), so that figures of grids add up to communities,
/// streets and the district exactly (domain.md §7): add the counts, then divide.
public struct CountRatio: Sendable, Hashable, Codable {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public static let zero = CountRatio(0, of: 0)

    /// numerator ÷ denominator, nil when there is nothing to divide by.
    public var rate: Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }

    public static func + (lhs: CountRatio, rhs: CountRatio) -> CountRatio {
        CountRatio(lhs.numerator + rhs.numerator, of: lhs.denominator + rhs.denominator)
    }

    public static func += (lhs: inout CountRatio, rhs: CountRatio) {
        lhs = lhs + rhs
    }
}
