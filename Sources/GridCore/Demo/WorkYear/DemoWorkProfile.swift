/// How hard one demo grid worker works besides events (工作作风): their patrol hours a month and
/// how many of the visits their households are owed they make. Drawn per grid from the seed, so
/// that patrol hours and visit rates — and the assessment rankings built on them — differ between
/// workers as they do in a real district: a few diligent, most steady, a few lax.
public struct DemoWorkProfile: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// About 85–95 h of patrol a month, nearly every visit made.
        case diligent
        /// 50–80 h a month, 70–95 % of the visits.
        case steady
        /// 20–40 h a month, 60–75 % of the visits.
        case lax
    }

    public let kind: Kind
    /// The patrol hours aimed at in a month of working days.
    public let patrolHoursPerMonth: Double
    /// The chance of patrolling on a working day (the rest is meetings, leave, desk work).
    public let patrolDayChance: Double
    /// The chance of making each visit a household is owed in its quarter.
    public let visitShare: Double
    /// The chance of making a care household's monthly visit: workers put those first, and a
    /// diligent one never misses it.
    public var monthlyVisitChance: Double {
        kind == .diligent ? 1 : visitShare + (1 - visitShare) / 2
    }

    /// Shares of the kinds among workers.
    static let diligentShare = 0.15
    static let laxShare = 0.15

    static func draw(_ dice: inout DemoDice) -> DemoWorkProfile {
        let draw = dice.unit()
        if draw < diligentShare {
            return DemoWorkProfile(
                kind: .diligent, patrolHoursPerMonth: dice.double(85...95), patrolDayChance: dice.double(0.95...0.99),
                visitShare: dice.double(0.95...1))
        }
        if draw < 1 - laxShare {
            return DemoWorkProfile(
                kind: .steady, patrolHoursPerMonth: dice.double(50...80), patrolDayChance: dice.double(0.82...0.95),
                visitShare: dice.double(0.7...0.95))
        }
        return DemoWorkProfile(
            kind: .lax, patrolHoursPerMonth: dice.double(20...40), patrolDayChance: dice.double(0.6...0.75),
            visitShare: dice.double(0.6...0.75))
    }
}
