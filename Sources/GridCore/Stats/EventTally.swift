/// Counts of the events reported in a period in one place (事件统计), kept as numerators and
/// denominators so that a street's figures are the exact sum of its grids' and every rate is
/// computed last, from sums (a mean of grid rates would weigh a quiet grid like a busy one).
public struct EventTally: Sendable, Hashable {
    /// 上报数: events reported in the period.
    public var reported = 0
    /// 不予立案: refused at triage (invalid, duplicate, out of scope).
    public var rejected = 0
    /// 结案数: closed or archived by now.
    public var closed = 0
    /// Handled by now with a handling deadline (the on-time rate's denominator).
    public var handledWithDeadline = 0
    /// 按期处置数: handled before their handling deadline.
    public var handledOnTime = 0
    /// Open now past a deadline.
    public var overdue = 0

    public init(reported: Int = 0, rejected: Int = 0, closed: Int = 0, handledWithDeadline: Int = 0, handledOnTime: Int = 0, overdue: Int = 0) {
        self.reported = reported
        self.rejected = rejected
        self.closed = closed
        self.handledWithDeadline = handledWithDeadline
        self.handledOnTime = handledOnTime
        self.overdue = overdue
    }

    /// 有效上报数: reported and not refused.
    public var valid: Int { reported - rejected }

    /// 有效上报率 = valid ÷ reported.
    public var validRate: Double? { Self.rate(valid, reported) }
    /// 结案率 = closed ÷ valid (events refused at triage are never due to close).
    public var closureRate: Double? { Self.rate(closed, valid) }
    /// 按期处置率 = handled on time ÷ handled with a deadline.
    public var onTimeRate: Double? { Self.rate(handledOnTime, handledWithDeadline) }

    public static func + (lhs: EventTally, rhs: EventTally) -> EventTally {
        EventTally(
            reported: lhs.reported + rhs.reported, rejected: lhs.rejected + rhs.rejected, closed: lhs.closed + rhs.closed,
            handledWithDeadline: lhs.handledWithDeadline + rhs.handledWithDeadline, handledOnTime: lhs.handledOnTime + rhs.handledOnTime,
            overdue: lhs.overdue + rhs.overdue)
    }

    public static func += (lhs: inout EventTally, rhs: EventTally) { lhs = lhs + rhs }

    /// nil when nothing was due: "no events" is not "0 %".
    static func rate(_ numerator: Int, _ denominator: Int) -> Double? {
        denominator > 0 ? Double(numerator) / Double(denominator) : nil
    }

    /// Each grid's tally added into the unit below `parent` that contains it (a ranking of
    /// sub-units); grids outside every child are left out.
    public static func rollUp(_ byGrid: [UnitPath: EventTally], into children: [UnitPath]) -> [UnitPath: EventTally] {
        var totals: [UnitPath: EventTally] = [:]
        for child in children { totals[child] = EventTally() }
        for (grid, tally) in byGrid {
            guard let child = children.first(where: { $0.contains(grid) }) else { continue }
            totals[child, default: EventTally()] += tally
        }
        return totals
    }
}

/// Text of a rate for screens: one decimal, a dash when nothing was due.
public enum RateText {
    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
