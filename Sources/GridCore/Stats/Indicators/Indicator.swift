/// A published indicator (考核指标) with its definition: a count, or a quotient of two measures
/// computed from summed cells (never a mean of rates). The definitions are shown in the console
/// beside every figure and served by the API, so a number always says how it was made.
public struct Indicator: Sendable, Hashable, Identifiable {
    public enum Kind: Sendable, Hashable {
        /// A count of one measure.
        case count(Measure)
        /// numerator ÷ denominator, shown as a percentage.
        case rate(Measure, over: Measure)
        /// sum ÷ count, shown with one decimal in `unit`.
        case mean(Measure, over: Measure, scale: Double)
        /// A sum times `scale`, shown with one decimal in `unit` (seconds as hours).
        case amount(Measure, scale: Double)
    }

    /// Stable key: used in the API, in assessment schemes and in exports.
    public let id: String
    public let name: LocalizedText
    public let definition: LocalizedText
    public let kind: Kind
    /// The unit of a mean ("星", "小时"); nil for counts and rates.
    public let unit: LocalizedText?

    /// The value from summed measures; nil when the denominator is zero ("nothing due" is not 0 %).
    public func value(of m: MeasureVector) -> Double? {
        switch kind {
        case .count(let measure): return Double(m[measure])
        case .amount(let measure, let scale): return Double(m[measure]) * scale
        case .rate(let numerator, let denominator), .mean(let numerator, let denominator, _):
            let d = m[denominator]
            guard d > 0 else { return nil }
            if case .mean(_, _, let scale) = kind { return Double(m[numerator]) * scale / Double(d) }
            return Double(m[numerator]) / Double(d)
        }
    }

    /// The numerator and denominator behind the value (the denominator nil for counts).
    public func parts(of m: MeasureVector) -> (numerator: Int, denominator: Int?) {
        switch kind {
        case .count(let measure), .amount(let measure, _): (m[measure], nil)
        case .rate(let numerator, let denominator), .mean(let numerator, let denominator, _): (m[numerator], m[denominator])
        }
    }

    public var isRate: Bool {
        if case .rate = kind { return true }
        return false
    }

    /// Every indicator: the events' (`events`), then the work besides them (`work`).
    public static let all: [Indicator] = events + work

    public static func find(_ id: String) -> Indicator? { all.first { $0.id == id } }

    /// The measures the value is made of (numerator first).
    public var measures: [Measure] {
        switch kind {
        case .count(let measure), .amount(let measure, _): [measure]
        case .rate(let numerator, let denominator), .mean(let numerator, let denominator, _): [numerator, denominator]
        }
    }
}
