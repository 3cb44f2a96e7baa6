import Foundation

/// A city component (城市部件): a manhole cover, a lamp, a hydrant, a bin… A report about a
/// component goes first to its owner or maintainer (属主, domain.md §4).
///
/// Its code (部件编码) has 16 digits: the 6-digit county code (GB/T 2260), the 4-digit kind code
/// (`ComponentKind.standardCode`) and a 6-digit serial within county and kind.
public struct CityComponent: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    /// 部件编码, e.g. `5101170102048188`.
    public var code: String
    public var kind: ComponentKind
    /// 权属/养护单位: the department or company that owns or maintains it.
    public var ownerDepartment: String
    public var state: ComponentState
    public var location: GeoPoint
    /// The grid it lies in.
    public var gridPath: UnitPath
    /// The day the record was last confirmed or changed (核实/更新日期).
    public var updatedOn: CalendarDay

    public init(
        id: UUID, code: String, kind: ComponentKind, ownerDepartment: String, state: ComponentState,
        location: GeoPoint, gridPath: UnitPath, updatedOn: CalendarDay
    ) {
        self.id = id
        self.code = code
        self.kind = kind
        self.ownerDepartment = ownerDepartment
        self.state = state
        self.location = location
        self.gridPath = gridPath
        self.updatedOn = updatedOn
    }

    /// Builds a component code from its parts: county (6 digits), kind, serial (0…999999).
    public static func code(county: String, kind: ComponentKind, serial: Int) -> String {
        let digits = String(max(0, min(serial, 999_999)))
        return county + kind.standardCode + String(repeating: "0", count: 6 - digits.count) + digits
    }
}
