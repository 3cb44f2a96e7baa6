import FluentKit
import Foundation
import GridCore
import GridStore

/// The deadline sweep (超期处理): each overdue stage gets the response the district's
/// `OverduePolicy` names — by default, reports still awaiting triage or dispatch go up one level
/// (上报上级) and later stages are urged (催办), so the handler and the dispatcher hear of it.
/// Each overdue deadline is acted on exactly once, however many server instances sweep at once.
public struct OverdueSweep: Sendable {
    let services: GridServices

    public init(services: GridServices) {
        self.services = services
    }

    private var catalog: EventCatalog { services.catalog.catalog }

    /// The platform acting on its own: the roles whose rules escalation and urging follow, over
    /// the whole tree.
    static let systemID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 1))
    static let systemName = "系统（超期自动处理）"

    public struct Result: Sendable, Equatable {
        public var escalated = 0
        public var urged = 0
        public var supervised = 0
        public var skipped = 0
    }

    /// Sweeps until nothing overdue is left unclaimed.
    @discardableResult
    public func run(on db: any Database) async throws -> Result {
        let policy = try await OverduePolicyService.load(on: db)
        let work: @Sendable () async throws -> Result = {
            var total = Result()
            while true {
                let batch = ResultBox()
                let claimed = try await EventStore.claimOverdue(
                    now: services.clock.now, states: policy.sweptStates, limit: 100, on: db
                ) { event, tx in
                    try await act(on: event, policy: policy, batch: batch, on: tx)
                }
                let counts = batch.value
                total.escalated += counts.escalated
                total.urged += counts.urged
                total.supervised += counts.supervised
                total.skipped += counts.skipped
                if claimed < 100 { return total }
            }
        }
        switch services.config.database {
        case .postgres: return try await work()
        case .sqliteFile(let path): return try await SQLiteExclusiveLock.shared.withLock(file: path + ".sweep", work)
        case .sqliteMemory: return try await SQLiteExclusiveLock.shared.withLock(file: nil, work)
        }
    }

    private func act(on event: StoredEvent, policy: OverduePolicy, batch: ResultBox, on db: any Database) async throws {
        let snapshot = event.snapshot
        let now = services.clock.now
        guard let action = policy.action(for: snapshot) else {
            batch.add(skipped: 1)
            return
        }
        let roots = snapshot.gridPath.codes.first.flatMap { try? UnitCode($0) }.map { UnitPath(root: $0) } ?? snapshot.gridPath
        let actor = EventActor(userID: Self.systemID, roles: [.communityOperator, .streetOperator, .leader], unitPath: roots)
        let transition: EventTransition
        do {
            transition = try EventMachine.apply(
                action, to: snapshot, by: actor, now: now, calendar: services.calendar,
                deadlineDays: catalog[snapshot.typeCode]?.deadlineDays ?? [:])
        } catch {
            // Nothing higher to go to, or a pending request holds it: leave it to people.
            batch.add(skipped: 1)
            return
        }
        guard try await EventStore.update(
            transition.event, from: event, entry: transition.entry, actorName: Self.systemName, on: db, now: now)
        else {
            batch.add(skipped: 1)
            return
        }
        for notice in transition.notifications { try await EventStore.notify(notice, on: db, now: now) }
        try await AuditLog.record(
            AuditRecord(action: "event.\(transition.entry.action.rawValue)", targetType: "event", targetID: snapshot.id.uuidString,
                        summary: "\(event.number) overdue: \(transition.entry.action.rawValue)", unitPath: snapshot.gridPath),
            by: .system, on: db, now: now)
        switch action {
        case .escalate: batch.add(escalated: 1)
        case .supervise: batch.add(supervised: 1)
        default: batch.add(urged: 1)
        }
    }
}

/// Counts kept across the claimed rows of one batch.
private final class ResultBox: @unchecked Sendable {
    // Only touched from the one transaction that runs the batch, one row after another.
    var value = OverdueSweep.Result()

    func add(escalated: Int = 0, urged: Int = 0, supervised: Int = 0, skipped: Int = 0) {
        value.escalated += escalated
        value.urged += urged
        value.supervised += supervised
        value.skipped += skipped
    }
}
