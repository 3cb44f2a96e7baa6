import Foundation

extension AssessmentScheme {
    /// The default grid-worker scheme (网格员月度考核): quality over quantity (domain.md §4–7).
    /// Valid reports count up to 30, not more; the valid rate, discovery stars and problems
    /// solved on the spot carry most of the rest; every refused report costs a point, up to 20 —
    /// so padding a quota with trivia loses to fewer, valid, high-star reports. The work besides
    /// reporting weighs a fifth: patrol hours up to the standard month (4 h × 20 working days)
    /// and the visits the grid's households were owed, from half of them done to all.
    public static func defaultWorker(id: UUID) -> AssessmentScheme {
        AssessmentScheme(
            id: id, name: "网格员月度考核（默认）", subject: .worker,
            items: [
                Item(indicator: "valid", weight: 25, rule: .linear(zeroAt: 0, fullAt: 30)),
                Item(indicator: "valid_rate", weight: 20, rule: .linear(zeroAt: 0.3, fullAt: 0.9)),
                Item(indicator: "discovery_stars", weight: 25, rule: .linear(zeroAt: 1, fullAt: 4)),
                Item(indicator: "solved_on_spot", weight: 10, rule: .linear(zeroAt: 0, fullAt: 10)),
                Item(indicator: "patrol_hours", weight: 10, rule: .linear(zeroAt: 0, fullAt: 80)),
                Item(indicator: "visit_rate", weight: 10, rule: .linear(zeroAt: 0.5, fullAt: 1)),
                Item(indicator: "rejected", weight: 20, rule: .penalty(pointsEach: 1)),
            ],
            forced: ForcedDistribution(maxExcellentShare: 0.2, minBasicShare: 0.1))
    }

    /// The default community scheme (社区考核, 中网): closing on time and well.
    public static func defaultCommunity(id: UUID) -> AssessmentScheme {
        AssessmentScheme(
            id: id, name: "社区季度考核（默认）", subject: .community,
            items: [
                Item(indicator: "on_time_rate", weight: 35, rule: .linear(zeroAt: 0.6, fullAt: 0.98)),
                Item(indicator: "closure_rate", weight: 25, rule: .linear(zeroAt: 0.7, fullAt: 1)),
                Item(indicator: "valid_rate", weight: 15, rule: .linear(zeroAt: 0.3, fullAt: 0.9)),
                Item(indicator: "satisfaction_rate", weight: 15, rule: .linear(zeroAt: 0.6, fullAt: 0.95)),
                Item(indicator: "acceptance_hours", weight: 10, rule: .linear(zeroAt: 48, fullAt: 4)),
                Item(indicator: "rework_rate", weight: 10, rule: .penalty(pointsEach: 50)),
            ],
            forced: ForcedDistribution(maxExcellentShare: 0.2, minBasicShare: 0.1))
    }

    /// The default department scheme (部门考核, 大网): handling on time, few returns, rated well.
    public static func defaultDepartment(id: UUID) -> AssessmentScheme {
        AssessmentScheme(
            id: id, name: "职能部门月度考核（默认）", subject: .department,
            items: [
                Item(indicator: "on_time_rate", weight: 50, rule: .linear(zeroAt: 0.6, fullAt: 0.98)),
                Item(indicator: "closure_rate", weight: 30, rule: .linear(zeroAt: 0.7, fullAt: 1)),
                Item(indicator: "disposal_stars", weight: 20, rule: .linear(zeroAt: 2, fullAt: 4.5)),
                Item(indicator: "rework_rate", weight: 10, rule: .penalty(pointsEach: 50)),
            ])
    }
}
