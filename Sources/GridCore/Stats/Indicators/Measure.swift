/// One counter kept in the indicator tables (指标计数): every published rate is a quotient of two
/// of them, computed last from sums, so a district's figure is the exact sum of its grids'
/// (DHIS2 keeps numerators and denominators apart for the same reason).
///
/// The raw values name database columns; never rename one.
public enum Measure: String, Sendable, CaseIterable, Hashable, Codable {
    /// 上报数: events reported, dated by the report day.
    case reported
    /// 有效上报数 (立案 + 作废): reported and taken up — accepted, dispatched, handled, solved on the
    /// spot or voided after 立案 — by the report day. Neither refused nor still awaiting triage.
    case valid
    /// 不予立案数: refused at triage as invalid, duplicate or out of scope, by the report day.
    case rejected
    /// 流转数: valid events that left the community — escalated to the street or district, or
    /// dispatched to a department or outside unit — by the report day.
    case flowed
    /// Events triaged (accepted or refused), the denominator of the mean acceptance time.
    case triaged
    /// Minutes from report to triage, summed over `triaged` (受理时长).
    case triageMinutes = "triage_minutes"
    /// 派遣数: dispatches to a handling unit, re-dispatches after a return included.
    case dispatched
    /// 退回数: dispatches a unit refused.
    case returned
    /// 应结案数: valid events whose handling deadline fell in the period (dated by the due day).
    case due
    /// 结案数: of those, closed (办结).
    case closed
    /// 按期结案数: of those, closed, and handled before the handling deadline ended.
    case closedOnTime = "closed_on_time"
    /// 返工数: failed verifications of those events.
    case rework
    /// Events with a discovery rating (发现评价), by the report day.
    case discoveryRated = "discovery_rated"
    /// Discovery stars summed over `discoveryRated`.
    case discoveryStars = "discovery_stars"
    /// Events with a disposal rating (处置评价), by the report day.
    case disposalRated = "disposal_rated"
    /// Disposal stars summed over `disposalRated`.
    case disposalStars = "disposal_stars"
    /// Events whose party gave an opinion (满意度), by the report day.
    case satisfactionRated = "satisfaction_rated"
    /// Of those, fairly or very satisfied.
    case satisfied
    /// 就地解决: reported as solved on the spot, by the report day.
    case solvedOnSpot = "solved_on_spot"

    // Work besides events (巡查、走访、采集), kept by the patrol, visit and register writes.

    /// 巡查时长: seconds of ended patrols, split by the local day they were patrolled on (a patrol
    /// past midnight counts on both days), in the grid patrolled and for the worker.
    case patrolSeconds = "patrol_seconds"
    /// 走访次数: household visits recorded, by the visit's day, in the household's grid and for
    /// the visitor.
    case visits
    /// 已完成应走访: visits that settle an obligation — the first `required` visits of a household
    /// in its window (the month for care households, else the quarter) — dated by the window's
    /// last day, like `visitsDue`; a third visit in a quarter counts in `visits` only.
    case visitsCounted = "visits_counted"
    /// 应走访次数: visits owed by the register's households (`VisitObligations`), dated by the
    /// last day of the window they are owed in: once a month for a household with a member in a
    /// monthly care group, twice a quarter for every other household. Territory cells only.
    case visitsDue = "visits_due"
    /// 采集记录数: basic-data records (people, rooms, organisations) entered into the register
    /// through the platform — an import, or a reviewed declaration that adds a person — by the
    /// day entered, in the record's grid, and for the worker who entered them.
    case recordsCollected = "records_collected"
    /// Current basic-data records (现有记录数): residents, rooms and organisations at the moment,
    /// the denominator of completeness. A stock, read live from the register; never stored.
    case records
    /// Of those, complete (no required field missing, the data-quality report's rule). A stock.
    case completeRecords = "complete_records"

    /// The database column that holds it.
    public var column: String { rawValue }

    /// Whether the indicator tables keep it (a flow); stocks are read from the register.
    public var isStored: Bool { self != .records && self != .completeRecords }

    /// The measures the indicator tables keep, in column order.
    public static let stored: [Measure] = allCases.filter(\.isStored)

    /// The stocks of the register, filled in from it when asked (`records`, `completeRecords`).
    public static let stocks: [Measure] = allCases.filter { !$0.isStored }
}
