import Foundation

/// An assessment scheme (考核方案): weighted indicators with scoring rules, grade bands and an
/// optional forced distribution, for one circle of the three (三网).
public struct AssessmentScheme: Sendable, Hashable, Codable, Identifiable {
    /// Whom a scheme assesses.
    public enum Subject: String, Sendable, Hashable, Codable, CaseIterable {
        /// 大网: departments and outside units, by the events dispatched to them.
        case department
        /// 中网: communities, by the events of their grids.
        case community
        /// 小网: grids, by their events.
        case grid
        /// 小网: grid workers, by the events they reported.
        case worker

        public var label: LocalizedText {
            switch self {
            case .department: LocalizedText(zh: "部门（大网）", en: "Departments (outer circle)")
            case .community: LocalizedText(zh: "社区（中网）", en: "Communities (middle circle)")
            case .grid: LocalizedText(zh: "网格（小网）", en: "Grids (inner circle)")
            case .worker: LocalizedText(zh: "网格员（小网）", en: "Grid workers (inner circle)")
            }
        }
    }

    /// One weighted indicator (考核项).
    public struct Item: Sendable, Hashable, Codable {
        /// An `Indicator.id`.
        public var indicator: String
        /// The most points the item gives (or, for a penalty, takes).
        public var weight: Double
        public var rule: ScoringRule

        public init(indicator: String, weight: Double, rule: ScoringRule) {
            self.indicator = indicator
            self.weight = weight
            self.rule = rule
        }
    }

    /// Grades from the best; a total at or above `minimum` earns the grade.
    public struct GradeBand: Sendable, Hashable, Codable {
        public var grade: Grade
        public var minimum: Double

        public init(grade: Grade, minimum: Double) {
            self.grade = grade
            self.minimum = minimum
        }
    }

    /// 强制分布: at most `maxExcellentShare` of the subjects may be 优秀; at least
    /// `minBasicShare` (the lowest ranked) are graded 基本合格 or below.
    public struct ForcedDistribution: Sendable, Hashable, Codable {
        public var maxExcellentShare: Double
        public var minBasicShare: Double

        enum CodingKeys: String, CodingKey {
            case maxExcellentShare = "max_excellent_share"
            case minBasicShare = "min_basic_share"
        }

        public init(maxExcellentShare: Double, minBasicShare: Double) {
            self.maxExcellentShare = maxExcellentShare
            self.minBasicShare = minBasicShare
        }
    }

    public var id: UUID
    public var name: String
    public var subject: Subject
    public var items: [Item]
    public var bands: [GradeBand]
    public var forced: ForcedDistribution?

    public init(id: UUID, name: String, subject: Subject, items: [Item], bands: [GradeBand] = Self.standardBands, forced: ForcedDistribution? = nil) {
        self.id = id
        self.name = name
        self.subject = subject
        self.items = items
        self.bands = bands
        self.forced = forced
    }

    /// 优秀 ≥ 90, 合格 ≥ 70, 基本合格 ≥ 60, else 不合格.
    public static let standardBands = [
        GradeBand(grade: .excellent, minimum: 90), GradeBand(grade: .qualified, minimum: 70),
        GradeBand(grade: .basic, minimum: 60), GradeBand(grade: .unqualified, minimum: -1_000_000),
    ]

    /// Every problem with the scheme, each naming its field (items[2].weight…).
    public func validate() throws(ValidationFailures) {
        var failures: [ValidationFailure] = []
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            failures.append(ValidationFailure(field: "name", zh: "方案名称不能为空", en: "the scheme needs a name"))
        }
        if items.isEmpty {
            failures.append(ValidationFailure(field: "items", zh: "方案至少要有一个考核项", en: "the scheme needs at least one item"))
        }
        for (index, item) in items.enumerated() {
            if Indicator.find(item.indicator) == nil {
                failures.append(ValidationFailure(
                    field: "items[\(index)].indicator", zh: "没有指标“\(item.indicator)”", en: "there is no indicator '\(item.indicator)'"))
            }
            if !(item.weight > 0 && item.weight <= 100) {
                failures.append(ValidationFailure(field: "items[\(index)].weight", zh: "分值应在 0 到 100 之间", en: "the weight must be above 0 and at most 100"))
            }
            do { try item.rule.validate(field: "items[\(index)].rule") } catch { failures.append(error) }
        }
        let rewards = items.filter { if case .penalty = $0.rule { false } else { true } }.reduce(0) { $0 + $1.weight }
        if !items.isEmpty, abs(rewards - 100) > 0.001 {
            failures.append(ValidationFailure(
                field: "items", zh: "加分项分值合计应为 100，现为 \(rewards.formatted())", en: "the rewarding items' weights must add up to 100, not \(rewards.formatted())"))
        }
        let minimums = bands.map(\.minimum)
        if Set(bands.map(\.grade)) != Set(Grade.allCases) || minimums != minimums.sorted(by: >) {
            failures.append(ValidationFailure(
                field: "bands", zh: "四个等级各一档，分数线从高到低", en: "give each of the four grades one band, minimums from the highest down"))
        }
        if let forced, !(0...1).contains(forced.maxExcellentShare) || !(0...1).contains(forced.minBasicShare) {
            failures.append(ValidationFailure(field: "forced", zh: "强制分布比例应在 0 到 1 之间", en: "forced-distribution shares must be between 0 and 1"))
        }
        if !failures.isEmpty { throw ValidationFailures(failures) }
    }
}

/// The four grades (考核等级), best first.
public enum Grade: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case excellent, qualified, basic, unqualified

    public var label: LocalizedText {
        switch self {
        case .excellent: LocalizedText(zh: "优秀", en: "excellent")
        case .qualified: LocalizedText(zh: "合格", en: "qualified")
        case .basic: LocalizedText(zh: "基本合格", en: "basically qualified")
        case .unqualified: LocalizedText(zh: "不合格", en: "unqualified")
        }
    }

    /// Better grades compare smaller (they come first).
    public static func < (lhs: Grade, rhs: Grade) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
