/// What the rows of an indicator report are (排名维度).
public enum IndicatorBreakdown: String, Sendable, CaseIterable {
    /// The unit alone.
    case none
    /// The territorial units one level below (streets of a district, communities of a street…).
    case unit
    /// Event types (事件类型).
    case type
    /// Days at the period's ragged ends, months in between.
    case period
    /// Reporters (网格员), by the events they reported.
    case worker
    /// Handling units (职能部门), by the events dispatched to them.
    case department

    /// Each grid's (or unit's) vector added into the unit of `children` containing it; paths under
    /// none of them are left out.
    public static func rollUp(_ byPath: [String: MeasureVector], into children: [UnitPath]) -> [UnitPath: MeasureVector] {
        var totals: [UnitPath: MeasureVector] = [:]
        for child in children { totals[child] = MeasureVector() }
        for (raw, vector) in byPath {
            guard let path = UnitPath(rawValue: raw), let child = children.first(where: { $0.contains(path) }) else { continue }
            totals[child] = (totals[child] ?? MeasureVector()) + vector
        }
        return totals
    }
}
