import Foundation

/// How a report came in (上报渠道). The raw values are the API's `channel` strings
/// (`ReportEventRequestDTO.channel`): store them as they are.
public enum DemoEventChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// 网格员上报, from the grid worker's phone on patrol.
    case gridWorker = "grid_worker"
    /// 居民上报 (resident app, public items only).
    case resident
    /// 12345 热线转办, recorded by the district centre.
    case hotline
    /// 部门上报: a department handler reports what its inspectors found.
    case department
    /// 视频巡查: the street centre's video patrol.
    case video

    public var label: LocalizedText {
        switch self {
        case .gridWorker: LocalizedText(zh: "网格员上报", en: "grid worker")
        case .resident: LocalizedText(zh: "居民上报", en: "resident")
        case .hotline: LocalizedText(zh: "12345热线", en: "12345 hotline")
        case .department: LocalizedText(zh: "部门上报", en: "department")
        case .video: LocalizedText(zh: "视频巡查", en: "video patrol")
        }
    }
}

/// One timeline entry as the loader writes it: the machine's entry and the actor's display name
/// (`event_timeline.actor_name`).
public struct DemoTimelineEntry: Sendable, Hashable {
    public let entry: TimelineEntry
    public let actorName: String

    public init(entry: TimelineEntry, actorName: String) {
        self.entry = entry
        self.actorName = actorName
    }
}

/// One generated event of the demo year (演示事件), with everything the loader writes for it.
/// The snapshot and timeline are exactly what `EventMachine` returned step by step.
public struct DemoEvent: Sendable, Hashable, Identifiable {
    /// The final state-machine snapshot at the year's `until` (`version == timeline.count`).
    public let snapshot: EventSnapshot
    /// The ticket number, `YYMMDD` + 5 digits of the local report day, as `EventStore.nextNumber` forms it.
    public let number: String
    public let description: String
    public let channel: DemoEventChannel
    /// Where it happened, inside the grid's outline.
    public let location: Coordinate
    /// The datum of `location`: GCJ-02, the map's (so the map point is the location itself).
    public let locationDatum: Datum
    /// The grid unit's id (`events.grid_id`); its path is `snapshot.gridPath`.
    public let gridID: UUID
    /// When it happened (at or before `reportedAt`).
    public let occurredAt: Date
    public let reporterName: String
    /// Values for the type's attributes: every required one, some optional ones; valid under
    /// `EventType.validate(attributes:)`.
    public let attributes: [String: JSONValue]
    /// Every step from the report on, oldest first, with the actors' names.
    public let timeline: [DemoTimelineEntry]
    /// Discovery and disposal ratings, for resolved events whose ratings were given before `until`.
    public let ratings: EventRatings?
    /// The deadline (`events.deadline_at`) the overdue sweep already acted on, for
    /// `events.sweep_mark`, so that the live sweep does not act on it a second time.
    public let sweepMark: Date?

    public var id: UUID { snapshot.id }
    public var typeCode: String { snapshot.typeCode }
    public var gridPath: UnitPath { snapshot.gridPath }
    public var reportedAt: Date { snapshot.reportedAt }
    /// The handling deadline, else the stage's: the deadline the generator's simulated sweep
    /// acts on. (`EventStore` keeps the current stage's deadline, `snapshot.deadline`, in
    /// `events.deadline_at`; the two differ only for handled and verified events.)
    public var deadlineAt: Date? { snapshot.handlingDeadline?.end ?? snapshot.deadline?.end }

    public init(
        snapshot: EventSnapshot, number: String, description: String, channel: DemoEventChannel, location: Coordinate,
        locationDatum: Datum, gridID: UUID, occurredAt: Date, reporterName: String, attributes: [String: JSONValue],
        timeline: [DemoTimelineEntry], ratings: EventRatings?, sweepMark: Date?
    ) {
        self.snapshot = snapshot
        self.number = number
        self.description = description
        self.channel = channel
        self.location = location
        self.locationDatum = locationDatum
        self.gridID = gridID
        self.occurredAt = occurredAt
        self.reporterName = reporterName
        self.attributes = attributes
        self.timeline = timeline
        self.ratings = ratings
        self.sweepMark = sweepMark
    }
}

/// A step `EventMachine` refused while generating: a bug of the generator, never expected. The
/// event is left out of its batch and counted here, so tests can insist there are none.
public struct DemoEventRefusal: Sendable, Hashable, Error {
    public let eventID: UUID
    public let typeCode: String
    public let action: EventAction.Name
    public let state: EventState
    public let refusal: EventRefusal

    public init(eventID: UUID, typeCode: String, action: EventAction.Name, state: EventState, refusal: EventRefusal) {
        self.eventID = eventID
        self.typeCode = typeCode
        self.action = action
        self.state = state
        self.refusal = refusal
    }
}

/// The events reported on one local day, in ticket-number order.
public struct DemoEventBatch: Sendable, Hashable {
    public let day: CalendarDay
    public let events: [DemoEvent]
    /// Events dropped because a step was refused (expected empty).
    public let refusals: [DemoEventRefusal]
    /// The highest ticket serial used on this day (`event_numbers.last` for `day`), 0 when none.
    public let lastSerial: Int

    public init(day: CalendarDay, events: [DemoEvent], refusals: [DemoEventRefusal], lastSerial: Int) {
        self.day = day
        self.events = events
        self.refusals = refusals
        self.lastSerial = lastSerial
    }
}
