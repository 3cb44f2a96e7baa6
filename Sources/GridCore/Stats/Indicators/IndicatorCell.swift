/// Where one `MeasureVector` is kept in the indicator tables (指标汇总表): a grain, whose
/// figures they are, a period and a place.
public struct IndicatorCell: Sendable, Hashable, Comparable {
    /// The tables' grains. Each event adds to one cell of every grain it belongs to, so a period's
    /// figures are read from whichever grain needs the fewest rows.
    public enum Grain: String, Sendable, CaseIterable, Hashable {
        /// Per report (or due) day and grid: day and custom periods, daily trends.
        case day = "d"
        /// Per month and grid: months, quarters, years — a district's year is ~7,000 rows.
        case month = "m"
        /// Per day, grid and event type: type figures of partial months.
        case dayType = "dt"
        /// Per month, grid and event type: the type mix of whole months.
        case monthType = "mt"
        /// Per month and event type, summed at the district and at each street (the path is the
        /// district's or the street's, not a grid's): a district's yearly type mix is then ~700
        /// rows instead of ~180,000 grid rows.
        case monthTypeRollup = "mtr"

        public var byType: Bool { self == .dayType || self == .monthType || self == .monthTypeRollup }
        public var isMonthly: Bool { self == .month || self == .monthType || self == .monthTypeRollup }

        /// The deepest unit level (0 district, 1 street) that has `monthTypeRollup` cells.
        public static let rollupDepth = 1
    }

    /// Whose figures a cell holds.
    public enum Subject: Sendable, Hashable, Comparable {
        /// The territory (属地): the grid the event happened in.
        case territory
        /// The reporter (上报人), within the grid.
        case worker(String)
        /// The handling unit (处置单位) the event was dispatched to; the cell's path is that unit's.
        case handler

        /// As stored: "", "w:<user id>", "h".
        public var stored: String {
            switch self {
            case .territory: ""
            case .worker(let id): "w:" + id
            case .handler: "h"
            }
        }

        public init?(stored: String) {
            switch stored {
            case "": self = .territory
            case "h": self = .handler
            default:
                guard stored.hasPrefix("w:"), stored.count > 2 else { return nil }
                self = .worker(String(stored.dropFirst(2)))
            }
        }
    }

    public let grain: Grain
    public let subject: Subject
    /// "2026-11-05" for daily grains, "2026-11" for monthly ones.
    public let period: String
    /// The grid's path (or the handling unit's, for `.handler`).
    public let unitPath: String
    /// The event type's code for typed grains, "" otherwise.
    public let typeCode: String

    public init(grain: Grain, subject: Subject, period: String, unitPath: String, typeCode: String = "") {
        self.grain = grain
        self.subject = subject
        self.period = period
        self.unitPath = unitPath
        self.typeCode = grain.byType ? typeCode : ""
    }

    /// The order rows are written in, so that two writers on PostgreSQL lock cells in the same
    /// order and never deadlock.
    public static func < (lhs: IndicatorCell, rhs: IndicatorCell) -> Bool {
        (lhs.grain.rawValue, lhs.subject.stored, lhs.period, lhs.unitPath, lhs.typeCode)
            < (rhs.grain.rawValue, rhs.subject.stored, rhs.period, rhs.unitPath, rhs.typeCode)
    }
}
