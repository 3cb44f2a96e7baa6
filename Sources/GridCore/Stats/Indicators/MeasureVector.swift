/// A value for every `Measure`: one cell of the indicator tables, or a sum of cells.
public struct MeasureVector: Sendable, Hashable {
    private var values: [Int]

    public init() {
        values = Array(repeating: 0, count: Measure.allCases.count)
    }

    public init(_ pairs: [Measure: Int]) {
        self.init()
        for (measure, value) in pairs { self[measure] = value }
    }

    private static let index: [Measure: Int] = Dictionary(uniqueKeysWithValues: Measure.allCases.enumerated().map { ($1, $0) })

    public subscript(_ measure: Measure) -> Int {
        get { values[Self.index[measure] ?? 0] }
        set { values[Self.index[measure] ?? 0] = newValue }
    }

    public var isZero: Bool { values.allSatisfy { $0 == 0 } }

    public static func + (lhs: MeasureVector, rhs: MeasureVector) -> MeasureVector {
        var sum = lhs
        for i in sum.values.indices { sum.values[i] += rhs.values[i] }
        return sum
    }

    public static func - (lhs: MeasureVector, rhs: MeasureVector) -> MeasureVector {
        var difference = lhs
        for i in difference.values.indices { difference.values[i] -= rhs.values[i] }
        return difference
    }

    public static func += (lhs: inout MeasureVector, rhs: MeasureVector) { lhs = lhs + rhs }
}
