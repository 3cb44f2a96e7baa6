import Foundation

/// Everything the flow rules need to know about one event (事件), as stored: the state, the
/// side-flow flags, who owns and who handles it, the counters the assessment reads, and the
/// deadlines. `EventMachine.apply` takes one and returns the next; it never mutates in place, so
/// the store can compare versions (optimistic locking: the loser of a race gets HTTP 409).
public struct EventSnapshot: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    /// The admission-list item (`EventType.code`).
    public var typeCode: String
    public var state: EventState
    /// 1–4 (domain.md §4); raised by one on each escalation.
    public var level: Int

    // MARK: Who and where
    public var reporterID: UUID
    public var reporterRole: Role
    public var reportedAt: Date
    /// The grid the event happened in, as it was when reported.
    public var gridPath: UnitPath
    /// The territorial unit now responsible (属地): the grid's community at first, then the street
    /// and the district as the event is escalated. Triage, closing and approvals are its business.
    public var ownerPath: UnitPath
    /// The owner's level: `.community`, `.street` or `.district`.
    public var ownerKind: UnitKind
    /// 城市部件: may be dispatched straight to its owner department.
    public var isComponent: Bool
    /// 就地解决: the grid worker solved it while reporting; it starts at `handled`.
    public var solvedOnSpot: Bool

    // MARK: Side flows
    /// 待核实: the owner asked for the report to be confirmed before 立案.
    public var awaitingCheck: Bool
    /// 挂账: parked with approval; the clock is stopped until resumed.
    public var parked: Bool
    public var parkedAt: Date?
    /// A request awaiting approval (延期 / 作废 / 挂账), at most one.
    public var pendingRequest: EventRequest?
    /// How the event ended, when closed or rejected.
    public var outcome: EventOutcome?

    // MARK: Handling
    /// The lead unit (主办单位), nil until dispatched and when the owner handles it itself.
    public var handlingUnit: HandlingUnitRef?
    /// 协办单位: told of the dispatch; the lead gives feedback for all.
    public var coHandlers: [HandlingUnitRef]
    /// The unit path of the operator who dispatched last: returns go back there and extensions
    /// are approved there.
    public var dispatcherPath: UnitPath?
    /// Who recorded the handling (处置人): by 采办分离 they may not verify it.
    public var handlerID: UUID?
    public var handledAt: Date?
    public var closedAt: Date?

    // MARK: Counters (read by the assessment, domain.md §7)
    /// 返工: failed verifications.
    public var reworkCount: Int
    /// 退回: dispatches refused by a handling unit.
    public var returnCount: Int
    /// 上报上级: escalations.
    public var escalations: Int
    /// 催办.
    public var urgeCount: Int
    /// 督办: under supervision by a centre or a leader.
    public var supervised: Bool

    // MARK: Deadlines
    /// The current stage's deadline (triage, handling, verification or closing); nil when
    /// nothing is due (closed, rejected, parked).
    public var deadline: Deadline?
    /// The handling deadline (办理期限) set at 立案, moved by escalation, extension and resumption;
    /// the disposal rating judges timeliness against it.
    public var handlingDeadline: Deadline?

    /// Optimistic-locking version: 1 when reported, one more per transition.
    public var version: Int

    public init(
        id: UUID, typeCode: String, state: EventState, level: Int,
        reporterID: UUID, reporterRole: Role, reportedAt: Date, gridPath: UnitPath, ownerPath: UnitPath,
        ownerKind: UnitKind = .community, isComponent: Bool = false, solvedOnSpot: Bool = false,
        awaitingCheck: Bool = false, parked: Bool = false, parkedAt: Date? = nil, pendingRequest: EventRequest? = nil,
        outcome: EventOutcome? = nil, handlingUnit: HandlingUnitRef? = nil, coHandlers: [HandlingUnitRef] = [],
        dispatcherPath: UnitPath? = nil, handlerID: UUID? = nil, handledAt: Date? = nil, closedAt: Date? = nil,
        reworkCount: Int = 0, returnCount: Int = 0, escalations: Int = 0, urgeCount: Int = 0, supervised: Bool = false,
        deadline: Deadline? = nil, handlingDeadline: Deadline? = nil, version: Int = 1
    ) {
        self.id = id
        self.typeCode = typeCode
        self.state = state
        self.level = level
        self.reporterID = reporterID
        self.reporterRole = reporterRole
        self.reportedAt = reportedAt
        self.gridPath = gridPath
        self.ownerPath = ownerPath
        self.ownerKind = ownerKind
        self.isComponent = isComponent
        self.solvedOnSpot = solvedOnSpot
        self.awaitingCheck = awaitingCheck
        self.parked = parked
        self.parkedAt = parkedAt
        self.pendingRequest = pendingRequest
        self.outcome = outcome
        self.handlingUnit = handlingUnit
        self.coHandlers = coHandlers
        self.dispatcherPath = dispatcherPath
        self.handlerID = handlerID
        self.handledAt = handledAt
        self.closedAt = closedAt
        self.reworkCount = reworkCount
        self.returnCount = returnCount
        self.escalations = escalations
        self.urgeCount = urgeCount
        self.supervised = supervised
        self.deadline = deadline
        self.handlingDeadline = handlingDeadline
        self.version = version
    }

    /// The grid's community, which verifies fixes (the grid's parent; the grid itself for a
    /// malformed root path).
    public var communityPath: UnitPath { gridPath.territorialParent ?? gridPath }

    /// The unit that handles the event now: the lead unit once dispatched, else the owner.
    public var responsiblePath: UnitPath { handlingUnit?.path ?? ownerPath }

    /// Whether the current stage's deadline has passed (超期) at `now`. A parked or finished event
    /// is never overdue: its clock is stopped.
    public func isOverdue(_ now: Date) -> Bool {
        guard state.isOpen, !parked, let deadline else { return false }
        return deadline.isOverdue(at: now)
    }

    /// How the handling compared with its deadline (办结时效), the row of the disposal rating;
    /// nil until handled. After rework it is the last handling that counts.
    public func handlingTimeliness(calendar: WorkingCalendar, early: EarlyRule = .beforeLastWorkingDay) -> Timeliness? {
        guard let handledAt, let handlingDeadline else { return nil }
        return calendar.timeliness(completedAt: handledAt, deadline: handlingDeadline, early: early)
    }
}
