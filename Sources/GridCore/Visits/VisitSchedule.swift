/// Which households a grid worker owes a visit (走访), from domain.md §5: every household at
/// least twice a quarter, and every month a household with a member in a group that needs a
/// monthly visit (困难家庭和空巢老人每月必访). Pure: the register's households and the visits
/// already made go in, the worker's list comes out.
public enum VisitSchedule {
    /// Visits each household owes per quarter.
    public static let perQuarter = 2

    /// A household as the schedule sees it: who it is and why it may need more.
    public struct Household: Sendable, Hashable {
        public var id: String
        /// Care groups of its current members.
        public var careGroups: Set<CareGroup>

        public init(id: String, careGroups: Set<CareGroup>) {
            self.id = id
            self.careGroups = careGroups
        }

        public var needsMonthlyVisit: Bool { careGroups.contains { $0.needsMonthlyVisit } }
    }

    /// What a household is owed in the period containing `today`.
    public struct Due: Sendable, Hashable {
        public enum Reason: String, Sendable, Codable {
            /// 每月必访: a member needs a visit this month.
            case monthly
            /// 每季两次: the household's quarterly visits.
            case quarterly
        }

        public var householdID: String
        public var reason: Reason
        /// Visits owed in the period, and made so far.
        public var required: Int
        public var made: Int
        /// The first day of the next period: the visit is late from then.
        public var dueBy: CalendarDay
        /// Behind the pace: fewer visits made than the share of the period already gone asks for
        /// (the console and the phone highlight these).
        public var behind: Bool

        public var remaining: Int { max(0, required - made) }
    }

    /// The households still owed a visit on `today`, most pressing first: monthly ones, then
    /// those behind, then by how many visits remain. `visits` are the days of visits made, per
    /// household id.
    public static func due(households: [Household], visits: [String: [CalendarDay]], today: CalendarDay) -> [Due] {
        let monthStart = firstDay(today.year, today.month, plusMonths: 0, or: today)
        let nextMonth = firstDay(today.year, today.month, plusMonths: 1, or: today)
        let quarterStart = quarterStart(of: today)
        let nextQuarter = firstDay(quarterStart.year, quarterStart.month, plusMonths: 3, or: today)
        func share(_ start: CalendarDay, _ end: CalendarDay) -> Double {
            Double(today.daysSinceEpoch - start.daysSinceEpoch) / Double(max(1, end.daysSinceEpoch - start.daysSinceEpoch))
        }
        var owed: [Due] = []
        for household in households {
            let days = visits[household.id] ?? []
            if household.needsMonthlyVisit {
                let made = days.filter { $0 >= monthStart && $0 < nextMonth }.count
                // Monthly: behind once two thirds of the month have passed without a visit.
                if made < 1 {
                    owed.append(Due(householdID: household.id, reason: .monthly, required: 1, made: made, dueBy: nextMonth,
                                    behind: share(monthStart, nextMonth) >= 2.0 / 3.0))
                }
                continue
            }
            let made = days.filter { $0 >= quarterStart && $0 < nextQuarter }.count
            guard made < perQuarter else { continue }
            let expected = Int((share(quarterStart, nextQuarter) * Double(perQuarter)).rounded(.down))
            owed.append(Due(householdID: household.id, reason: .quarterly, required: perQuarter, made: made, dueBy: nextQuarter,
                            behind: made < expected))
        }
        return owed.sorted {
            ($0.reason == .monthly ? 0 : 1, $0.behind ? 0 : 1, -$0.remaining, $0.householdID)
                < ($1.reason == .monthly ? 0 : 1, $1.behind ? 0 : 1, -$1.remaining, $1.householdID)
        }
    }

    /// The first day of the quarter containing `day`: the earliest visit that can count today.
    public static func quarterStart(of day: CalendarDay) -> CalendarDay {
        firstDay(day.year, (day.month - 1) / 3 * 3 + 1, plusMonths: 0, or: day)
    }

    /// The first day of the month `plusMonths` after `year`-`month`.
    private static func firstDay(_ year: Int, _ month: Int, plusMonths: Int, or fallback: CalendarDay) -> CalendarDay {
        let index = year * 12 + (month - 1) + plusMonths
        return CalendarDay(year: index / 12, month: index % 12 + 1, day: 1) ?? fallback
    }
}
