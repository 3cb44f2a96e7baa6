import Foundation

/// One item of the admission list (网格事项准入清单): what a grid worker may report, how it is
/// classified, how urgent it is by default and who handles it. Guangzhou Haizhu's list has 3
/// classes and 109 items; the platform's `EventCatalog.standard` is a smaller, typical one.
///
/// Codes are hierarchical by prefix: `B04` (城市管理) is the parent of `B0401` (暴露垃圾), so a
/// prefix query finds a whole branch. Items are validated as a whole by `EventCatalog`.
public struct EventType: Sendable, Hashable, Codable, Identifiable {
    /// Letters and digits, e.g. `A01`; a child's code starts with its parent's.
    public var code: String
    /// The Chinese name as the list prints it (事项名称).
    public var name: String
    public var parentCode: String?
    public var eventClass: EventClass
    /// The risk kind a report of this type is identified as; nil for pure services and groups.
    public var riskKind: RiskKind?
    /// 1–4 (domain.md §4): 1 the grid worker on the spot, 2 the community, 3 the street, 4 the district.
    public var defaultLevel: Int
    /// Working days to handle, for each level 1–4; 0 means the same working day (当日办结).
    public var deadlineDays: [Int: Int]
    /// The usual handling department's unit code (处置部门, e.g. `510117-ZF`), nil when the
    /// territory handles it itself.
    public var department: String?
    /// 警情: a police matter, routed apart from the others (警情与非警情分流).
    public var isPolice: Bool
    /// 城市部件: a piece of public infrastructure; it goes first to its owner or maintainer
    /// (CJ/T 214), so a street may dispatch it straight to the owner department.
    public var isComponent: Bool
    /// Whether residents may report it themselves; sensitive and police matters are not public.
    public var isPublic: Bool
    /// The structured details a report must or may carry.
    public var requiredAttributes: [AttributeSpec]

    public var id: String { code }

    public init(
        code: String, name: String, parentCode: String? = nil, eventClass: EventClass,
        riskKind: RiskKind? = nil, defaultLevel: Int, deadlineDays: [Int: Int] = EventType.standardDeadlineDays,
        department: String? = nil, isPolice: Bool = false, isComponent: Bool = false, isPublic: Bool = true,
        requiredAttributes: [AttributeSpec] = []
    ) {
        self.code = code
        self.name = name
        self.parentCode = parentCode
        self.eventClass = eventClass
        self.riskKind = riskKind
        self.defaultLevel = defaultLevel
        self.deadlineDays = deadlineDays
        self.department = department
        self.isPolice = isPolice
        self.isComponent = isComponent
        self.isPublic = isPublic
        self.requiredAttributes = requiredAttributes
    }

    /// Binjiang's deadlines (`DeadlineRule.standard(forLevel:)`): same day, 3, 7 and 7 working days.
    public static let standardDeadlineDays: [Int: Int] = Dictionary(
        uniqueKeysWithValues: (1...4).map { ($0, DeadlineRule.standard(forLevel: $0)?.workingDays ?? 0) })

    /// The event levels (事件等级).
    public static let levels: ClosedRange<Int> = 1...4

    /// The handling rule for `level`: the type's own days when configured and valid, else the
    /// platform's standard for the level, else the same working day.
    public func deadlineRule(forLevel level: Int) -> DeadlineRule {
        EventType.deadlineRule(forLevel: level, days: deadlineDays)
    }

    /// See `deadlineRule(forLevel:)`; for callers that hold only the days (the state machine).
    public static func deadlineRule(forLevel level: Int, days: [Int: Int]) -> DeadlineRule {
        if let configured = days[level], let rule = try? DeadlineRule(workingDays: configured) {
            return rule
        }
        return DeadlineRule.standard(forLevel: level) ?? .sameWorkingDay
    }
}
