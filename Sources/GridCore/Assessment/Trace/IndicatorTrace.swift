/// Tracing a score to what is behind it (考核溯源): what one event, patrol or visit adds to a
/// subject's figures over a period, taken from the very cells the facts write (`EventFacts`,
/// `PatrolFacts`, `VisitFacts`) — so the contributions of everything traced add up to the sums
/// the run read from the tables.
public enum IndicatorTrace {
    /// Whose figures: a territory's (everything under a unit), a reporter's (within the run's
    /// unit), or a handling unit's.
    public enum Whose: Sendable, Hashable {
        case territory(UnitPath)
        case worker(String, within: UnitPath)
        case handler(UnitPath)
    }

    /// Where an indicator's measures come from, and so what a trace lists.
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        /// Events (the events' measures).
        case events
        /// Patrols (`patrolSeconds`).
        case patrols
        /// Household visits (`visits`, `visitsCounted`).
        case visits
        /// The register: visits due, records collected, the stocks — counted, not itemised.
        case register
    }

    public static func source(of measure: Measure) -> Source {
        switch measure {
        case .patrolSeconds: .patrols
        case .visits, .visitsCounted: .visits
        case .visitsDue, .recordsCollected, .records, .completeRecords: .register
        default: .events
        }
    }

    /// The sum of the daily cells of `period` that belong to `whose`: an item's contribution.
    /// Daily cells are enough: every fact writes its day's cell beside its month's.
    public static func contribution(
        of cells: [IndicatorCell: MeasureVector], to whose: Whose, in period: StatPeriod
    ) -> MeasureVector {
        let first = period.first.description, last = period.last.description
        var total = MeasureVector()
        for (cell, vector) in cells where cell.grain == .day && cell.period >= first && cell.period <= last && matches(cell, whose) {
            total += vector
        }
        return total
    }

    static func matches(_ cell: IndicatorCell, _ whose: Whose) -> Bool {
        guard let path = UnitPath(rawValue: cell.unitPath) else { return false }
        switch whose {
        case .territory(let unit): return cell.subject == .territory && unit.contains(path)
        case .worker(let id, let unit): return cell.subject == .worker(id) && unit.contains(path)
        case .handler(let unit): return cell.subject == .handler && path == unit
        }
    }
}
