/// How an indicator's value becomes points (计分规则), out of the item's weight.
public enum ScoringRule: Sendable, Hashable, Codable {
    /// Nothing at or below `zeroAt`, the full weight at or beyond `fullAt`, straight between.
    /// `zeroAt > fullAt` scores "lower is better" (hours to accept, rework).
    case linear(zeroAt: Double, fullAt: Double)
    /// The points of the highest step reached (`atLeast` ascending); nothing below the first.
    case thresholds(steps: [Step])
    /// Minus `pointsEach` per unit of the value, down to minus the weight (扣分项): rejected
    /// trivia, overdue events.
    case penalty(pointsEach: Double)

    public struct Step: Sendable, Hashable, Codable {
        public var atLeast: Double
        public var points: Double

        enum CodingKeys: String, CodingKey {
            case points
            case atLeast = "at_least"
        }

        public init(atLeast: Double, points: Double) {
            self.atLeast = atLeast
            self.points = points
        }
    }

    enum LinearCodingKeys: String, CodingKey {
        case zeroAt = "zero_at"
        case fullAt = "full_at"
    }

    enum ThresholdsCodingKeys: String, CodingKey { case steps }

    enum PenaltyCodingKeys: String, CodingKey {
        case pointsEach = "points_each"
    }

    /// Points for `value` under an item worth `weight`; a missing value (nothing due) scores
    /// nothing for rewards and costs nothing for penalties.
    public func points(for value: Double?, weight: Double) -> Double {
        guard let value else { return 0 }
        switch self {
        case .linear(let zeroAt, let fullAt):
            guard zeroAt != fullAt else { return value >= fullAt ? weight : 0 }
            let share = (value - zeroAt) / (fullAt - zeroAt)
            return weight * min(1, max(0, share))
        case .thresholds(let steps):
            let reached = steps.sorted { $0.atLeast < $1.atLeast }.last { value >= $0.atLeast }
            return min(weight, reached?.points ?? 0)
        case .penalty(let each):
            let taken = min(weight, max(0, value) * each)
            return taken == 0 ? 0 : -taken
        }
    }

    /// Checks the rule's own numbers; the failure names `field`.
    public func validate(field: String) throws(ValidationFailure) {
        switch self {
        case .linear(let zeroAt, let fullAt):
            guard zeroAt.isFinite, fullAt.isFinite, zeroAt != fullAt else {
                throw ValidationFailure(field: field, zh: "线性计分的两端应为不同的数", en: "a linear rule needs two different finite bounds")
            }
        case .thresholds(let steps):
            guard !steps.isEmpty, steps.allSatisfy({ $0.atLeast.isFinite && $0.points.isFinite && $0.points >= 0 }) else {
                throw ValidationFailure(field: field, zh: "分档计分至少一档，分值不能为负", en: "a threshold rule needs at least one step with non-negative points")
            }
        case .penalty(let each):
            guard each.isFinite, each > 0 else {
                throw ValidationFailure(field: field, zh: "扣分项每次扣分应大于 0", en: "a penalty must take more than 0 points each")
            }
        }
    }
}
