import Foundation
import Testing
@testable import GridCore

/// The small world the event tests act in: one district, two streets, two communities of the
/// first street, one grid, two departments, and one canonical user per role.
enum EventFixtures {
    static let calendar = WorkingCalendar()

    static func path(_ raw: String, sourceLocation: SourceLocation = #_sourceLocation) -> UnitPath {
        guard let path = UnitPath(rawValue: raw) else {
            Issue.record("bad fixture path \(raw)", sourceLocation: sourceLocation)
            return UnitPath(root: UnitCode(trusted: "x"))
        }
        return path
    }

    /// An instant from ISO 8601 with an offset, e.g. `2026-09-21T09:00:00+08:00`.
    static func instant(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Date {
        do {
            return try Date(text, strategy: .iso8601)
        } catch {
            Issue.record("bad fixture instant \(text): \(error)", sourceLocation: sourceLocation)
            return Date(timeIntervalSince1970: 0)
        }
    }

    static func day(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CalendarDay {
        guard let day = CalendarDay(iso: text) else {
            Issue.record("bad fixture day \(text)", sourceLocation: sourceLocation)
            return CalendarDay(daysSinceEpoch: 0)
        }
        return day
    }

    /// A fixed UUID ending in `n`, readable in failure messages.
    static func id(_ n: UInt8) -> UUID {
        UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, n))
    }

    // MARK: Units

    static let district = path("/510117/")
    static let street = path("/510117/510117001/")
    static let otherStreet = path("/510117/510117002/")
    static let community = path("/510117/510117001/510117001001/")
    static let otherCommunity = path("/510117/510117001/510117001002/")
    static let grid = path("/510117/510117001/510117001001/510117001001001/")
    static let otherGrid = path("/510117/510117001/510117001002/510117001002001/")
    static let zfPath = path("/510117/510117-ZF/")
    static let sjPath = path("/510117/510117-SJ/")
    static let hbPath = path("/510117/510117-HB/")

    static let zf = HandlingUnitRef(id: id(201), path: zfPath, kind: .department)
    static let sj = HandlingUnitRef(id: id(202), path: sjPath, kind: .department)
    static let hb = HandlingUnitRef(id: id(203), path: hbPath, kind: .department)

    // MARK: People

    static let workerID = id(1)
    /// A community colleague who handled the community's own events (not the canonical operator).
    static let communityColleagueID = id(31)
    /// A ZF colleague who recorded a department's handling.
    static let zfColleagueID = id(32)

    static let admin = EventActor(userID: id(10), roles: [.admin], unitPath: district)
    static let districtOperator = EventActor(userID: id(11), roles: [.districtOperator], unitPath: district)
    static let streetOperator = EventActor(userID: id(12), roles: [.streetOperator], unitPath: street)
    static let communityOperator = EventActor(userID: id(13), roles: [.communityOperator], unitPath: community)
    static let gridHead = EventActor(userID: id(14), roles: [.gridHead], unitPath: community)
    static let worker = EventActor(userID: workerID, roles: [.gridWorker], unitPath: grid)
    static let auxiliary = EventActor(userID: id(16), roles: [.auxiliary], unitPath: grid)
    static let zfHandler = EventActor(userID: id(17), roles: [.departmentHandler], unitPath: zfPath)
    static let leader = EventActor(userID: id(18), roles: [.leader], unitPath: district)
    static let resident = EventActor(userID: id(19), roles: [.resident], unitPath: grid)
    static let sjHandler = EventActor(userID: id(20), roles: [.departmentHandler], unitPath: sjPath)
    static let hbHandler = EventActor(userID: id(21), roles: [.departmentHandler], unitPath: hbPath)
    static let otherCommunityOperator = EventActor(userID: id(22), roles: [.communityOperator], unitPath: otherCommunity)
    static let otherStreetOperator = EventActor(userID: id(23), roles: [.streetOperator], unitPath: otherStreet)
    static let otherWorker = EventActor(userID: id(24), roles: [.gridWorker], unitPath: grid)
    static let secondStreetOperator = EventActor(userID: id(25), roles: [.streetOperator], unitPath: street)

    /// The canonical actor of each role, placed where that role sits for the fixture event.
    static func actor(_ role: Role) -> EventActor {
        switch role {
        case .admin: admin
        case .districtOperator: districtOperator
        case .streetOperator: streetOperator
        case .communityOperator: communityOperator
        case .gridHead: gridHead
        case .gridWorker: worker
        case .auxiliary: auxiliary
        case .departmentHandler: zfHandler
        case .leader: leader
        case .resident: resident
        }
    }

    // MARK: Events

    static let eventID = id(100)
    static let otherEventID = id(101)
    /// Mon 2026-09-21 09:00 Beijing.
    static let reportedAt = instant("2026-09-21T09:00:00+08:00")
    /// Tue 2026-09-22 10:00 Beijing: when the fixtures act.
    static let now = instant("2026-09-22T10:00:00+08:00")
    /// 占道经营: level 2, ZF, [0, 3, 7, 7].
    static let days = EventCatalog.standard["B0402"]?.deadlineDays ?? EventType.standardDeadlineDays

    static func deadline(level: Int, from start: Date) -> Deadline {
        calendar.deadline(EventType.deadlineRule(forLevel: level, days: days), acceptedAt: start)
    }

    /// A reported event of the community at level 2.
    static func event(_ state: EventState, owner: UnitKind = .community, level: Int = 2) -> EventSnapshot {
        let ownerPath = owner == .street ? street : owner == .district ? district : community
        var event = EventSnapshot(
            id: eventID, typeCode: "B0402", state: state, level: level, reporterID: workerID, reporterRole: .gridWorker,
            reportedAt: reportedAt, gridPath: grid, ownerPath: ownerPath, ownerKind: owner,
            escalations: owner == .community ? 0 : 1, version: 3)
        if state != .reported {
            let handling = deadline(level: level, from: reportedAt)
            event.handlingDeadline = handling
            event.deadline = state.isHandlingStage ? handling : nil
        }
        return event
    }

    /// Applies with the fixture calendar and days at `now`.
    static func apply(
        _ action: EventAction, to event: EventSnapshot, by actor: EventActor, at time: Date = now
    ) throws(EventRefusal) -> EventTransition {
        try EventMachine.apply(action, to: event, by: actor, now: time, calendar: calendar, deadlineDays: days)
    }

    /// The refusal of an action expected to fail, nil (and an issue) when it succeeds.
    static func refusal(
        _ action: EventAction, to event: EventSnapshot, by actor: EventActor, at time: Date = now,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> EventRefusal? {
        do {
            let transition = try apply(action, to: event, by: actor, at: time)
            Issue.record("expected a refusal, got \(transition.event.state)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }
}
