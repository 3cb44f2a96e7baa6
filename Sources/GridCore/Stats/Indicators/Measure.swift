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

    /// The database column that holds it.
    public var column: String { rawValue }
}
