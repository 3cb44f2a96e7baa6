import Foundation

/// One patrol of a grid worker (巡查): started and stopped on the phone, with its thinned track.
/// Separate from event reports; events reported on the way name it.
public struct Patrol: Sendable, Hashable, Codable {
    public var id: UUID
    public var workerID: UUID
    /// The grid patrolled (the worker's own unless they serve several).
    public var gridPath: UnitPath
    public var startedAt: Date
    /// Nil while the patrol goes on.
    public var endedAt: Date?
    public var track: [TrackPoint]
    /// Events the worker reported on the way (their ids, sorted; at most `PatrolRules.linkedEventLimit`).
    public var eventIDs: [UUID]

    public init(
        id: UUID, workerID: UUID, gridPath: UnitPath, startedAt: Date, endedAt: Date? = nil, track: [TrackPoint] = [], eventIDs: [UUID] = []
    ) {
        self.id = id
        self.workerID = workerID
        self.gridPath = gridPath
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.track = track
        self.eventIDs = []
        link(eventIDs)
    }

    public var isOpen: Bool { endedAt == nil }

    /// Metres along the track.
    public var distance: Double { PatrolTrack.length(track) }

    /// Adds fixes: merged with the track so far and thinned again; fixes before the start or after
    /// the end are not part of this patrol.
    public mutating func record(_ points: [TrackPoint]) {
        let start = startedAt, end = endedAt ?? .distantFuture
        let inside = points.filter { $0.at >= start && $0.at <= end }
        track = PatrolTrack.thinned(track + inside)
    }

    /// Links events reported during the patrol. A union, so a phone resending its whole list (or
    /// an older one) never unlinks anything; bounded so one patrol row stays small.
    public mutating func link(_ ids: [UUID]) {
        let merged = Set(eventIDs).union(ids)
        eventIDs = merged.sorted { $0.uuidString < $1.uuidString }
        if eventIDs.count > PatrolRules.linkedEventLimit { eventIDs = Array(eventIDs.prefix(PatrolRules.linkedEventLimit)) }
    }

    /// Seconds of this patrol within `from ..< to`, counting an open patrol up to `now`. A patrol
    /// left open for longer than `PatrolRules.longestPatrol` counts no further (a phone that never
    /// said stop does not patrol all night).
    public func seconds(from: Date, to: Date, now: Date) -> TimeInterval {
        let end = endedAt ?? min(now, startedAt.addingTimeInterval(PatrolRules.longestPatrol))
        return max(0, min(end, to).timeIntervalSince(max(startedAt, from)))
    }
}

/// The patrol standard (每天巡查不少于 4 小时) and the limits the server holds a phone to.
public enum PatrolRules {
    public static let dailyStandard: TimeInterval = 4 * 3600
    public static let longestPatrol: TimeInterval = 14 * 3600
    /// Phones' clocks drift; a time further ahead than this is refused.
    public static let clockSlack: TimeInterval = 5 * 60
    /// Events linked to one patrol at most (a worker reports a few dozen a day at most).
    public static let linkedEventLimit = 500

    /// Why a patrol cannot start at `start` or end at `end`, seen at `now`; nil when it can.
    public static func problem(start: Date, end: Date?, now: Date) -> ValidationFailure? {
        if start > now.addingTimeInterval(clockSlack) {
            return ValidationFailure(field: "started_at", zh: "开始时间不能晚于现在", en: "the start cannot be in the future")
        }
        guard let end else { return nil }
        if end < start {
            return ValidationFailure(field: "ended_at", zh: "结束时间不能早于开始时间", en: "the end cannot come before the start")
        }
        if end > now.addingTimeInterval(clockSlack) {
            return ValidationFailure(field: "ended_at", zh: "结束时间不能晚于现在", en: "the end cannot be in the future")
        }
        return nil
    }

    /// Seconds patrolled by `patrols` on the local day `day`.
    public static func seconds(of patrols: [Patrol], on day: CalendarDay, calendar: WorkingCalendar, now: Date) -> TimeInterval {
        let from = calendar.start(of: day), to = calendar.start(of: day.adding(days: 1))
        return patrols.reduce(0) { $0 + $1.seconds(from: from, to: to, now: now) }
    }
}
