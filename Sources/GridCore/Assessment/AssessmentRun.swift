import Foundation

/// Scoring a scheme for a period (考核结果): each subject's points per item with the parts behind
/// them, bonus points with reasons, the total, the grade after the forced distribution, the rank.
public enum AssessmentRun {
    /// One assessed subject's figures.
    public struct Subject: Sendable, Hashable {
        public var key: String
        public var name: String
        public var measures: MeasureVector

        public init(key: String, name: String, measures: MeasureVector) {
            self.key = key
            self.name = name
            self.measures = measures
        }
    }

    /// Extra points for one subject (加分), with the reason; negative for a deduction.
    public struct Bonus: Sendable, Hashable, Codable {
        public var key: String
        public var points: Double
        public var reason: String

        public init(key: String, points: Double, reason: String) {
            self.key = key
            self.points = points
            self.reason = reason
        }
    }

    public struct ItemScore: Sendable, Hashable, Codable {
        public var indicator: String
        public var value: Double?
        public var numerator: Int
        public var denominator: Int?
        public var points: Double
    }

    public struct Result: Sendable, Hashable, Codable {
        public var rank: Int
        public var key: String
        public var name: String
        public var items: [ItemScore]
        public var bonus: Double
        public var bonusReasons: [String]
        public var total: Double
        /// The grade its total earns by the bands…
        public var bandGrade: Grade
        /// …and the grade it gets after the forced distribution.
        public var grade: Grade

        enum CodingKeys: String, CodingKey {
            case rank, key, name, items, bonus, total, grade
            case bonusReasons = "bonus_reasons"
            case bandGrade = "band_grade"
        }
    }

    /// Scores every subject, ranks by total (ties by more valid work, then key), grades by
    /// the bands, then applies the forced distribution: the excellent beyond the share drop to
    /// the next grade from the bottom of the excellent up; the lowest ranked are graded at most
    /// 基本合格 until the share holds.
    public static func score(_ scheme: AssessmentScheme, subjects: [Subject], bonuses: [Bonus] = []) -> [Result] {
        let bonusByKey = Dictionary(grouping: bonuses, by: \.key)
        var results: [Result] = subjects.map { subject in
            let items = scheme.items.map { item -> ItemScore in
                let indicator = Indicator.find(item.indicator)
                let value = indicator?.value(of: subject.measures)
                let parts: (numerator: Int, denominator: Int?) = indicator?.parts(of: subject.measures) ?? (0, nil)
                return ItemScore(
                    indicator: item.indicator, value: value, numerator: parts.numerator, denominator: parts.denominator,
                    points: rounded(item.rule.points(for: value, weight: item.weight)))
            }
            let extra = bonusByKey[subject.key] ?? []
            let bonus = extra.reduce(0) { $0 + $1.points }
            let total = rounded(items.reduce(0) { $0 + $1.points } + bonus)
            let grade = scheme.bands.sorted { $0.minimum > $1.minimum }.first { total >= $0.minimum }?.grade ?? .unqualified
            return Result(
                rank: 0, key: subject.key, name: subject.name, items: items, bonus: bonus,
                bonusReasons: extra.map(\.reason), total: total, bandGrade: grade, grade: grade)
        }
        let validOf = Dictionary(uniqueKeysWithValues: subjects.map { ($0.key, $0.measures[.valid]) })
        results.sort { ($0.total, validOf[$0.key] ?? 0, $1.key) > ($1.total, validOf[$1.key] ?? 0, $0.key) }
        for index in results.indices {
            // Equal totals share a rank (1, 2, 2, 4).
            results[index].rank = index > 0 && results[index - 1].total == results[index].total ? results[index - 1].rank : index + 1
        }
        if let forced = scheme.forced { distribute(&results, forced) }
        return results
    }

    static func distribute(_ results: inout [Result], _ forced: AssessmentScheme.ForcedDistribution) {
        let count = results.count
        guard count > 0 else { return }
        let maxExcellent = Int((Double(count) * forced.maxExcellentShare).rounded(.down))
        var excellent = 0
        for index in results.indices where results[index].grade == .excellent {
            excellent += 1
            if excellent > maxExcellent { results[index].grade = .qualified }
        }
        let minBasic = Int((Double(count) * forced.minBasicShare).rounded(.up))
        var lowGraded = results.filter { $0.grade >= .basic }.count
        for index in results.indices.reversed() where lowGraded < minBasic && results[index].grade < .basic {
            results[index].grade = .basic
            lowGraded += 1
        }
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
