import Foundation

/// One patrol of the demo year, as the patrol log stores it: the patrol with its short track,
/// the worker's name for lists and the local day it began on.
public struct DemoPatrol: Sendable, Hashable {
    public let patrol: Patrol
    public let workerName: String
    public let day: CalendarDay
}

/// One household visit of the demo year (走访), as the visits table stores it, with what the
/// indicator tables need besides: whether the household is owed monthly visits and the visit's
/// place among the household's visits in its window (1 for the first).
public struct DemoVisit: Sendable, Hashable {
    public let id: UUID
    /// The household as the register keys it (`VisitStore.households`).
    public let householdKey: String
    public let gridPath: UnitPath
    public let visitorID: UUID
    public let visitorName: String
    public let visitedAt: Date
    public let day: CalendarDay
    /// Whom the worker met, what they noted, what the household asked for (short Chinese text).
    public let met: String
    public let notes: String
    public let needs: String
    public let monthly: Bool
    public let ordinal: Int

    /// What the visit adds to the indicator tables, as the visit's write would (`VisitFacts`).
    public var cells: [IndicatorCell: MeasureVector] {
        VisitFacts.cells(day: day, grid: gridPath, visitor: visitorID, monthly: monthly, ordinal: ordinal)
    }
}
